"""Appraisal periods (a performance year) and their periodic checkpoints (domain.md §1.5)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import StepLog

from .. import achievement
from ..achievement import Rules, to_decimal

ROMAN = ["I", "II", "III", "IV"]
MONTH_NAMES = [
    _("Januari"),
    _("Februari"),
    _("Maret"),
    _("April"),
    _("Mei"),
    _("Juni"),
    _("Juli"),
    _("Agustus"),
    _("September"),
    _("Oktober"),
    _("November"),
    _("Desember"),
]


def default_cap():
    return to_decimal(settings.APPRAISAL_ACHIEVEMENT_CAP)


def default_above_min():
    return to_decimal(settings.APPRAISAL_HINT_ABOVE_MIN)


def default_as_expected_min():
    return to_decimal(settings.APPRAISAL_HINT_AS_EXPECTED_MIN)


def default_lower_formula():
    return settings.APPRAISAL_LOWER_FORMULA


@dataclass(frozen=True)
class Checkpoint:
    """One periodic checkpoint of a period (a month, quarter, half-year or the whole year)."""

    number: int
    start: date
    end: date
    label: str


class AppraisalPeriod(models.Model):
    """A performance year. HR chooses how often progress is checked; closing makes it read-only."""

    class CheckpointType(models.TextChoices):
        BULANAN = "BULANAN", _("Bulanan")
        TRIWULANAN = "TRIWULANAN", _("Triwulanan")
        SEMESTERAN = "SEMESTERAN", _("Semesteran")
        TAHUNAN = "TAHUNAN", _("Tahunan")

    class LowerFormula(models.TextChoices):
        REGULATION = (
            achievement.LowerFormula.REGULATION,
            _("(2 − realisasi ÷ target) × 100 (lampiran PermenPANRB 8/2021)"),
        )
        RATIO = achievement.LowerFormula.RATIO, _("target ÷ realisasi × 100")

    class Status(models.TextChoices):
        OPEN = "OPEN", pgettext_lazy("period", "Terbuka")
        CLOSED = "CLOSED", pgettext_lazy("period", "Ditutup")

    MONTHS_PER_CHECKPOINT = {"BULANAN": 1, "TRIWULANAN": 3, "SEMESTERAN": 6, "TAHUNAN": 12}

    year = models.PositiveSmallIntegerField(_("tahun"), unique=True, validators=[MinValueValidator(2000)])
    checkpoint_type = models.CharField(_("periode pemantauan"), max_length=12, choices=CheckpointType.choices)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN)
    plan_deadline = models.DateField(_("batas penetapan SKP"))
    achievement_cap = models.DecimalField(_("batas atas capaian"), max_digits=6, decimal_places=2, default=default_cap)
    hint_above_min = models.DecimalField(
        _("ambang 'di atas ekspektasi'"), max_digits=6, decimal_places=2, default=default_above_min
    )
    hint_as_expected_min = models.DecimalField(
        _("ambang 'sesuai ekspektasi'"), max_digits=6, decimal_places=2, default=default_as_expected_min
    )
    lower_formula = models.CharField(
        _("rumus makin-rendah-makin-baik"),
        max_length=10,
        choices=LowerFormula.choices,
        default=default_lower_formula,
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("periode penilaian")
        verbose_name_plural = _("periode penilaian")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hint_as_expected_min__lte=models.F("hint_above_min")), name="period_hint_thresholds_ordered"
            ),
            models.CheckConstraint(condition=Q(achievement_cap__gt=0), name="period_cap_positive"),
            models.CheckConstraint(
                condition=Q(lower_formula__in=[formula.value for formula in achievement.LowerFormula]),
                name="period_lower_formula_known",
            ),
        ]

    def __str__(self) -> str:
        return str(self.year)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def start(self) -> date:
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, 12, 31)

    def rules(self) -> Rules:
        """The §7.1 numbers for this period: cap, thresholds and lower-is-better formula per period,
        floor from settings."""
        return Rules(
            cap=to_decimal(self.achievement_cap),
            floor=to_decimal(settings.APPRAISAL_ACHIEVEMENT_FLOOR),
            above_min=to_decimal(self.hint_above_min),
            as_expected_min=to_decimal(self.hint_as_expected_min),
            lower_formula=achievement.LowerFormula(self.lower_formula),
        )

    def checkpoints(self) -> list[Checkpoint]:
        step = self.MONTHS_PER_CHECKPOINT[self.checkpoint_type]
        return [self._checkpoint(number, step) for number in range(1, 12 // step + 1)]

    def checkpoint(self, number: int) -> Checkpoint | None:
        return next((c for c in self.checkpoints() if c.number == number), None)

    def checkpoint_on(self, day: date) -> Checkpoint:
        """The checkpoint a day falls in; days outside the year clamp to the first or last one."""
        checkpoints = self.checkpoints()
        return next((c for c in checkpoints if day <= c.end), checkpoints[-1])

    def _checkpoint(self, number: int, step: int) -> Checkpoint:
        first_month = (number - 1) * step + 1
        last_month = first_month + step - 1
        end = date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])
        return Checkpoint(number, date(self.year, first_month, 1), end, self._label(number, step))

    def _label(self, number: int, step: int) -> str:
        if step == 1:
            return str(MONTH_NAMES[number - 1])
        if step == 3:
            return str(_("Triwulan %(n)s") % {"n": ROMAN[number - 1]})
        if step == 6:
            return str(_("Semester %(n)s") % {"n": ROMAN[number - 1]})
        return str(_("Tahunan"))


class PeriodLog(StepLog):
    """Who opened, closed or reopened a period, when and why."""

    class Action(models.TextChoices):
        CREATE = "CREATE", _("Dibuat")
        CLOSE = "CLOSE", _("Ditutup")
        REOPEN = "REOPEN", _("Dibuka kembali")

    period = models.ForeignKey(AppraisalPeriod, on_delete=models.CASCADE, related_name="logs")
    action = models.CharField(_("tindakan"), max_length=8, choices=Action.choices)

    class Meta(StepLog.Meta):
        verbose_name = _("riwayat periode")
        verbose_name_plural = _("riwayat periode")

    def __str__(self) -> str:
        return f"{self.period} {self.get_action_display()}"
