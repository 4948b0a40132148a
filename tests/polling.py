"""Waiting in a test for a row that another thread writes on its own schedule (a job's pulse)."""

from __future__ import annotations

import threading
from datetime import timedelta

from django.utils import timezone


def wait_for(find, *, seconds: float = 10):
    """Call ``find`` until it returns something other than ``None`` or ``seconds`` pass; its last result."""
    deadline = timezone.now() + timedelta(seconds=seconds)
    while (found := find()) is None and timezone.now() < deadline:
        threading.Event().wait(0.05)
    return found
