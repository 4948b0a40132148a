"""Access expectations for the ``core`` URLs (collected by ``tests/url_access.py``)."""

from __future__ import annotations

from django.utils import timezone

from core.models import Heartbeat
from tests.url_access import ROLES, Access


def _worker_alive(personas) -> dict:
    """``/health/`` answers 200 only while a worker beats; the matrix tests access, not an outage."""
    Heartbeat.objects.update_or_create(name=Heartbeat.WORKER, defaults={"at": timezone.now()})
    return {}


URL_ACCESS = {
    # Monitoring calls it without a login; it says only "ok" or the name of the failing check.
    "core:health-check": Access(allowed=ROLES, kwargs=_worker_alive),
}
