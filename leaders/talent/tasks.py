"""Thin Celery wrapper around ``leaders.talent.services``; it takes IDs."""

from __future__ import annotations

from celery import shared_task


@shared_task
def talent_map_compute(run_id: int) -> int:
    """Compute the period of a queued run (idempotent: a second delivery redoes the same upsert)."""
    from ..models import TalentRun
    from .services import talent_map_compute as compute

    run = TalentRun.objects.select_related("period").get(pk=run_id)
    return compute(period=run.period, run=run)
