"""The competency dictionary, the standards positions require and the evidence of what employees have.

Levels run 1–5 for every competency (domain.md §3). A position's standard is its own rows when it has
any, else the defaults of its level (``PositionKindStandard``), which are data HR may edit because the
regulation's defaults are unverified. A profile is a history of assessments; the current level is the
latest valid one (``training.selectors.current_levels``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from org.models import Employee, Position

MIN_LEVEL, MAX_LEVEL = 1, 5
LEVEL_VALIDATORS = [MinValueValidator(MIN_LEVEL), MaxValueValidator(MAX_LEVEL)]


def level_range(field: str) -> Q:
    """The database form of "a level between 1 and 5"."""
    return Q(**{f"{field}__gte": MIN_LEVEL, f"{field}__lte": MAX_LEVEL})


def level_field(verbose_name: str, **options: object) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(verbose_name, validators=LEVEL_VALIDATORS, **options)


def criticality_field() -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        _("kekritisan"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("Pengali prioritas kesenjangan; 1 untuk kompetensi biasa."),
    )


class Competency(models.Model):
    class Kind(models.TextChoices):
        TECHNICAL = "TECHNICAL", _("Teknis")
        MANAGERIAL = "MANAGERIAL", _("Manajerial")
        SOCIOCULTURAL = "SOCIOCULTURAL", _("Sosial Kultural")

    code = models.CharField(_("kode"), max_length=20, unique=True, help_text=_("Misalnya M.01 atau T.ADM.01."))
    name = models.CharField(_("nama kompetensi"), max_length=150)
    kind = models.CharField(_("jenis"), max_length=16, choices=Kind.choices)
    description = models.TextField(_("definisi"), blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("kompetensi")
        verbose_name_plural = _("kompetensi")
        ordering = ["kind", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class CompetencyLevel(models.Model):
    """What one level of a competency looks like: a description and behaviour indicators, one per line."""

    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="levels")
    level = level_field(_("level"))
    description = models.TextField(_("deskripsi"), blank=True)
    indicators = models.TextField(_("indikator perilaku"), blank=True, help_text=_("Satu indikator per baris."))

    class Meta:
        verbose_name = _("level kompetensi")
        verbose_name_plural = _("level kompetensi")
        ordering = ["competency__code", "level"]
        constraints = [
            models.UniqueConstraint(fields=["competency", "level"], name="competency_level_unique"),
            models.CheckConstraint(condition=level_range("level"), name="competency_level_range"),
        ]

    def __str__(self) -> str:
        return f"{self.competency.code} level {self.level}"

    def indicator_list(self) -> list[str]:
        return [line.strip() for line in self.indicators.splitlines() if line.strip()]


class PositionKindStandard(models.Model):
    """The default required level of a competency for every position of one level (JPT Pratama, Pengawas…)."""

    position_level = models.CharField(_("jenjang jabatan"), max_length=16, choices=Position.Level.choices)
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="default_standards")
    required_level = level_field(_("level yang dibutuhkan"))
    criticality = criticality_field()

    class Meta:
        verbose_name = _("standar bawaan per jenjang")
        verbose_name_plural = _("standar bawaan per jenjang")
        ordering = ["position_level", "competency__code"]
        constraints = [
            models.UniqueConstraint(fields=["position_level", "competency"], name="kind_standard_unique"),
            models.CheckConstraint(condition=level_range("required_level"), name="kind_standard_level_range"),
            models.CheckConstraint(condition=Q(criticality__gte=1), name="kind_standard_criticality_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_position_level_display()}: {self.competency.code} {self.required_level}"


class PositionStandard(models.Model):
    """One row of a position's own competency standard (*standar kompetensi jabatan*)."""

    position = models.ForeignKey(
        Position, verbose_name=_("jabatan"), on_delete=models.CASCADE, related_name="competency_standards"
    )
    competency = models.ForeignKey(
        Competency, verbose_name=_("kompetensi"), on_delete=models.PROTECT, related_name="position_standards"
    )
    required_level = level_field(_("level yang dibutuhkan"))
    criticality = criticality_field()

    class Meta:
        verbose_name = _("standar kompetensi jabatan")
        verbose_name_plural = _("standar kompetensi jabatan")
        ordering = ["position__unit__code", "position__name", "competency__code"]
        constraints = [
            models.UniqueConstraint(fields=["position", "competency"], name="position_standard_unique"),
            models.CheckConstraint(condition=level_range("required_level"), name="position_standard_level_range"),
            models.CheckConstraint(condition=Q(criticality__gte=1), name="position_standard_criticality_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.position}: {self.competency.code} {self.required_level}"


class CompetencyAssessment(models.Model):
    """One piece of evidence of an employee's level in a competency; rows are never overwritten.

    A mistaken row is marked invalid rather than deleted, so the profile keeps its history.
    """

    class Source(models.TextChoices):
        ASSESSMENT_CENTRE = "ASSESSMENT_CENTRE", _("Assessment center")
        COMPETENCY_TEST = "COMPETENCY_TEST", _("Uji kompetensi")
        SUPERVISOR = "SUPERVISOR", _("Evaluasi atasan pasca-coaching")
        TRAINING = "TRAINING", _("Hasil pelatihan terverifikasi")

    employee = models.ForeignKey(
        Employee, verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="competency_assessments"
    )
    competency = models.ForeignKey(
        Competency, verbose_name=_("kompetensi"), on_delete=models.PROTECT, related_name="assessments"
    )
    level = level_field(_("level"))
    source = models.CharField(_("sumber"), max_length=20, choices=Source.choices)
    assessed_on = models.DateField(_("tanggal penilaian"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_valid = models.BooleanField(_("berlaku"), default=True)
    note = models.TextField(_("catatan"), blank=True)
    created_at = models.DateTimeField(_("dicatat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("hasil penilaian kompetensi")
        verbose_name_plural = _("hasil penilaian kompetensi")
        ordering = ["employee", "competency__code", "-assessed_on", "-created_at", "-pk"]
        constraints = [models.CheckConstraint(condition=level_range("level"), name="assessment_level_range")]
        indexes = [
            models.Index(
                fields=["employee", "competency", "-assessed_on", "-created_at"],
                condition=Q(is_valid=True),
                name="assessment_current_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.employee} {self.competency.code} {self.level} ({self.assessed_on})"
