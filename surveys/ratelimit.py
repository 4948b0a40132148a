"""Fixed-window rate limits in Django's cache (Redis).

They fail open: when Redis is unreachable the request goes through and the outage is logged,
because losing a citizen's answers is worse than letting a burst through (the burst is still
flagged from PostgreSQL, see ``services.response_submit``).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from django.core.cache import cache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def allow(key: str, *, limit: int, window: int) -> bool:
    """Count one hit on ``key``; False once more than ``limit`` hits fell in the current window."""
    bucket = f"skm:rl:{key}:{int(time.time()) // window}"
    try:
        cache.add(bucket, 0, timeout=window + 5)
        return cache.incr(bucket) <= limit
    except (RedisError, OSError, ValueError) as exc:
        # ValueError: the key vanished between add and incr (evicted); treat as an outage too.
        logger.warning("Rate limit %s not checked, allowing the request (cache unavailable: %s)", key, exc)
        return True


def first_hit(key: str, *, timeout: int) -> bool:
    """True the first time ``key`` is seen within ``timeout`` seconds (fails open: True without Redis)."""
    try:
        return cache.add(f"skm:once:{key}", 1, timeout=timeout)
    except (RedisError, OSError) as exc:
        logger.warning("Once-only key %s not checked, counting it (cache unavailable: %s)", key, exc)
        return True


@dataclass(frozen=True)
class Verdict:
    """Whether every limit allowed the request and, if not, how many seconds until they all do."""

    allowed: bool
    retry_after: int = 0


def seconds_left(window: int, *, now: float | None = None) -> int:
    """Seconds until the current fixed window of ``window`` seconds ends (when its counter resets)."""
    now = time.time() if now is None else now
    return window - int(now) % window


def allow_all(checks: list[tuple[str, tuple[int, int]]]) -> Verdict:
    """Every (key, (limit, window)) check must allow; all are counted so a blocked client stays blocked."""
    refused = [window for key, (limit, window) in checks if not allow(key, limit=limit, window=window)]
    return Verdict(allowed=not refused, retry_after=max((seconds_left(window) for window in refused), default=0))
