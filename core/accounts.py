"""Account views: login throttled per client address, and the password reset e-mail's absolute link.

Login throttling per client address across usernames works beside django-axes' per-username lock.

django-axes locks one username from one address after ``AXES_FAILURE_LIMIT`` failures, which stops
guessing one password but not trying one common password against many usernames. This counts
failures per address whatever the username, with a looser limit (``LOGIN_IP_FAILURE_LIMIT``) because a
whole office may log in from one address. The counter lives in Redis and fails open: when Redis is
down, logins still work and axes (in PostgreSQL) still guards each account.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.shortcuts import render
from redis.exceptions import RedisError

from .clientip import client_ip

logger = logging.getLogger(__name__)
CACHE_ERRORS = (RedisError, OSError, ValueError)  # ValueError: the key expired between add and incr


def _window() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def _bucket(request) -> str:
    return f"login:failures:{client_ip(request)}:{int(time.time()) // _window()}"


def address_blocked(request) -> bool:
    """Whether the client's address used up its failed logins in the current window."""
    try:
        return (cache.get(_bucket(request)) or 0) >= settings.LOGIN_IP_FAILURE_LIMIT
    except CACHE_ERRORS as exc:
        logger.warning("Login throttle not checked, allowing the attempt (cache unavailable: %s)", exc)
        return False


def address_failure_record(request) -> None:
    """Count one failed login against the client's address."""
    bucket = _bucket(request)
    try:
        cache.add(bucket, 0, timeout=_window() + 5)
        cache.incr(bucket)
    except CACHE_ERRORS as exc:
        logger.warning("Failed login not counted (cache unavailable: %s)", exc)


class LoginView(auth_views.LoginView):
    """Django's login, refused with 429 while the client's address is over its failure limit."""

    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if address_blocked(request):
            context = {"cooloff_timedelta": settings.AXES_COOLOFF_TIME, "per_address": True}
            return render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        address_failure_record(self.request)
        return super().form_invalid(form)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset by e-mail; the link starts with ``SITE_URL``, never with the request's Host header."""

    @property
    def extra_email_context(self) -> dict:
        return {"site_url": settings.SITE_URL.rstrip("/")}
