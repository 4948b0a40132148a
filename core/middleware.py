"""Middleware that knows nothing of the domain: hostile requests and security headers."""

from __future__ import annotations

import secrets

from django.core.exceptions import SuspiciousOperation
from django.utils.cache import add_never_cache_headers


class NulByteInRequest(SuspiciousOperation):
    """A NUL byte in the path or query string: no link of the app has one, and PostgreSQL refuses it."""


class RejectNulBytesMiddleware:
    """Answer 400 to a NUL byte anywhere in the path or the query string, before any view runs.

    A NUL byte reaching a database lookup raises ``ValueError`` deep in the driver (a 500). Refusing it
    here covers every URL converter, every ``request.GET`` read and every django-filter form at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in key + "".join(values) for key, values in request.GET.lists()):
            raise NulByteInRequest("NUL byte in the path or query string")
        return self.get_response(request)


# Each directive is one entry; {nonce} is filled in per response (see SecurityHeadersMiddleware).
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    # Style elements need the response's nonce (the public survey form inlines its CSS on purpose);
    # style attributes stay allowed: progress bars and charts set widths and heights in markup.
    "style-src": "'self' 'nonce-{nonce}'",
    "style-src-attr": "'unsafe-inline'",
    # Bootstrap draws its select arrows and close buttons with data: SVG images.
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
POLICY_HEADER = "; ".join(f"{directive} {sources}" for directive, sources in CONTENT_SECURITY_POLICY.items())
# Powerful browser features no page of the app uses, refused to every page and every frame.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "accelerometer", "gyroscope",
                    "magnetometer", "display-capture")
)  # fmt: skip


class SecurityHeadersMiddleware:
    """Content-Security-Policy without inline script, Permissions-Policy, and no caching for logged-in users.

    Pages declare behaviour with data attributes read by ``static/js/kinerja.js``, so no inline script
    or event handler is needed. A template that inlines a style element marks it with
    ``nonce="{{ request.csp_nonce }}"``. Pages seen by a logged-in user are never stored by a browser or a
    proxy: after logging out on a shared office computer, the back button must not show them again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(16)
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY_HEADER.replace("{nonce}", request.csp_nonce))
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response
