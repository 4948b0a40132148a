"""The audit rows of the two training workflows (``training.workflows``): decisions on
recommendations and the verification of development records. One row per step, never changed."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import StepLog

from .recommendations import Recommendation
from .records import DevelopmentRecord


class RecommendationLog(StepLog):
    """A decision on a recommendation; a replacement names the recommendation that took its place."""

    class Action(models.TextChoices):
        ACCEPT = "ACCEPT", pgettext_lazy("recommendation", "Diterima")
        REPLACE = "REPLACE", _("Diganti")
        DISMISS = "DISMISS", pgettext_lazy("recommendation", "Ditolak")

    # DO_NOTHING keeps the compute's delete of the proposals one statement (no row has a log until it
    # is decided, and decided rows are never deleted); the database still refuses an orphaned log.
    recommendation = models.ForeignKey(Recommendation, on_delete=models.DO_NOTHING, related_name="logs")
    action = models.CharField(_("tindakan"), max_length=8, choices=Action.choices)
    from_status = models.CharField(_("dari status"), max_length=10, choices=Recommendation.Status.choices)
    to_status = models.CharField(_("ke status"), max_length=10, choices=Recommendation.Status.choices)
    replacement = models.ForeignKey(
        Recommendation,
        verbose_name=_("pengganti"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        related_name="replaces",
    )

    class Meta(StepLog.Meta):
        verbose_name = _("riwayat rekomendasi")
        verbose_name_plural = _("riwayat rekomendasi")

    def __str__(self) -> str:
        return f"{self.recommendation_id} {self.action}"


class DevelopmentRecordLog(StepLog):
    """A development record's steps: recorded by the employee, verified or rejected by a reviewer."""

    class Action(models.TextChoices):
        SUBMIT = "SUBMIT", _("Dicatat")
        VERIFY = "VERIFY", _("Diverifikasi")
        REJECT = "REJECT", _("Ditolak")

    record = models.ForeignKey(DevelopmentRecord, on_delete=models.CASCADE, related_name="logs")
    action = models.CharField(_("tindakan"), max_length=8, choices=Action.choices)
    from_status = models.CharField(
        _("dari status"), max_length=10, choices=DevelopmentRecord.Status.choices, blank=True
    )
    to_status = models.CharField(_("ke status"), max_length=10, choices=DevelopmentRecord.Status.choices)

    class Meta(StepLog.Meta):
        verbose_name = _("riwayat catatan pengembangan")
        verbose_name_plural = _("riwayat catatan pengembangan")

    def __str__(self) -> str:
        return f"{self.record_id} {self.action}"
