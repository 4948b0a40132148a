"""The per-client rate limit: DRF's sliding window, counted in Redis per client (docs/api.md).

It fails open: with Redis down or slow (the cache gives up after ``REDIS_SOCKET_TIMEOUT``) the call
goes through and the outage is logged, because a tool's read must not hang or fail on a counter.
"""

from __future__ import annotations

import logging
import math

from django.conf import settings
from django.utils.translation import ngettext
from redis.exceptions import RedisError
from rest_framework.exceptions import Throttled
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiClient

logger = logging.getLogger(__name__)
WINDOW_SECONDS = 60


class ClientRateThrottle(SimpleRateThrottle):
    """At most the client's ``calls_per_minute()`` calls in any 60 seconds; refused calls do not count."""

    scope = "api-client"

    def get_rate(self) -> str:
        return f"{settings.API_RATE_PER_MINUTE}/min"

    def get_cache_key(self, request, view) -> str | None:
        client = request.auth
        return self.cache_format % {"scope": self.scope, "ident": client.pk} if isinstance(client, ApiClient) else None

    def allow_request(self, request, view) -> bool:
        if isinstance(request.auth, ApiClient):
            self.num_requests, self.duration = request.auth.calls_per_minute(), WINDOW_SECONDS
        try:
            return super().allow_request(request, view)
        except (RedisError, OSError) as exc:
            logger.warning("API rate limit not checked, allowing the call (cache unavailable: %s)", exc)
            return True

    def wait(self) -> float:
        """Seconds until one more call fits, also when HR lowered the limit below the calls just made."""
        return self.duration - (self.now - self.history[self.num_requests - 1])


def throttled(client: ApiClient, wait: float) -> Throttled:
    """DRF's 429 in the active language (DRF words the seconds before translating them, so in English)."""
    seconds = math.ceil(wait)
    message = ngettext(
        "Klien ini melampaui batas %(limit)d panggilan per menit. Coba lagi dalam %(seconds)d detik.",
        "Klien ini melampaui batas %(limit)d panggilan per menit. Coba lagi dalam %(seconds)d detik.",
        seconds,
    ) % {"limit": client.calls_per_minute(), "seconds": seconds}
    refusal = Throttled(detail=message)
    refusal.wait = seconds  # DRF's handler turns it into Retry-After
    return refusal
