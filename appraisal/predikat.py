"""Ratings and the predikat kinerja pegawai: the exact 3×3 matrix of domain.md §1.4.

The regulation gives no formula for either rating (the Pejabat Penilai chooses both); only the
predikat is derived, and always by ``predikat_for``, never typed by anyone.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

UNKNOWN_RATING = _("Rating tidak dikenal: %(value)s")


class Rating(models.TextChoices):
    """Rating Hasil Kerja and Rating Perilaku Kerja share these three values (§1.4)."""

    DI_ATAS_EKSPEKTASI = "DI_ATAS_EKSPEKTASI", _("Di Atas Ekspektasi")
    SESUAI_EKSPEKTASI = "SESUAI_EKSPEKTASI", _("Sesuai Ekspektasi")
    DI_BAWAH_EKSPEKTASI = "DI_BAWAH_EKSPEKTASI", _("Di Bawah Ekspektasi")


class Predikat(models.TextChoices):
    """Best to worst (§1.4)."""

    SANGAT_BAIK = "SANGAT_BAIK", _("Sangat Baik")
    BAIK = "BAIK", _("Baik")
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN", _("Butuh Perbaikan")
    KURANG_MISCONDUCT = "KURANG_MISCONDUCT", _("Kurang/Misconduct")
    SANGAT_KURANG = "SANGAT_KURANG", _("Sangat Kurang")


_A, _S, _B = Rating.DI_ATAS_EKSPEKTASI, Rating.SESUAI_EKSPEKTASI, Rating.DI_BAWAH_EKSPEKTASI
# (Hasil Kerja, Perilaku Kerja) -> predikat; rows and columns exactly as the table in §1.4.
MATRIX: dict[tuple[str, str], Predikat] = {
    (_A, _B): Predikat.KURANG_MISCONDUCT,
    (_A, _S): Predikat.BAIK,
    (_A, _A): Predikat.SANGAT_BAIK,
    (_S, _B): Predikat.KURANG_MISCONDUCT,
    (_S, _S): Predikat.BAIK,
    (_S, _A): Predikat.BAIK,
    (_B, _B): Predikat.SANGAT_KURANG,
    (_B, _S): Predikat.BUTUH_PERBAIKAN,
    (_B, _A): Predikat.BUTUH_PERBAIKAN,
}


def predikat_for(*, work: str, behaviour: str) -> Predikat:
    """The predikat of a Hasil Kerja and a Perilaku Kerja rating (domain.md §1.4).

    Poor behaviour never gives more than Kurang/Misconduct; Sangat Baik needs both above expectation.
    """
    try:
        return MATRIX[(Rating(work), Rating(behaviour))]
    except ValueError as exc:
        raise ValueError(str(UNKNOWN_RATING % {"value": f"{work}/{behaviour}"})) from exc


def predikat_or_blank(*, work: str, behaviour: str) -> str:
    """The stored form: blank until both ratings are chosen."""
    return predikat_for(work=work, behaviour=behaviour).value if work and behaviour else ""
