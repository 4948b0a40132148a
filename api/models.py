"""API clients (the Pemda's other tools) and the log of every call they make (docs/api.md)."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "kin_"
MAX_RATE_PER_MINUTE = 6000  # 100 calls a second: far above any tool's need, so a typo cannot open the gate


def token_hash(token: str) -> str:
    """Tokens are stored as their SHA-256: a leaked table gives no usable token."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class ApiClient(models.Model):
    """A tool that reads the API with one token, limited to a unit and its sub-units, or to all units."""

    name = models.CharField(_("nama aplikasi"), max_length=100)
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("unit yang boleh dibaca"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Unit ini beserta semua sub-unitnya."),
    )
    all_units = models.BooleanField(_("semua unit"), default=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_hint = models.CharField(_("awal token"), max_length=12, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dibuat oleh"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    rate_per_minute = models.PositiveIntegerField(
        _("batas panggilan per menit"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_RATE_PER_MINUTE)],
        help_text=_("Kosongkan untuk memakai batas bawaan."),
    )

    # DRF's IsAuthenticated asks the authenticated "user"; a client with a valid token is one.
    is_authenticated = True

    class Meta:
        verbose_name = _("klien API")
        verbose_name_plural = _("klien API")
        ordering = ["revoked_at", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(all_units=True, unit__isnull=True) | Q(all_units=False, unit__isnull=False),
                name="api_client_scope_is_one_unit_or_all",
            ),
            models.CheckConstraint(
                condition=Q(rate_per_minute__isnull=True) | Q(rate_per_minute__gte=1),
                name="api_client_rate_at_least_one",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def calls_per_minute(self) -> int:
        """The limit HR set for this client, else the Pemda's default (``API_RATE_PER_MINUTE``)."""
        return self.rate_per_minute or settings.API_RATE_PER_MINUTE


class ApiCall(models.Model):
    """One request to the API, answered or refused; a refused token still leaves its row."""

    client = models.ForeignKey(
        ApiClient, verbose_name=_("klien"), null=True, blank=True, on_delete=models.CASCADE, related_name="calls"
    )
    method = models.CharField(_("metode"), max_length=8)
    path = models.CharField(_("alamat"), max_length=500)
    status = models.PositiveSmallIntegerField(_("status"))
    rows = models.PositiveIntegerField(_("jumlah baris"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("durasi (ms)"))
    at = models.DateTimeField(_("waktu"), db_index=True)

    class Meta:
        verbose_name = _("panggilan API")
        verbose_name_plural = _("panggilan API")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.method} {self.path} {self.status}"
