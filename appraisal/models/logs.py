"""The audit trail shared by every workflow of the app (periods, plans, evaluations)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StepLog(models.Model):
    """What every audit row records besides its own action: why, who and when. Newest first."""

    reason = models.TextField(_("alasan"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("oleh"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]
