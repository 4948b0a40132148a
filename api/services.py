"""Clients HR makes and revokes, and the log row of every call (docs/api.md)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import retention
from org.models import Unit, User

from .models import ApiCall, ApiClient, new_token, token_hash

logger = logging.getLogger(__name__)
SCOPE_NEEDED = _("Pilih satu unit, atau centang “semua unit”, tidak keduanya.")
ALREADY_REVOKED = _("Klien ini sudah dicabut.")


@transaction.atomic
def client_create(
    *, name: str, unit: Unit | None, all_units: bool, acting_user: User, rate_per_minute: int | None = None
) -> tuple[ApiClient, str]:
    """A client and its token; the token is returned once and only its hash is kept."""
    if (unit is None) != all_units:
        raise ValidationError(SCOPE_NEEDED)
    token = new_token()
    client = ApiClient(
        name=name,
        unit=unit,
        all_units=all_units,
        rate_per_minute=rate_per_minute,
        token_hash=token_hash(token),
        token_hint=token[:8],
        created_by=acting_user,
    )
    client.full_clean()
    client.save()
    return client, token


@transaction.atomic
def client_revoke(*, client: ApiClient, acting_user: User) -> ApiClient:
    """From now on the token is refused (401); its calls stay in the log."""
    client = ApiClient.objects.select_for_update().get(pk=client.pk)
    if not client.is_active:
        raise ValidationError(ALREADY_REVOKED)
    client.revoked_at, client.revoked_by = timezone.now(), acting_user
    client.save(update_fields=["revoked_at", "revoked_by"])
    return client


@transaction.atomic
def client_rate_set(*, client: ApiClient, rate_per_minute: int | None, acting_user: User) -> ApiClient:
    """HR's own limit for a client (``None``: the default), counted from the client's next call."""
    client = ApiClient.objects.select_for_update().get(pk=client.pk)
    if not client.is_active:
        raise ValidationError(ALREADY_REVOKED)
    client.rate_per_minute = rate_per_minute
    client.full_clean()
    client.save(update_fields=["rate_per_minute"])
    logger.info("API client %s: %s calls per minute, set by %s", client.pk, client.calls_per_minute(), acting_user)
    return client


def call_record(
    *, client: ApiClient | None, method: str, path: str, status: int, rows: int | None, duration_ms: int
) -> ApiCall:
    """One log row per call, refused ones included; a known client's last use moves on."""
    now = timezone.now()
    if client is not None and client.is_active:
        ApiClient.objects.filter(pk=client.pk).update(last_used_at=now)
    return ApiCall.objects.create(
        client=client, method=method[:8], path=path[:500], status=status, rows=rows, duration_ms=duration_ms, at=now
    )


def call_log_prune(*, keep_days: int | None = None, batch_size: int = retention.BATCH_SIZE) -> int:
    """Delete calls older than ``keep_days`` (``API_CALL_LOG_DAYS``), oldest first, one DELETE per batch
    (``core.retention``), so the nightly run never locks the whole log for long."""
    days = settings.API_CALL_LOG_DAYS if keep_days is None else keep_days
    old = ApiCall.objects.filter(at__lt=retention.cutoff(days))
    deleted = retention.delete_in_batches(old, oldest_first=("at", "pk"), batch_size=batch_size)
    logger.info("API call log: %s calls older than %s days deleted", deleted, days)
    return deleted
