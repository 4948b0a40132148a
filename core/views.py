"""Health: a plain JSON answer for monitoring, and a page for the administrators."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.module_loading import import_string
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


@never_cache
@login_required
def health_detail(request):
    # Who administers is org's rule; core names it through a setting so that it imports no app above it.
    if not import_string(settings.HEALTH_PAGE_ACCESS)(request.user):
        raise PermissionDenied
    now = timezone.now()
    backup = health.last_backup()
    context = {
        "now": now,
        "checks": health.checks(at=now),
        "periodic_tasks": health.periodic_tasks(),
        "backup": backup,
        "backup_recent": health.backup_is_recent(backup, at=now),
        "backup_root": settings.BACKUP_ROOT,
    }
    return render(request, "core/health_detail.html", context)
