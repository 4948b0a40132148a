"""Celery application: configured from Django settings (``CELERY_*``), tasks autodiscovered."""

import logging
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("kinerja")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)


def enqueue_on_commit(task, *args, task_id: str | None = None) -> None:
    """Queue ``task(*args)`` once the current transaction commits, never before (style rule 18).

    A broker outage must not break the request that caused the work: the data is already in
    PostgreSQL, so the failure is logged and whatever the task would do is redone by its
    periodic counterpart (nightly recompute) or a retry by hand.
    """
    from django.db import transaction

    def send() -> None:
        try:
            task.apply_async(args=args, task_id=task_id)
        except Exception:  # noqa: BLE001 - any broker error: the work is recoverable, the request is not
            logger.warning("Task %s%r not queued: broker unavailable", task.name, args, exc_info=True)

    transaction.on_commit(send)
