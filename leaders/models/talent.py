"""The talent map's stored placements, HR's calibrations and the computations HR asks for (domain.md §7.5).

A placement is computed for a whole Pemda at once (``leaders.talent.services.talent_map_compute``) and
keeps its inputs and the rule version, so the person's page can say why they are in their box. A
calibration moves a person to another box with a reason; a recompute never undoes it. The box the map
shows (``final_box``) is derived by the database from the two, so it can never disagree with them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from appraisal.predikat import Predikat
from core.models import StepLog

from ..talent.rules import LEVELS, Kinerja, NotPlaced, Potensi

BOX_RANGE = Q(box__gte=1, box__lte=9)


class TalentPlacement(models.Model):
    """One employee in one period's map: the computed box (or why none), its inputs, and HR's calibration."""

    period = models.ForeignKey(
        "appraisal.AppraisalPeriod", verbose_name=_("periode"), on_delete=models.CASCADE, related_name="+"
    )
    employee = models.ForeignKey("org.Employee", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="+")
    # Where the person worked when computed, so a past year's map keeps its units and positions.
    unit = models.ForeignKey("org.Unit", verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="+")
    position = models.ForeignKey("org.Position", verbose_name=_("jabatan"), on_delete=models.PROTECT, related_name="+")
    kinerja = models.PositiveSmallIntegerField(_("kinerja"), choices=Kinerja.choices, null=True, blank=True)
    potensi = models.PositiveSmallIntegerField(_("potensi"), choices=Potensi.choices, null=True, blank=True)
    box = models.PositiveSmallIntegerField(_("kotak hasil perhitungan"), null=True, blank=True)
    calibrated_box = models.PositiveSmallIntegerField(_("kotak setelah kalibrasi"), null=True, blank=True)
    final_box = models.GeneratedField(
        expression=models.Case(
            models.When(box__isnull=True, then=models.Value(None)),
            default=Coalesce("calibrated_box", "box"),
        ),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
        verbose_name=_("kotak"),
    )
    predikat = models.CharField(_("predikat yang dihitung"), max_length=20, choices=Predikat.choices, blank=True)
    predikat_year = models.PositiveSmallIntegerField(_("tahun predikat"), null=True, blank=True)
    jpm = models.DecimalField(_("JPM"), max_digits=5, decimal_places=2, null=True, blank=True)
    not_placed = models.JSONField(_("alasan tidak dipetakan"), default=list, blank=True)
    inputs = models.JSONField(_("masukan"), default=dict)
    rule_version = models.CharField(_("versi aturan"), max_length=16)
    computed_at = models.DateTimeField(_("dihitung"))

    class Meta:
        verbose_name = _("penempatan peta talenta")
        verbose_name_plural = _("penempatan peta talenta")
        constraints = [
            models.UniqueConstraint(fields=["period", "employee"], name="one_talent_placement_per_period"),
            models.CheckConstraint(condition=Q(box__isnull=True) | BOX_RANGE, name="talent_box_1_to_9"),
            models.CheckConstraint(
                condition=Q(calibrated_box__isnull=True) | Q(calibrated_box__gte=1, calibrated_box__lte=9),
                name="talent_calibrated_box_1_to_9",
            ),
            models.CheckConstraint(
                condition=Q(box__isnull=True) | Q(kinerja__isnull=False, potensi__isnull=False),
                name="talent_box_has_levels",
            ),
        ]
        indexes = [models.Index(fields=["period", "final_box"])]

    def __str__(self) -> str:
        return f"{self.period} · {self.employee_id} · {self.final_box or '-'}"

    @property
    def is_calibrated(self) -> bool:
        return self.box is not None and self.calibrated_box is not None and self.calibrated_box != self.box

    @property
    def final_levels(self) -> tuple[Kinerja, Potensi] | None:
        """The levels of the box the map shows (a calibrated box's row and column)."""
        return LEVELS.get(self.final_box) if self.final_box else None

    def not_placed_labels(self) -> list[str]:
        return [str(NotPlaced(code).label) for code in self.not_placed if code in NotPlaced.values]


class TalentCalibration(StepLog):
    """One move of a person to another box after a calibration meeting: from, to, why, who, when."""

    placement = models.ForeignKey(
        TalentPlacement, verbose_name=_("penempatan"), on_delete=models.CASCADE, related_name="calibrations"
    )
    from_box = models.PositiveSmallIntegerField(_("dari kotak"))
    to_box = models.PositiveSmallIntegerField(_("ke kotak"))

    class Meta(StepLog.Meta):
        verbose_name = _("kalibrasi peta talenta")
        verbose_name_plural = _("kalibrasi peta talenta")
        constraints = [
            models.CheckConstraint(condition=Q(from_box__gte=1, from_box__lte=9), name="talent_calibration_from_box"),
            models.CheckConstraint(condition=Q(to_box__gte=1, to_box__lte=9), name="talent_calibration_to_box"),
            models.CheckConstraint(condition=~Q(reason=""), name="talent_calibration_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.placement_id}: {self.from_box} → {self.to_box}"


class TalentRun(models.Model):
    """A computation of a period's map: asked for by HR (queued) or run at once; pending until finished,
    or until it failed for good (a transient error is retried first, ``leaders.talent.tasks``)."""

    period = models.ForeignKey(
        "appraisal.AppraisalPeriod", verbose_name=_("periode"), on_delete=models.CASCADE, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diminta oleh"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("diminta"), auto_now_add=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    employees = models.PositiveIntegerField(_("pegawai dihitung"), default=0)
    failed_at = models.DateTimeField(_("gagal"), null=True, blank=True)
    error = models.TextField(_("galat"), blank=True)

    class Meta:
        verbose_name = _("perhitungan peta talenta")
        verbose_name_plural = _("perhitungan peta talenta")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.period} · {self.requested_at:%Y-%m-%d %H:%M}"
