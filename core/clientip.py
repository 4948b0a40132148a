"""The client's address, the same for login throttling (django-axes) and the survey rate limits."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """``REMOTE_ADDR``; behind ``TRUSTED_PROXY_COUNT`` reverse proxies, the address the outermost one saw.

    Each proxy appends the address it received the request from to X-Forwarded-For, so only the last
    ``TRUSTED_PROXY_COUNT`` entries are trustworthy: whatever comes before them the client wrote itself.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
