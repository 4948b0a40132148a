"""Periodic and annual evaluations by the Pejabat Penilai (domain.md §1.4, §1.5).

An evaluation belongs to a plan and a checkpoint (the annual one to the last checkpoint). It holds
the two ratings the official chooses, the predikat the service derives from them (never typed), the
per-value behaviour ratings, feedback and the employee's self-assessment. ``version`` is the
optimistic lock: every change increments it and a save with an older version is refused.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import StepLog

from ..predikat import Predikat, Rating
from .plans import Plan, WorkResult

if TYPE_CHECKING:
    from org.models import User


class CoreValue(models.Model):
    """A BerAKHLAK core value with its three behavioural guides (§1.3). Seeded; not user-editable."""

    code = models.CharField(_("kode"), max_length=32, unique=True)
    order = models.PositiveSmallIntegerField(_("urutan"), unique=True)
    name = models.CharField(_("nilai"), max_length=60)
    guides = models.JSONField(_("panduan perilaku"), default=list)
    competency_code = models.CharField(
        _("kompetensi manajerial terkait"), max_length=8, blank=True, help_text=_("Pemetaan domain.md §7.3 butir 2.")
    )

    class Meta:
        verbose_name = _("nilai dasar BerAKHLAK")
        verbose_name_plural = _("nilai dasar BerAKHLAK")
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class BehaviourExpectation(models.Model):
    """The *ekspektasi khusus pimpinan* for one value on one SKP (§1.2 Perilaku Kerja rows)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="behaviour_expectations")
    value = models.ForeignKey(CoreValue, verbose_name=_("nilai"), on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("ekspektasi khusus pimpinan"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("ekspektasi khusus pimpinan")
        verbose_name_plural = _("ekspektasi khusus pimpinan")
        ordering = ["value__order"]
        constraints = [models.UniqueConstraint(fields=["plan", "value"], name="one_expectation_per_value")]

    def __str__(self) -> str:
        return f"{self.plan_id} {self.value}"


class Evaluation(models.Model):
    class Kind(models.TextChoices):
        PERIODIC = "PERIODIC", _("Periodik")
        ANNUAL = "ANNUAL", _("Tahunan")

    class Status(models.TextChoices):
        SELF_ASSESSMENT = "SELF_ASSESSMENT", _("Penilaian diri")
        RATING = "RATING", _("Penilaian oleh pejabat penilai")
        SUBMITTED = "SUBMITTED", _("Menunggu persetujuan atasan")
        SENT = "SENT", _("Disampaikan")
        OBJECTED = "OBJECTED", _("Keberatan diajukan")
        DECIDED = "DECIDED", _("Keberatan diputus")

    RELEASED_STATUSES = frozenset({Status.SENT, Status.OBJECTED, Status.DECIDED})
    RATED_STATUSES = frozenset({Status.SUBMITTED, *RELEASED_STATUSES})

    plan = models.ForeignKey(Plan, verbose_name=_("SKP"), on_delete=models.PROTECT, related_name="evaluations")
    kind = models.CharField(_("jenis"), max_length=8, choices=Kind.choices)
    checkpoint = models.PositiveSmallIntegerField(_("titik pantau"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.SELF_ASSESSMENT)
    work_rating = models.CharField(_("rating hasil kerja"), max_length=20, choices=Rating.choices, blank=True)
    behaviour_rating = models.CharField(_("rating perilaku kerja"), max_length=20, choices=Rating.choices, blank=True)
    predikat = models.CharField(_("predikat kinerja"), max_length=20, choices=Predikat.choices, blank=True)
    achievement = models.DecimalField(_("capaian saat dinilai"), max_digits=7, decimal_places=2, null=True, blank=True)
    strengths = models.TextField(_("kekuatan"), blank=True)
    improvements = models.TextField(_("hal yang perlu ditingkatkan"), blank=True)
    self_action_plan = models.TextField(_("rencana aksi pegawai"), blank=True)
    self_submitted_at = models.DateTimeField(_("penilaian diri dikirim"), null=True, blank=True)
    place = models.CharField(_("tempat"), max_length=100, blank=True)
    version = models.PositiveIntegerField(_("versi"), default=1)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("diajukan"), null=True, blank=True)
    approved_at = models.DateTimeField(_("disetujui"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("disampaikan"), null=True, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("evaluasi kinerja")
        verbose_name_plural = _("evaluasi kinerja")
        ordering = ["-plan__period__year", "plan__employee__name", "checkpoint", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "checkpoint"], condition=Q(kind="PERIODIC"), name="one_periodic_per_checkpoint"
            ),
            models.UniqueConstraint(fields=["plan"], condition=Q(kind="ANNUAL"), name="one_annual_per_plan"),
            models.CheckConstraint(condition=Q(checkpoint__gte=1), name="evaluation_checkpoint_positive"),
            models.CheckConstraint(
                condition=Q(predikat="") | (~Q(work_rating="") & ~Q(behaviour_rating="")),
                name="predikat_needs_both_ratings",
            ),
        ]
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.title} · {self.plan.employee}"

    def get_absolute_url(self) -> str:
        return reverse("appraisal:evaluation-detail", args=[self.pk])

    @property
    def is_annual(self) -> bool:
        return self.kind == self.Kind.ANNUAL

    @property
    def title(self) -> str:
        if self.is_annual:
            return str(_("Evaluasi tahunan %(year)s") % {"year": self.plan.period.year})
        checkpoint = self.plan.period.checkpoint(self.checkpoint)
        label = checkpoint.label if checkpoint else self.checkpoint
        return str(_("Evaluasi %(label)s %(year)s") % {"label": label, "year": self.plan.period.year})

    def needs_approval(self) -> bool:
        """Annual results go to the official's superior for approval; periodic ones (or a top official's)
        are sent to the employee at once."""
        return self.is_annual and self.plan.assessor_superior_id is not None

    def save_version(self, user: User, *fields: str) -> None:
        """Every stored change moves the version on, so any form opened before it is refused."""
        self.version += 1
        self.updated_by = user
        self.full_clean()
        self.save(update_fields=["version", "updated_by", "updated_at", *fields])

    @property
    def is_released(self) -> bool:
        """The employee sees ratings, predikat and feedback only once the result is sent."""
        return self.status in self.RELEASED_STATUSES

    def objection_deadline(self) -> date | None:
        """Last calendar day to object (§7.4), counted from the day the result was sent."""
        if not self.is_annual or self.sent_at is None:
            return None
        return timezone.localdate(self.sent_at) + timedelta(days=settings.APPRAISAL_OBJECTION_DAYS)

    def objection_open(self, *, today: date) -> bool:
        deadline = self.objection_deadline()
        return self.status == self.Status.SENT and deadline is not None and today <= deadline

    def ratings(self) -> list[str]:
        """Every rating chosen so far: the two overall ones and the seven values."""
        values = [row.rating for row in self.behaviour_ratings.all()]
        return [rating for rating in [self.work_rating, self.behaviour_rating, *values] if rating]

    def needs_feedback(self) -> bool:
        """Strengths and areas to improve are required once any rating is below expectation."""
        return Rating.DI_BAWAH_EKSPEKTASI in self.ratings()


class BehaviourRating(models.Model):
    """One BerAKHLAK value in one evaluation: the official's rating and feedback, the employee's view."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="behaviour_ratings")
    value = models.ForeignKey(CoreValue, verbose_name=_("nilai"), on_delete=models.PROTECT, related_name="+")
    rating = models.CharField(_("rating"), max_length=20, choices=Rating.choices, blank=True)
    feedback = models.TextField(_("umpan balik"), blank=True)
    self_assessment = models.TextField(_("penilaian diri"), blank=True)

    class Meta:
        verbose_name = _("rating perilaku per nilai")
        verbose_name_plural = _("rating perilaku per nilai")
        ordering = ["value__order"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "value"], name="one_rating_per_value")]

    def __str__(self) -> str:
        return f"{self.evaluation_id} {self.value}: {self.rating}"


class ResultAssessment(models.Model):
    """One work result (RHK) in one evaluation: feedback on the evidence and the employee's own view."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="result_assessments")
    work_result = models.ForeignKey(WorkResult, on_delete=models.PROTECT, related_name="assessments")
    feedback = models.TextField(_("umpan balik berdasarkan bukti dukung"), blank=True)
    self_assessment = models.TextField(_("penilaian diri"), blank=True)

    class Meta:
        verbose_name = _("umpan balik hasil kerja")
        verbose_name_plural = _("umpan balik hasil kerja")
        constraints = [models.UniqueConstraint(fields=["evaluation", "work_result"], name="one_assessment_per_result")]

    def __str__(self) -> str:
        return f"{self.evaluation_id} {self.work_result_id}"


class DevelopmentAction(models.Model):
    """A development action the official suggests; ``training`` reads these as needs (§7.3.5)."""

    class Kind(models.TextChoices):
        PELATIHAN = "PELATIHAN", _("Pelatihan")
        COACHING = "COACHING", _("Coaching")
        MENTORING = "MENTORING", _("Mentoring")
        PENUGASAN = "PENUGASAN", _("Penugasan khusus")
        BELAJAR_MANDIRI = "BELAJAR_MANDIRI", _("Belajar mandiri")
        LAINNYA = "LAINNYA", _("Lainnya")

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="development_actions")
    kind = models.CharField(_("bentuk"), max_length=16, choices=Kind.choices)
    description = models.TextField(_("uraian"))
    value = models.ForeignKey(
        CoreValue, verbose_name=_("nilai terkait"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    work_result = models.ForeignKey(
        WorkResult,
        verbose_name=_("hasil kerja terkait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("rencana pengembangan")
        verbose_name_plural = _("rencana pengembangan")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.description[:60]


class EvaluationLog(StepLog):
    """Every workflow step: who, when, from which state to which, and why."""

    class Action(models.TextChoices):
        OPEN = "OPEN", _("Dibuka")
        SELF_SUBMIT = "SELF_SUBMIT", _("Penilaian diri dikirim")
        START = "START", _("Penilaian dimulai")
        SUBMIT = "SUBMIT", _("Diajukan ke atasan")
        SEND = "SEND", _("Disampaikan ke pegawai")
        APPROVE = "APPROVE", _("Disetujui dan disampaikan")
        RETURN = "RETURN", _("Dikembalikan")
        OBJECT = "OBJECT", _("Keberatan diajukan")
        DECIDE = "DECIDE", _("Keberatan diputus")

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="logs")
    action = models.CharField(_("tindakan"), max_length=12, choices=Action.choices)
    from_status = models.CharField(_("dari status"), max_length=16, choices=Evaluation.Status.choices, blank=True)
    to_status = models.CharField(_("ke status"), max_length=16, choices=Evaluation.Status.choices)

    class Meta(StepLog.Meta):
        verbose_name = _("riwayat evaluasi")
        verbose_name_plural = _("riwayat evaluasi")

    def __str__(self) -> str:
        return f"{self.evaluation_id} {self.action}"


class RatingChange(models.Model):
    """One change of one rating (or of the derived predikat), for HR's audit (issue point 8)."""

    class Field(models.TextChoices):
        WORK = "WORK", _("Rating hasil kerja")
        BEHAVIOUR = "BEHAVIOUR", _("Rating perilaku kerja")
        VALUE = "VALUE", _("Rating nilai")
        PREDIKAT = "PREDIKAT", _("Predikat")

    class Context(models.TextChoices):
        RATING = "RATING", _("Penilaian")
        OBJECTION = "OBJECTION", _("Putusan keberatan")

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="rating_changes")
    field = models.CharField(_("yang diubah"), max_length=10, choices=Field.choices)
    value = models.ForeignKey(CoreValue, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    old = models.CharField(_("nilai lama"), max_length=20, blank=True)
    new = models.CharField(_("nilai baru"), max_length=20, blank=True)
    context = models.CharField(_("konteks"), max_length=10, choices=Context.choices, default=Context.RATING)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        verbose_name = _("riwayat perubahan rating")
        verbose_name_plural = _("riwayat perubahan rating")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.evaluation_id} {self.field}: {self.old} → {self.new}"
