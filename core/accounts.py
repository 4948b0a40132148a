"""Account views: login throttled per client address, and the password reset e-mail sent through the outbox.

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
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.shortcuts import render
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from redis.exceptions import RedisError

from .clientip import client_ip
from .outbox import enqueue_on_commit

logger = logging.getLogger(__name__)
RESET_SUBJECT_TEMPLATE = "registration/password_reset_subject.txt"
RESET_EMAIL_TEMPLATE = "registration/password_reset_email.html"
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


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, except that the e-mail is queued (outbox) instead of sent in the request.

    An SMTP server that is slow or down must not hang the page. Only the account and the language go
    into the queue: the worker makes the one-time link itself (``password_reset_email_send``), so no
    usable link is ever stored in the outbox table.
    """

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        from .tasks import password_reset_email_send

        enqueue_on_commit(password_reset_email_send, context["user"].pk, translation.get_language())


def password_reset_email_send(*, user_id: int, language: str) -> None:
    """Send the reset e-mail of one account, with a fresh one-time link starting with ``SITE_URL``."""
    user = get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        return  # deactivated or switched to another login since the request: nothing to reset
    context = {
        "user": user,
        "email": getattr(user, user.get_email_field_name()),
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
        "site_url": settings.SITE_URL.rstrip("/"),
    }
    with translation.override(language):
        PasswordResetForm().send_mail(RESET_SUBJECT_TEMPLATE, RESET_EMAIL_TEMPLATE, context, None, context["email"])


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset by e-mail, queued through the outbox (``QueuedPasswordResetForm``)."""

    form_class = QueuedPasswordResetForm
    subject_template_name = RESET_SUBJECT_TEMPLATE
    email_template_name = RESET_EMAIL_TEMPLATE
