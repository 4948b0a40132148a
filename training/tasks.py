"""Thin Celery wrappers around ``training.services``; they take IDs."""

from __future__ import annotations

from celery import shared_task


@shared_task
def recommendations_compute(period_id: int, *, everyone: bool = False) -> int:
    """Recompute a period's needs and proposed recommendations (idempotent: a second delivery finds
    nothing changed). Returns the number of recommendations proposed to the employees derived again."""
    from appraisal.models import AppraisalPeriod

    from .services import recommendations_compute as compute

    return compute(period=AppraisalPeriod.objects.get(pk=period_id), everyone=everyone).recommendations
