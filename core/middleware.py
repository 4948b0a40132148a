"""Middleware that knows nothing of the domain: hostile requests and security headers."""

from __future__ import annotations

from django.core.exceptions import SuspiciousOperation


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
