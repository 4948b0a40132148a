"""Award nominations of top performers and coaching plans of people on the coaching list (docs/leaders.md)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import StepLog

FOLLOW_UP_NOT_FUTURE = _("Tanggal tindak lanjut harus setelah hari ini.")
NEXT_FOLLOW_UP_REQUIRED = _("Pembinaan belum selesai: isi tanggal tindak lanjut berikutnya.")


class Nomination(models.Model):
    """A unit head's or HR's proposal to give a top performer an award, decided by HR (``NOMINATION_WORKFLOW``).

    ``evidence`` keeps the words that made the nominee a top performer when they were nominated, so a
    later recompute of the scores does not change what HR decided on.
    """

    class Status(models.TextChoices):
        PROPOSED = "PROPOSED", _("Diusulkan")
        APPROVED = "APPROVED", _("Disetujui")
        REJECTED = "REJECTED", _("Ditolak")

    period = models.ForeignKey(
        "appraisal.AppraisalPeriod", verbose_name=_("periode"), on_delete=models.PROTECT, related_name="+"
    )
    checkpoint = models.PositiveSmallIntegerField(_("titik pantau"))
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="award_nominations"
    )
    employee = models.ForeignKey(
        "org.Employee", verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="award_nominations"
    )
    award = models.CharField(_("nama penghargaan"), max_length=200)
    reason = models.TextField(_("alasan pengusulan"), max_length=2000)
    score = models.DecimalField(_("skor kinerja"), max_digits=5, decimal_places=2)
    evidence = models.TextField(_("dasar"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PROPOSED)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diusulkan oleh"), on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    created_at = models.DateTimeField(_("diusulkan"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("usulan penghargaan")
        verbose_name_plural = _("usulan penghargaan")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "period", "award"],
                condition=Q(status__in=["PROPOSED", "APPROVED"]),
                name="one_live_nomination_per_award",
                violation_error_message=_("Pegawai ini sudah diusulkan untuk penghargaan yang sama pada periode ini."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award}: {self.employee_id}@{self.period_id}"

    @property
    def evidence_lines(self) -> list[str]:
        return self.evidence.splitlines()

    @property
    def certificate_number(self) -> str:
        return f"{self.pk:04d}/PGH/{self.period.year}"


class NominationLog(StepLog):
    class Action(models.TextChoices):
        PROPOSE = "PROPOSE", _("Diusulkan")
        APPROVE = "APPROVE", _("Disetujui")
        REJECT = "REJECT", _("Ditolak")

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="logs")
    action = models.CharField(_("tindakan"), max_length=8, choices=Action.choices)
    from_status = models.CharField(_("dari status"), max_length=8, choices=Nomination.Status.choices, blank=True)
    to_status = models.CharField(_("ke status"), max_length=8, choices=Nomination.Status.choices)

    class Meta(StepLog.Meta):
        verbose_name = _("riwayat usulan penghargaan")
        verbose_name_plural = _("riwayat usulan penghargaan")

    def __str__(self) -> str:
        return f"{self.nomination_id} {self.action}"


class CoachingPlan(models.Model):
    """A supervisor's (or HR's) plan for someone on the coaching list, and its follow-ups.

    One per employee and period. ``follow_up_on`` is the next meeting; recording a follow-up that is
    not the last one moves it on, so "overdue" always means the agreed date passed with nothing recorded.
    """

    period = models.ForeignKey(
        "appraisal.AppraisalPeriod", verbose_name=_("periode"), on_delete=models.PROTECT, related_name="+"
    )
    employee = models.ForeignKey(
        "org.Employee", verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="coaching_plans"
    )
    reasons = models.TextField(_("dasar pembinaan"))
    goal = models.TextField(_("tujuan pembinaan"), max_length=2000)
    actions = models.TextField(_("tindakan yang disepakati"), max_length=4000)
    coach = models.ForeignKey(
        "org.Employee", verbose_name=_("pembina"), on_delete=models.PROTECT, related_name="coaching_given"
    )
    follow_up_on = models.DateField(_("tanggal tindak lanjut"))
    outcome = models.TextField(_("hasil tindak lanjut"), max_length=4000, blank=True)
    is_done = models.BooleanField(_("selesai"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ditulis oleh"), on_delete=models.PROTECT, related_name="+"
    )
    followed_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tindak lanjut dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    followed_up_at = models.DateTimeField(_("tindak lanjut dicatat"), null=True, blank=True)
    created_at = models.DateTimeField(_("ditulis"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("rencana pembinaan")
        verbose_name_plural = _("rencana pembinaan")
        ordering = ["follow_up_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "period"],
                name="one_coaching_plan_per_period",
                violation_error_message=_("Pegawai ini sudah memiliki rencana pembinaan pada periode ini."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id}@{self.period_id}"

    def is_overdue(self, *, today: date | None = None) -> bool:
        """The agreed follow-up date has passed and the coaching is not done."""
        return not self.is_done and self.follow_up_on < (today or timezone.localdate())

    @property
    def reason_lines(self) -> list[str]:
        return self.reasons.splitlines()

    def check_follow_up_date(self, *, today: date) -> None:
        """A new follow-up date lies in the future (a plan is about what comes next)."""
        if not self.is_done and self.follow_up_on <= today:
            raise ValidationError({"follow_up_on": FOLLOW_UP_NOT_FUTURE})
