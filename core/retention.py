"""Retention of log tables: delete what is past its keep period in short batches (docs/core.md).

The nightly prunes of the API call log and the reminder log share this loop, so both keep the same
guarantees: the oldest rows go first, one ``DELETE`` per batch, each batch committing on its own (the
caller runs outside a transaction), so a big backlog never holds a long lock and rows written meanwhile
are written as usual; a run cut short leaves only newer rows for the next one.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

BATCH_SIZE = 5000


def cutoff(days: int) -> datetime:
    """The moment before which a row kept for ``days`` days is past its keep period."""
    return timezone.now() - timedelta(days=days)


def delete_in_batches(rows: QuerySet, *, oldest_first: tuple[str, ...], batch_size: int = BATCH_SIZE) -> int:
    """Delete ``rows`` in the order ``oldest_first``, ``batch_size`` at a time; returns how many went."""
    model = rows.model
    ordered = rows.order_by(*oldest_first).values("pk")
    deleted = 0
    while True:
        _total, per_model = model._default_manager.filter(pk__in=ordered[:batch_size]).delete()
        batch = per_model.get(model._meta.label, 0)
        deleted += batch
        if batch < batch_size:
            return deleted
