"""Project-wide error pages."""

from __future__ import annotations

from django.shortcuts import render


def csrf_failure(request, reason: str = ""):
    """A form that sat open too long (a kiosk tablet, a phone left overnight) gets a plain way back,
    instead of Django's technical CSRF page. Nothing was saved, so the citizen simply starts again."""
    return render(request, "403_csrf.html", {"retry_url": request.path}, status=403)
