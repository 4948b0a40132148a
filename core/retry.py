"""Which failures a Celery task retries, and how long it waits (style.md rule 16).

A lost or restarted database connection, or a serialisation failure, is worth another try; any other
error is a bug or bad data, and a retry would only fail again.
"""

from __future__ import annotations

from django.db import InterfaceError, OperationalError

TRANSIENT_ERRORS = (OperationalError, InterfaceError)


def backoff(retries: int) -> int:
    """Seconds before the next try: 4, 8, 16, 32, ... (the task's ``request.retries`` so far)."""
    return 2 ** (retries + 2)
