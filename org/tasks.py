"""Thin Celery wrappers around the org services; they take IDs."""

from __future__ import annotations

from celery import shared_task


@shared_task
def import_job_run(job_id: int) -> None:
    """Check or import one uploaded file (org.imports.jobs), publishing progress on the job row."""
    from .imports.jobs import import_job_run as run

    run(job_id=job_id)


@shared_task
def activation_email_send(user_id: int, language: str) -> None:
    """Send one activation e-mail (org.accounts); a second delivery only replaces the code."""
    from .accounts import activation_email_send as send

    send(user_id=user_id, language=language)
