"""Health: a plain JSON answer for monitoring (the administrators' page is ``org.views.health_detail``)."""

from __future__ import annotations

from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from . import health


@never_cache
def health_check(request):
    """For monitoring, without login: 200 when every check passes, else 503 naming what failed."""
    checks = health.checks(at=timezone.now())
    healthy = all(check.ok for check in checks)
    body = {
        "status": "ok" if healthy else "error",
        "checks": {check.name: "ok" if check.ok else check.detail or "error" for check in checks},
    }
    return JsonResponse(body, status=200 if healthy else 503)
