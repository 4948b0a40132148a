"""Thin Celery wrappers around the org services; they take IDs."""

from __future__ import annotations

from celery import shared_task


@shared_task
def import_job_run(job_id: int) -> None:
    """Check or import one uploaded file (org.imports.jobs), publishing progress on the job row."""
    from .imports.jobs import import_job_run as run

    run(job_id=job_id)
