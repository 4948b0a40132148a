"""Thin Celery wrappers around ``scoring.services``; they take IDs."""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError, OperationalError

TRANSIENT_ERRORS = (OperationalError, InterfaceError)
MAX_RETRIES = 4


@shared_task(bind=True, max_retries=MAX_RETRIES)
def score_run_execute(self, run_id: int) -> None:
    """Run a recompute, publishing progress as task state; transient database errors retry with back-off."""
    from .models import ScoreRun
    from .services import score_run_execute as execute

    run = ScoreRun.objects.select_related("period", "employee", "unit").get(pk=run_id)
    if run.status == ScoreRun.Status.SUCCESS:
        return  # a second delivery of a finished run (style rule 27)

    def progress(done: int, total: int) -> None:
        if self.request.id:
            self.update_state(state="PROGRESS", meta={"done": done, "total": total})

    try:
        execute(run=run, on_progress=progress)
    except TRANSIENT_ERRORS as exc:
        raise self.retry(exc=exc, countdown=2 ** (self.request.retries + 2)) from exc


@shared_task
def open_periods_recompute() -> int:
    """Nightly (django-celery-beat): queue a whole-period run for every open period."""
    from .services import open_periods_queue

    return len(open_periods_queue())
