"""Progress during the period: realisations per checkpoint, activities and evidence files."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from .plans import Indicator, Source


@deconstructible
class PrivateMediaStorage(FileSystemStorage):
    """Files under ``PRIVATE_MEDIA_ROOT``, outside the web root; they have no public URL.

    The location is read from settings on every access (not cached at import) so that tests and
    deployments that change ``PRIVATE_MEDIA_ROOT`` are honoured.
    """

    def __init__(self) -> None:
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return str(Path(settings.PRIVATE_MEDIA_ROOT).resolve())

    def url(self, name):
        raise NotImplementedError("Private files are served only by access-checking views.")


def evidence_path(instance: Evidence, filename: str) -> str:
    """A random name: the user's file name is kept only as metadata, never on disk."""
    extension = Path(filename).suffix.lower()
    return f"appraisal/evidence/{instance.indicator_id}/{uuid.uuid4().hex}{extension}"


class Realisation(models.Model):
    """The realisation so far at one checkpoint (domain.md §7.1); one per indicator and checkpoint."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="realisations")
    checkpoint = models.PositiveSmallIntegerField(_("titik pantau"), validators=[MinValueValidator(1)])
    value = models.DecimalField(_("realisasi"), max_digits=14, decimal_places=4, validators=[MinValueValidator(0)])
    note = models.TextField(_("keterangan"), blank=True)
    source = models.CharField(_("sumber"), max_length=10, choices=Source.choices, default=Source.MANUAL)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dilaporkan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("dilaporkan pada"), auto_now=True)

    class Meta:
        verbose_name = _("realisasi")
        verbose_name_plural = _("realisasi")
        ordering = ["checkpoint"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "checkpoint"], name="one_realisation_per_checkpoint"),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="realisation_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}@{self.checkpoint}: {self.value}"


class RealisationCorrection(models.Model):
    """An earlier value of a realisation, kept when it was corrected: the realisation holds only the latest.

    Who reported the earlier value and when (``reported_*``), who replaced it and when (``corrected_*``).
    """

    realisation = models.ForeignKey(Realisation, on_delete=models.CASCADE, related_name="corrections")
    value = models.DecimalField(_("realisasi sebelumnya"), max_digits=14, decimal_places=4)
    note = models.TextField(_("keterangan"), blank=True)
    source = models.CharField(_("sumber"), max_length=10, choices=Source.choices)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dilaporkan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reported_at = models.DateTimeField(_("dilaporkan pada"))
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dikoreksi oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    corrected_at = models.DateTimeField(_("dikoreksi pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("koreksi realisasi")
        verbose_name_plural = _("koreksi realisasi")
        ordering = ["-corrected_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.realisation_id}: {self.value}"


class Activity(models.Model):
    """A dated entry of work done towards an indicator (pendokumentasian kinerja, domain.md §1.1)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="activities")
    date = models.DateField(_("tanggal"))
    description = models.TextField(_("kegiatan"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dicatat oleh"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("dicatat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("kegiatan")
        verbose_name_plural = _("kegiatan")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return self.description[:60]


class Evidence(models.Model):
    """A supporting file (bukti dukung) for an indicator, stored privately and served by a checking view."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField(_("berkas"), storage=PrivateMediaStorage(), upload_to=evidence_path, max_length=200)
    original_name = models.CharField(_("nama berkas"), max_length=200)
    content_type = models.CharField(_("jenis berkas"), max_length=100)
    size = models.PositiveIntegerField(_("ukuran (bita)"))
    description = models.CharField(_("keterangan"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("diunggah pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return self.original_name
