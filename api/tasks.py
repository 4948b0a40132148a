"""Thin Celery wrappers around the api services; the periodic one is declared in ``setup_periodic_tasks``."""

from __future__ import annotations

from celery import shared_task


@shared_task
def call_log_prune() -> int:
    """Nightly: delete the call-log rows older than ``API_CALL_LOG_DAYS`` (api.services)."""
    from .services import call_log_prune as prune

    return prune()
