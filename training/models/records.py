"""Completed development activities an employee records, with their certificate, for verification.

JP count in the calendar year of the end date (domain.md §7.3). The certificate is stored like
appraisal evidence: privately, under a random name, after the same type and size checks.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from appraisal.evidence import check_evidence_file
from appraisal.models.progress import PrivateMediaStorage
from org.models import Employee

from .catalogue import DevelopmentForm, Programme
from .competencies import Competency, level_field, level_range

RECORD_ENDS_BEFORE_START = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")


def certificate_path(instance: DevelopmentRecord, filename: str) -> str:
    """A random name: the user's file name is kept only as metadata, never on disk."""
    return f"training/certificates/{instance.employee_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


def check_certificate(value: models.fields.files.FieldFile) -> None:
    """A newly attached certificate passes the evidence checks: size, extension and content signature."""
    if value and not value._committed:
        check_evidence_file(value)


class DevelopmentRecord(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "SUBMITTED", _("Menunggu verifikasi")
        VERIFIED = "VERIFIED", _("Terverifikasi")
        REJECTED = "REJECTED", _("Ditolak")

    employee = models.ForeignKey(
        Employee, verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="development_records"
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="records",
    )
    form = models.ForeignKey(DevelopmentForm, verbose_name=_("bentuk"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("nama kegiatan"), max_length=200)
    organiser = models.CharField(_("penyelenggara"), max_length=200)
    starts_on = models.DateField(_("tanggal mulai"))
    ends_on = models.DateField(_("tanggal selesai"), help_text=_("JP dihitung pada tahun tanggal ini."))
    jp = models.PositiveSmallIntegerField(_("JP"), validators=[MinValueValidator(1)])
    competencies = models.ManyToManyField(
        Competency, through="DevelopmentRecordCompetency", verbose_name=_("kompetensi"), related_name="+"
    )
    certificate = models.FileField(
        _("sertifikat"),
        storage=PrivateMediaStorage(),
        upload_to=certificate_path,
        max_length=200,
        blank=True,
        validators=[check_certificate],
    )
    certificate_name = models.CharField(_("nama berkas sertifikat"), max_length=200, blank=True)
    certificate_type = models.CharField(_("jenis berkas sertifikat"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diverifikasi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)
    reason = models.TextField(_("alasan"), blank=True)
    created_at = models.DateTimeField(_("dicatat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("catatan pengembangan")
        verbose_name_plural = _("catatan pengembangan")
        ordering = ["employee", "-ends_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(jp__gt=0), name="record_jp_positive"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="record_dates_ordered"),
            models.CheckConstraint(
                condition=Q(status="SUBMITTED") | Q(verified_at__isnull=False), name="record_decision_dated"
            ),
        ]
        indexes = [models.Index(fields=["employee", "ends_on"], name="record_employee_year_idx")]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": RECORD_ENDS_BEFORE_START})


class DevelopmentRecordCompetency(models.Model):
    """A competency an activity targeted, with the level it showed when the certificate says one."""

    record = models.ForeignKey(DevelopmentRecord, on_delete=models.CASCADE, related_name="outcomes")
    competency = models.ForeignKey(Competency, verbose_name=_("kompetensi"), on_delete=models.PROTECT, related_name="+")
    achieved_level = level_field(_("level yang dicapai"), null=True, blank=True)

    class Meta:
        verbose_name = _("kompetensi kegiatan")
        verbose_name_plural = _("kompetensi kegiatan")
        constraints = [
            models.UniqueConstraint(fields=["record", "competency"], name="record_competency_unique"),
            models.CheckConstraint(
                condition=Q(achieved_level__isnull=True) | level_range("achieved_level"),
                name="record_achieved_level_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.record}: {self.competency.code}"
