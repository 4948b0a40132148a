"""Fixed-window rate limits in Django's cache (Redis).

They fail open: when Redis is unreachable the request goes through and the outage is logged,
because losing a citizen's answers is worse than letting a burst through (the burst is still
flagged from PostgreSQL, see ``services.response_submit``).
"""

from __future__ import annotations

import logging
import time

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


def allow_all(checks: list[tuple[str, tuple[int, int]]]) -> bool:
    """Every (key, (limit, window)) check must allow; all are counted so a blocked client stays blocked."""
    results = [allow(key, limit=limit, window=window) for key, (limit, window) in checks]
    return all(results)
