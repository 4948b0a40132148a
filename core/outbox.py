"""The transactional outbox (style rule 27): nothing a user does waits on the broker.

``enqueue_on_commit`` writes the job as a row in the caller's transaction, with a NOTIFY that
PostgreSQL delivers only when that transaction commits; a rolled-back change leaves no job. The
dispatcher (``manage.py dispatch_outbox``) hands pending rows to Celery with a bounded publish and
marks each sent. Rows are claimed with SELECT ... FOR UPDATE SKIP LOCKED, so two dispatchers never
send the same row; a dispatcher that dies between publishing and committing sends its row again,
which is harmless because every task is idempotent. See docs/core.md.
"""

from __future__ import annotations

import logging
import select
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta

from celery import current_app
from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from .models import OutboxJob

logger = logging.getLogger(__name__)

CHANNEL = "core_outbox"
BATCH_SIZE = 100
PRUNE_EVERY_SECONDS = 3600


def enqueue_on_commit(task, *args, task_id: str | None = None) -> OutboxJob:
    """Record ``task(*args)`` to be sent once the caller's transaction commits (style rules 18, 27).

    Only PostgreSQL is touched: the row and the NOTIFY that wakes the dispatcher commit or roll
    back with the caller's change. ``task_id`` becomes the Celery task id (a new UUID if omitted).
    With ``CELERY_TASK_ALWAYS_EAGER`` (tests, development without a worker) the dispatcher runs
    at commit instead, so the task still runs through the same path, in the same process.
    """
    with transaction.atomic():
        job = OutboxJob.objects.create(task=task.name, args=list(args), task_id=task_id or str(uuid.uuid4()))
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_notify(%s, '')", [CHANNEL])
    if task.app.conf.task_always_eager:
        transaction.on_commit(dispatch_pending)
    return job


@dataclass
class DispatchReport:
    sent: int = 0
    failed: int = 0
    broker_down: bool = False


class UnknownTaskError(LookupError):
    """The job names a task this process does not know (renamed or removed since it was queued)."""


def _publish(job: OutboxJob) -> None:
    """Hand one job to the broker once, without Celery's publish retry: the outbox is the retry."""
    task = current_app.tasks.get(job.task)
    if task is None:
        raise UnknownTaskError(f"Unknown task {job.task!r}")
    task.apply_async(args=job.args, task_id=job.task_id, retry=False)


def _send(job: OutboxJob, report: DispatchReport) -> None:
    """Publish ``job`` and record the outcome on its row (the caller holds the row lock)."""
    job.attempts += 1
    try:
        _publish(job)
    except UnknownTaskError as exc:
        job.last_error = str(exc)
        report.failed += 1
    except Exception as exc:  # noqa: BLE001 - any broker error: the row stays pending and is retried
        job.last_error = f"{type(exc).__name__}: {exc}"
        report.failed += 1
        report.broker_down = True
    else:
        job.sent_at, job.last_error = timezone.now(), ""
        report.sent += 1
    job.save(update_fields=["attempts", "sent_at", "last_error"])
    if job.last_error:
        logger.warning("Outbox job %s (%s) not sent: %s", job.pk, job.task, job.last_error)


def dispatch_pending(*, batch_size: int = BATCH_SIZE) -> DispatchReport:
    """Send every pending job, oldest first; stop at the first broker failure (the rest wait).

    A job whose task is unknown to this process is skipped with its error recorded, so it never
    holds up the jobs behind it.
    """
    report, after = DispatchReport(), 0
    while not report.broker_down:
        with transaction.atomic():
            claimed = OutboxJob.objects.pending().filter(pk__gt=after).select_for_update(skip_locked=True)
            jobs = list(claimed.order_by("pk")[:batch_size])
            for job in jobs:
                after = job.pk
                _send(job, report)
                if report.broker_down:
                    break
        if len(jobs) < batch_size:
            break
    return report


def outbox_prune(*, keep_days: int | None = None) -> int:
    """Delete jobs sent more than ``keep_days`` (``OUTBOX_RETENTION_DAYS``) ago; pending ones stay."""
    days = settings.OUTBOX_RETENTION_DAYS if keep_days is None else keep_days
    deleted, _ = OutboxJob.objects.filter(sent_at__lt=timezone.now() - timedelta(days=days)).delete()
    return deleted


def _listen(listening_on: object) -> object:
    """LISTEN on the current connection unless done already (LISTEN belongs to the session)."""
    connection.ensure_connection()
    if connection.connection is not listening_on:
        with connection.cursor() as cursor:
            cursor.execute(f"LISTEN {CHANNEL}")
    return connection.connection


def _wait_for_notify(timeout: float) -> None:
    """Block until a NOTIFY arrives or ``timeout`` passes, then drop the notifications read."""
    raw = connection.connection
    with connection.wrap_database_errors:
        if raw.notifies or select.select([raw], [], [], timeout)[0]:
            raw.poll()
        raw.notifies.clear()


def dispatch_forever(*, poll_seconds: float, stop: threading.Event | None = None) -> None:
    """Dispatch at every NOTIFY and at least every ``poll_seconds``; prune sent jobs hourly.

    While the broker is down the NOTIFYs are not followed: the next try waits a full poll
    interval. A lost database connection is reopened on the next round.
    """
    stop = stop or threading.Event()
    next_prune, listening_on = 0.0, None
    while not stop.is_set():
        try:
            listening_on = _listen(listening_on)
            report = dispatch_pending()
            if time.monotonic() >= next_prune:
                outbox_prune()
                next_prune = time.monotonic() + PRUNE_EVERY_SECONDS
            if report.broker_down:
                stop.wait(poll_seconds)
            else:
                _wait_for_notify(poll_seconds)
        except DatabaseError:
            logger.exception("Outbox dispatcher lost the database; retrying in %s s", poll_seconds)
            connection.close()
            stop.wait(poll_seconds)
