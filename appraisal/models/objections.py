"""Objections against an annual result (domain.md §1.5, §5 step 5) and the organisation result (§1.6)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..distribution import OrgResult
from ..predikat import Predikat, Rating
from .evaluations import Evaluation
from .periods import AppraisalPeriod


class Objection(models.Model):
    """The employee's *keberatan* and the Atasan Pejabat Penilai's decision, with before and after."""

    class Status(models.TextChoices):
        PENDING = "PENDING", _("Menunggu putusan")
        UPHELD = "UPHELD", _("Diterima, rating diubah")
        REJECTED = "REJECTED", _("Ditolak")

    evaluation = models.OneToOneField(Evaluation, on_delete=models.CASCADE, related_name="objection")
    reason = models.TextField(_("alasan keberatan"))
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    filed_at = models.DateTimeField(_("diajukan"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    decision_reason = models.TextField(_("pertimbangan putusan"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("diputus"), null=True, blank=True)
    old_work_rating = models.CharField(_("rating hasil kerja semula"), max_length=20, choices=Rating.choices)
    old_behaviour_rating = models.CharField(_("rating perilaku semula"), max_length=20, choices=Rating.choices)
    old_predikat = models.CharField(_("predikat semula"), max_length=20, choices=Predikat.choices)
    new_predikat = models.CharField(_("predikat setelah putusan"), max_length=20, choices=Predikat.choices, blank=True)

    class Meta:
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        ordering = ["-filed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.evaluation} · {self.get_status_display()}"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING


class OrganisationResult(models.Model):
    """The unit's *capaian kinerja organisasi* for a period, set by HR or the head of the unit above."""

    unit = models.ForeignKey("org.Unit", verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey(AppraisalPeriod, verbose_name=_("periode"), on_delete=models.PROTECT, related_name="+")
    result = models.CharField(_("capaian kinerja organisasi"), max_length=16, choices=OrgResult.choices)
    note = models.TextField(_("catatan"), blank=True)
    exceeded = models.BooleanField(_("distribusi melampaui pola"), default=False)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("capaian kinerja organisasi")
        verbose_name_plural = _("capaian kinerja organisasi")
        ordering = ["-period__year", "unit__code"]
        constraints = [models.UniqueConstraint(fields=["unit", "period"], name="one_org_result_per_period")]

    def __str__(self) -> str:
        return f"{self.unit} {self.period}: {self.get_result_display()}"
