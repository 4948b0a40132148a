"""System checks: the burst flags must be able to catch what the rate limits let through."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Warning, register

# (burst count setting, the rate limit setting it watches)
BURST_LIMITS = [
    ("SKM_BURST_DEVICE_COUNT", "SKM_RATE_LIMIT_DEVICE"),
    ("SKM_BURST_SAME_ANSWERS_COUNT", "SKM_RATE_LIMIT_IP"),
    ("SKM_BURST_ADDRESS_COUNT", "SKM_RATE_LIMIT_IP"),
]


@register()
def burst_flags_below_limits(app_configs, **kwargs) -> list[Warning]:
    """A burst count at or above its limit is never reached; a window shorter than the limit's misses pacing."""
    warnings = []
    for count_name, limit_name in BURST_LIMITS:
        limit, _window = getattr(settings, limit_name)
        if getattr(settings, count_name) >= limit:
            message = f"{count_name} must be below {limit_name} ({limit}): the limit refuses before the flag fires."
            warnings.append(Warning(message, id="surveys.W001"))
    longest = max(getattr(settings, limit_name)[1] for _count_name, limit_name in BURST_LIMITS)
    if longest > settings.SKM_BURST_WINDOW:
        message = f"SKM_BURST_WINDOW must span the limits' window ({longest} s) to see a sender pacing under them."
        warnings.append(Warning(message, id="surveys.W002"))
    return warnings
