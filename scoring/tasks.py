"""Thin Celery wrappers around ``scoring.services``; they take IDs."""

from __future__ import annotations

from celery import shared_task

MAX_RETRIES = 4


# acks_late and reject_on_worker_lost: a message is acknowledged only once its run is over, and comes
# back if the worker process dies, so no queued run is lost. A run already claimed is never computed
# twice by a second delivery (the claim is a conditional UPDATE); the watchdog recovers it instead.
@shared_task(bind=True, max_retries=MAX_RETRIES, acks_late=True, reject_on_worker_lost=True)
def score_run_execute(self, run_id: int) -> None:
    """Run a recompute; transient database errors put it back in the queue and retry with back-off."""
    from core.retry import TRANSIENT_ERRORS, backoff

    from .services import score_run_execute as execute

    try:
        execute(run_id=run_id, retry_transient=self.request.retries < self.max_retries)
    except TRANSIENT_ERRORS as exc:
        raise self.retry(exc=exc, countdown=backoff(self.request.retries)) from exc


@shared_task
def open_periods_recompute() -> int:
    """Nightly (django-celery-beat): queue a whole-period run for every open period."""
    from .services import open_periods_queue

    return len(open_periods_queue())


@shared_task
def stale_runs_recover() -> int:
    """Every minute (django-celery-beat): fail the runs that lost their worker and queue new attempts."""
    from .services import stale_runs_recover as recover

    return len(recover())


@shared_task
def marked_scores_compute() -> int:
    """Every minute (django-celery-beat): recompute the employees whose data changed since the last run."""
    from .services import marked_scores_compute as compute

    return compute()
