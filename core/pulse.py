"""A heartbeat for long work: a thread that reports progress and signs of life on its own connection.

Long work runs inside one transaction, so whatever it writes stays invisible until it commits. The
pulse thread has its own database connection (Django keeps one per thread): what it writes commits at
once, while the work goes on, waits for a lock or sits in one long statement.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

MIN_GAP_SECONDS = 1.0  # progress is written at most once a second, however often the work pokes


class Pulse:
    """Call ``beat(**values)`` every ``every`` seconds, and soon after each ``poke(**values)``.

    Use it as a context manager around the work; leaving it stops and joins the thread, so nothing
    is written after the work's own final update.
    """

    def __init__(self, beat: Callable[..., Any], *, every: float) -> None:
        self._beat = beat
        self._every = every
        self._values: dict[str, Any] = {}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="pulse", daemon=True)

    def __enter__(self) -> Pulse:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join()

    def poke(self, **values: Any) -> None:
        self._values.update(values)
        self._wake.set()

    def _loop(self) -> None:
        try:
            while not self._stop.is_set():
                self._wake.wait(timeout=self._every)
                self._wake.clear()
                if self._stop.is_set():
                    break
                self._send()
                self._stop.wait(MIN_GAP_SECONDS)
        finally:
            connections.close_all()

    def _send(self) -> None:
        try:
            self._beat(**self._values)
        except DatabaseError:
            # A missed beat is not fatal: the next one may get through; only many in a row mark the work lost.
            logger.warning("Heartbeat not written", exc_info=True)
