"""The performance plan (SKP) of one employee for one period, its work results and indicators.

domain.md §1.2: one SKP per employee, per position, per year; work results (RHK) in sections
UTAMA/TAMBAHAN, each optionally cascaded from an RHK of the assessing official; indicators (IKI)
with an aspect, a target and a direction. The plan snapshots the assessing official and their
superior when it is made (see ``org.models``), so a later transfer does not rewrite history.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import StepLog

from .. import achievement
from ..achievement import Target
from .periods import AppraisalPeriod

TARGET_SINGLE_OR_RANGE = _("Isi target tunggal, atau batas bawah dan batas atas rentang (tidak keduanya).")
TARGET_VALUE_POSITIVE = _("Target harus lebih besar dari 0.")
TARGET_RANGE_ORDER = _("Batas bawah tidak boleh negatif dan tidak boleh melebihi batas atas; batas atas harus > 0.")
PARENT_NOT_ASSESSOR = _("RHK yang diintervensi harus RHK pejabat penilai pada periode yang sama.")


class TargetFields(models.Model):
    """A target that is a single number or a range (domain.md §7.1), with its database invariant."""

    target_value = models.DecimalField(_("target"), max_digits=14, decimal_places=4, null=True, blank=True)
    target_low = models.DecimalField(_("target batas bawah"), max_digits=14, decimal_places=4, null=True, blank=True)
    target_high = models.DecimalField(_("target batas atas"), max_digits=14, decimal_places=4, null=True, blank=True)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(target_value__gt=0, target_low__isnull=True, target_high__isnull=True)
                    | Q(
                        target_value__isnull=True,
                        target_low__gte=0,
                        target_high__gt=0,
                        target_low__lte=models.F("target_high"),
                    )
                ),
                name="%(app_label)s_%(class)s_target_single_or_range",
            ),
        ]

    @property
    def target(self) -> Target:
        return Target(value=self.target_value, low=self.target_low, high=self.target_high)

    def target_errors(self) -> list:
        """Explain a broken target before the database refuses it."""
        has_value = self.target_value is not None
        has_range = self.target_low is not None or self.target_high is not None
        if has_value == has_range or (has_range and (self.target_low is None or self.target_high is None)):
            return [TARGET_SINGLE_OR_RANGE]
        if has_value:
            return [] if self.target_value > 0 else [TARGET_VALUE_POSITIVE]
        ordered = Decimal(0) <= self.target_low <= self.target_high and self.target_high > 0
        return [] if ordered else [TARGET_RANGE_ORDER]


class Section(models.TextChoices):
    UTAMA = "UTAMA", _("Utama")
    TAMBAHAN = "TAMBAHAN", _("Tambahan")


class Aspect(models.TextChoices):
    KUANTITAS = "KUANTITAS", _("Kuantitas")
    KUALITAS = "KUALITAS", _("Kualitas")
    WAKTU = "WAKTU", _("Waktu")
    BIAYA = "BIAYA", _("Biaya")


class Direction(models.TextChoices):
    HIGHER = achievement.Direction.HIGHER, _("Makin tinggi makin baik")
    LOWER = achievement.Direction.LOWER, _("Makin rendah makin baik")
    STABIL = achievement.Direction.STABIL, _("Stabil (tetap di dalam rentang)")


class Source(models.TextChoices):
    """Where a realisation comes from; ``appraisal.sources`` holds one reader per measured source."""

    MANUAL = "MANUAL", _("Diisi pegawai")
    UNIT_IKM = "UNIT_IKM", _("IKM unit kerja (survei kepuasan, skala 25–100)")


class Plan(models.Model):
    """The SKP. Editable only in draft-like states; an approved plan changes only through a revision."""

    class Status(models.TextChoices):
        DRAFT = "DRAFT", _("Draf")
        SUBMITTED = "SUBMITTED", _("Diajukan")
        RETURNED = "RETURNED", _("Dikembalikan")
        APPROVED = "APPROVED", _("Disetujui")
        REVISION = "REVISION", _("Dalam revisi")

    class Approach(models.TextChoices):
        KUANTITATIF = "KUANTITATIF", _("Kuantitatif")
        KUALITATIF = "KUALITATIF", _("Kualitatif")

    EDITABLE_STATUSES = frozenset({Status.DRAFT, Status.RETURNED, Status.REVISION})

    period = models.ForeignKey(
        AppraisalPeriod, verbose_name=_("periode"), on_delete=models.PROTECT, related_name="plans"
    )
    employee = models.ForeignKey(
        "org.Employee", verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="plans"
    )
    position = models.ForeignKey("org.Position", verbose_name=_("jabatan"), on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("org.Unit", verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="+")
    assessor = models.ForeignKey(
        "org.Employee",
        verbose_name=_("pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessed_plans",
    )
    assessor_superior = models.ForeignKey(
        "org.Employee",
        verbose_name=_("atasan pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    snapshot = models.JSONField(_("data saat SKP dibuat"), default=dict, blank=True)
    approach = models.CharField(_("pendekatan"), max_length=12, choices=Approach.choices, default=Approach.KUANTITATIF)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    revision = models.PositiveSmallIntegerField(_("revisi ke"), default=0)
    approved_at = models.DateTimeField(_("disetujui pada"), null=True, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("SKP")
        verbose_name_plural = _("SKP")
        ordering = ["-period__year", "employee__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["period", "employee", "position"], name="one_plan_per_position_per_period"),
        ]
        indexes = [
            models.Index(fields=["period", "status"]),
            # Who has an approved plan in a period, in employee order, read from the index alone (the
            # HR dashboard's plan card counts them for 100 000 people).
            models.Index(
                fields=["period", "employee"], condition=Q(approved_at__isnull=False), name="plan_approved_employee"
            ),
        ]

    def __str__(self) -> str:
        return f"SKP {self.period} · {self.employee}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("appraisal:plan-detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    @property
    def has_been_approved(self) -> bool:
        """Progress may be reported once the targets were agreed at least once."""
        return self.approved_at is not None

    def progress_locked(self) -> bool:
        """Progress freezes once the annual evaluation was submitted: the delivered result must show the
        realisations, activities and evidence it was rated on (docs/appraisal-plans.md, "Progress")."""
        from .evaluations import Evaluation

        rated = self.evaluations.filter(status__in=Evaluation.RATED_STATUSES)
        return rated.filter(kind=Evaluation.Kind.ANNUAL).exists()

    def locked_checkpoints(self) -> set[int]:
        """Checkpoints whose realisations a submitted evaluation (periodic or annual) was rated on."""
        from .evaluations import Evaluation

        rated = self.evaluations.filter(status__in=Evaluation.RATED_STATUSES)
        return set(rated.values_list("checkpoint", flat=True))


class WorkResult(models.Model):
    """A Rencana Hasil Kerja (RHK), optionally supporting an RHK of the assessing official (intervensi)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="work_results")
    section = models.CharField(_("bagian"), max_length=8, choices=Section.choices, default=Section.UTAMA)
    text = models.TextField(_("rencana hasil kerja"))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("RHK pimpinan yang diintervensi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("rencana hasil kerja")
        verbose_name_plural = _("rencana hasil kerja")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        if self.parent_id and not self._parent_is_assessors():
            raise ValidationError({"parent": PARENT_NOT_ASSESSOR})

    def _parent_is_assessors(self) -> bool:
        parent_plan = self.parent.plan
        return parent_plan.employee_id == self.plan.assessor_id and parent_plan.period_id == self.plan.period_id


class Indicator(TargetFields):
    """An Indikator Kinerja Individu (IKI): aspect, target, direction, weight and realisation source."""

    work_result = models.ForeignKey(WorkResult, on_delete=models.CASCADE, related_name="indicators")
    aspect = models.CharField(_("aspek"), max_length=10, choices=Aspect.choices, blank=True)
    description = models.TextField(_("indikator kinerja individu"))
    unit = models.CharField(_("satuan"), max_length=40, help_text=_("Mis. Dokumen, %, Hari, Bulan."))
    direction = models.CharField(_("arah"), max_length=6, choices=Direction.choices, default=Direction.HIGHER)
    weight = models.DecimalField(
        _("bobot"), max_digits=6, decimal_places=2, default=Decimal(1), validators=[MinValueValidator(Decimal("0.01"))]
    )
    source = models.CharField(_("sumber realisasi"), max_length=10, choices=Source.choices, default=Source.MANUAL)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta(TargetFields.Meta):
        verbose_name = _("indikator kinerja")
        verbose_name_plural = _("indikator kinerja")
        ordering = ["order", "pk"]
        constraints = [
            *TargetFields.Meta.constraints,
            models.CheckConstraint(condition=Q(weight__gt=0), name="indicator_weight_positive"),
        ]

    def __str__(self) -> str:
        return self.description

    def clean(self) -> None:
        if errors := self.target_errors():
            raise ValidationError({"target_value": errors})


class CheckpointTarget(TargetFields):
    """An optional target for one checkpoint (domain.md §7.1); else the annual target applies."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="checkpoint_targets")
    checkpoint = models.PositiveSmallIntegerField(_("titik pantau"), validators=[MinValueValidator(1)])

    class Meta(TargetFields.Meta):
        verbose_name = _("target titik pantau")
        verbose_name_plural = _("target titik pantau")
        ordering = ["checkpoint"]
        constraints = [
            *TargetFields.Meta.constraints,
            models.UniqueConstraint(fields=["indicator", "checkpoint"], name="one_target_per_checkpoint"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} @{self.checkpoint}"


class PlanLog(StepLog):
    """Every workflow step of a plan: who, when, from which state to which, and why."""

    class Action(models.TextChoices):
        CREATE = "CREATE", _("Dibuat")
        SUBMIT = "SUBMIT", _("Diajukan")
        APPROVE = "APPROVE", _("Disetujui")
        RETURN = "RETURN", _("Dikembalikan")
        REVISE = "REVISE", _("Revisi dibuka")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="logs")
    action = models.CharField(_("tindakan"), max_length=8, choices=Action.choices)
    from_status = models.CharField(_("dari status"), max_length=10, choices=Plan.Status.choices, blank=True)
    to_status = models.CharField(_("ke status"), max_length=10, choices=Plan.Status.choices)
    content = models.JSONField(_("isi SKP sebelum revisi"), default=dict, blank=True)

    class Meta(StepLog.Meta):
        verbose_name = _("riwayat SKP")
        verbose_name_plural = _("riwayat SKP")

    def __str__(self) -> str:
        return f"{self.plan_id} {self.action}"


class IndicatorTemplate(TargetFields):
    """HR's library: the usual RHK and IKI of a position, so a plan can start from it in one click."""

    position = models.ForeignKey(
        "org.Position", verbose_name=_("jabatan"), on_delete=models.CASCADE, related_name="indicator_templates"
    )
    section = models.CharField(_("bagian"), max_length=8, choices=Section.choices, default=Section.UTAMA)
    work_result = models.TextField(_("rencana hasil kerja"))
    aspect = models.CharField(_("aspek"), max_length=10, choices=Aspect.choices, blank=True)
    description = models.TextField(_("indikator kinerja individu"))
    unit = models.CharField(_("satuan"), max_length=40)
    direction = models.CharField(_("arah"), max_length=6, choices=Direction.choices, default=Direction.HIGHER)
    weight = models.DecimalField(_("bobot"), max_digits=6, decimal_places=2, default=Decimal(1))
    source = models.CharField(_("sumber realisasi"), max_length=10, choices=Source.choices, default=Source.MANUAL)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta(TargetFields.Meta):
        verbose_name = _("templat indikator")
        verbose_name_plural = _("templat indikator")
        ordering = ["position", "order", "pk"]
        constraints = [
            *TargetFields.Meta.constraints,
            models.CheckConstraint(condition=Q(weight__gt=0), name="template_weight_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.position}: {self.description}"

    def clean(self) -> None:
        if errors := self.target_errors():
            raise ValidationError({"target_value": errors})
