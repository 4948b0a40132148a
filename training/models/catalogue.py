"""The programme catalogue: development forms (data), programmes, the competencies they develop, batches.

A form says whether it is classical and whether it counts as coaching or mentoring, which rule 4 of
domain.md §7.3 asks for by name; both are data so a Pemda can add the forms LAN leaves open.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from surveys.models import Service

from .competencies import Competency, level_field, level_range

SERVICE_COMPETENCY_NOT_TECHNICAL = _("Layanan hanya dapat dikaitkan dengan kompetensi teknis.")
BATCH_ENDS_BEFORE_START = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")


class DevelopmentForm(models.Model):
    """A form of competency development (Peraturan LAN 10/2018: classical and non-classical)."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama bentuk"), max_length=100)
    classical = models.BooleanField(_("klasikal"), default=False)
    is_coaching = models.BooleanField(
        _("coaching atau mentoring"), default=False, help_text=_("Dipakai untuk pegawai dengan predikat rendah.")
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("bentuk pengembangan")
        verbose_name_plural = _("bentuk pengembangan")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Programme(models.Model):
    code = models.CharField(_("kode"), max_length=30, unique=True)
    title = models.CharField(_("judul"), max_length=200)
    form = models.ForeignKey(
        DevelopmentForm, verbose_name=_("bentuk"), on_delete=models.PROTECT, related_name="programmes"
    )
    provider = models.CharField(_("penyelenggara"), max_length=200, blank=True)
    jp = models.PositiveSmallIntegerField(_("JP"), validators=[MinValueValidator(1)], help_text=_("1 JP = 45 menit."))
    cost = models.DecimalField(
        _("biaya per peserta (Rp)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    description = models.TextField(_("deskripsi"), blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    competencies = models.ManyToManyField(
        Competency, through="ProgrammeCompetency", verbose_name=_("kompetensi"), related_name="programmes"
    )

    class Meta:
        verbose_name = _("program pengembangan")
        verbose_name_plural = _("program pengembangan")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=Q(jp__gt=0), name="programme_jp_positive"),
            models.CheckConstraint(condition=Q(cost__isnull=True) | Q(cost__gte=0), name="programme_cost_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class ProgrammeCompetency(models.Model):
    """A competency a programme develops, and the level it brings a participant to."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="targets")
    competency = models.ForeignKey(
        Competency, verbose_name=_("kompetensi"), on_delete=models.PROTECT, related_name="programme_targets"
    )
    target_level = level_field(_("level sasaran"))

    class Meta:
        verbose_name = _("kompetensi sasaran program")
        verbose_name_plural = _("kompetensi sasaran program")
        ordering = ["programme", "competency__code"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "competency"], name="programme_competency_unique"),
            models.CheckConstraint(condition=level_range("target_level"), name="programme_target_level_range"),
        ]

    def __str__(self) -> str:
        return f"{self.programme.code}: {self.competency.code} {self.target_level}"


class Batch(models.Model):
    """One run of a programme (*angkatan*) with its dates and seats."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="batches")
    starts_on = models.DateField(_("tanggal mulai"))
    ends_on = models.DateField(_("tanggal selesai"))
    capacity = models.PositiveIntegerField(_("kapasitas"), validators=[MinValueValidator(1)])
    place = models.CharField(_("tempat"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("angkatan")
        verbose_name_plural = _("angkatan")
        ordering = ["programme", "starts_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="batch_dates_ordered"),
            models.CheckConstraint(condition=Q(capacity__gt=0), name="batch_capacity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.programme.code} {self.starts_on:%d-%m-%Y}"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": BATCH_ENDS_BEFORE_START})


class ServiceCompetency(models.Model):
    """The technical competency a public service needs (domain.md §7.3 rule 3, for U6 answers)."""

    service = models.OneToOneField(
        Service, verbose_name=_("layanan"), on_delete=models.CASCADE, related_name="technical_competency"
    )
    competency = models.ForeignKey(
        Competency, verbose_name=_("kompetensi teknis"), on_delete=models.PROTECT, related_name="services"
    )

    class Meta:
        verbose_name = _("kompetensi teknis layanan")
        verbose_name_plural = _("kompetensi teknis layanan")

    def __str__(self) -> str:
        return f"{self.service}: {self.competency.code}"

    def clean(self) -> None:
        if self.competency_id and self.competency.kind != Competency.Kind.TECHNICAL:
            raise ValidationError({"competency": SERVICE_COMPETENCY_NOT_TECHNICAL})
