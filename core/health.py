"""Health checks for monitoring and for the administrators' page (docs/operations.md).

Every check is bounded in time: Redis gets ``HEALTH_BROKER_TIMEOUT`` seconds and no retry, so a hung
broker makes the answer "down", never a hung request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import redis
from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Count, Min, QuerySet
from django.utils.translation import gettext_lazy as _
from django_celery_beat.models import PeriodicTask
from redis.backoff import NoBackoff
from redis.retry import Retry

from .backups import Backup, BackupError, backups_list
from .models import Heartbeat, OutboxJob

DATABASE, BROKER, WORKER, OUTBOX = "database", "broker", "worker", "outbox"
LABELS = {
    DATABASE: _("Basis data"),
    BROKER: _("Broker Celery (Redis)"),
    WORKER: _("Worker Celery dan beat"),
    OUTBOX: _("Pengirim antrean (outbox)"),
}


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str = ""  # the error's class, never its message: the plain endpoint is public
    at: datetime | None = None  # when the component last showed life, where that is known
    waiting: int | None = None  # jobs not yet handed to the broker (the outbox check only)

    @property
    def label(self) -> str:
        return LABELS[self.name]


def database_check() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        return Check(DATABASE, ok=False, detail=type(exc).__name__)
    return Check(DATABASE, ok=True)


def broker_check() -> Check:
    timeout = settings.HEALTH_BROKER_TIMEOUT
    bounded = {"socket_connect_timeout": timeout, "socket_timeout": timeout, "retry": Retry(NoBackoff(), 0)}
    try:
        with redis.Redis.from_url(settings.CELERY_BROKER_URL, **bounded) as client:
            client.ping()
    except (redis.RedisError, OSError, ValueError) as exc:  # ValueError: a URL that is not Redis's
        return Check(BROKER, ok=False, detail=type(exc).__name__)
    return Check(BROKER, ok=True)


def worker_check(*, at: datetime) -> Check:
    """The heartbeat task runs every minute, so a fresh beat proves beat schedules and a worker executes."""
    beat = Heartbeat.objects.filter(name=Heartbeat.WORKER).values_list("at", flat=True).first()
    if beat is None:
        return Check(WORKER, ok=False, detail="never")
    fresh = at - beat <= timedelta(seconds=settings.HEALTH_WORKER_STALE_SECONDS)
    return Check(WORKER, ok=fresh, detail="" if fresh else "stale", at=beat)


def outbox_check(*, at: datetime) -> Check:
    """The dispatcher sends a job within seconds; a job waiting longer means it or the broker is down."""
    pending = OutboxJob.objects.pending().aggregate(count=Count("pk"), oldest=Min("created_at"))
    oldest = pending["oldest"]
    prompt = oldest is None or at - oldest <= timedelta(seconds=settings.HEALTH_OUTBOX_STALE_SECONDS)
    return Check(OUTBOX, ok=prompt, detail="" if prompt else "stale", at=oldest, waiting=pending["count"])


def checks(*, at: datetime) -> list[Check]:
    """Database, broker, worker and outbox; the last two are only asked about when the database answers."""
    database = database_check()
    if not database.ok:
        unknown = [Check(name, ok=False, detail="unknown") for name in (WORKER, OUTBOX)]
        return [database, broker_check(), *unknown]
    return [database, broker_check(), worker_check(at=at), outbox_check(at=at)]


def periodic_tasks() -> QuerySet[PeriodicTask]:
    """The beat schedule with each task's last run (django-celery-beat writes ``last_run_at``)."""
    return PeriodicTask.objects.exclude(task="celery.backend_cleanup").order_by("name")


def last_backup() -> Backup | None:
    try:
        return next(iter(backups_list()), None)
    except (BackupError, OSError):
        return None


def backup_is_recent(backup: Backup | None, *, at: datetime) -> bool:
    """A nightly backup is late once it is more than a day old (plus two hours of slack)."""
    return backup is not None and at - backup.created_at <= timedelta(hours=26)
