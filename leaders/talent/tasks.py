"""Thin Celery wrapper around ``leaders.talent.services``; it takes IDs."""

from __future__ import annotations

from celery import shared_task

MAX_RETRIES = 4


# As ``scoring.tasks.score_run_execute``: acknowledged only once the run is over and given back if the
# worker process dies, so no queued run is lost; the outbox already keeps it until the broker has it.
# A second delivery is harmless: a finished or failed run is skipped, and the upsert is idempotent.
@shared_task(bind=True, max_retries=MAX_RETRIES, acks_late=True, reject_on_worker_lost=True)
def talent_map_compute(self, run_id: int) -> int | None:
    """Compute the period of a queued run; transient database errors retry with back-off, and the last
    failure (or any other error) marks the run failed, so the map stops showing it as pending."""
    from core.retry import TRANSIENT_ERRORS, backoff

    from .services import talent_run_execute

    try:
        return talent_run_execute(run_id=run_id, retry_transient=self.request.retries < self.max_retries)
    except TRANSIENT_ERRORS as exc:
        raise self.retry(exc=exc, countdown=backoff(self.request.retries)) from exc
