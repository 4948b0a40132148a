"""The talent map's nine boxes, exactly as domain.md §7.5 defines them (PermenPANRB 3/2020).

Pure functions over plain values: no database, no settings read inside a rule. The caller
(``leaders.talent.services``) loads every input of a whole Pemda at once and passes the JPM cut-offs
as ``Cutoffs``, so each figure is visible, testable and stored with the placement.

Where §7.5 is silent, these are our choices (docs/leaders.md, "Talent map", repeats them):
- "The last two years" of a period's map are the period's own year and the year before; the latest
  of the two with an annual predikat counts.
- Everything that makes a person unplaceable is said, not only the first thing found: a penalty,
  no predikat, no JPM.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from appraisal.predikat import Predikat

# Stored with every placement; bump it when a rule below changes meaning.
RULE_VERSION = "7.5/1"
YEARS_COUNTED = 2  # the period's year and the one before, the latest counting


class Kinerja(models.IntegerChoices):
    """The performance axis, low to high (the grid's rows read high to low)."""

    DI_BAWAH = 1, _("Di bawah ekspektasi")
    SESUAI = 2, _("Sesuai ekspektasi")
    DI_ATAS = 3, _("Di atas ekspektasi")


class Potensi(models.IntegerChoices):
    """The potential axis, low to high (the grid's columns)."""

    RENDAH = 1, _("Rendah")
    MENENGAH = 2, _("Menengah")
    TINGGI = 3, _("Tinggi")


class NotPlaced(models.TextChoices):
    """Why a person has no box."""

    PENALTY = "PENALTY", _("Sedang menjalani hukuman disiplin sedang atau berat")
    NO_PREDIKAT = "NO_PREDIKAT", _("Belum ada predikat kinerja tahunan pada dua tahun terakhir")
    NO_JPM = "NO_JPM", _("Belum ada JPM (standar kompetensi jabatan belum ada)")


# (kinerja, potensi) -> box, numbered as the KemenPANRB slide shows them (§7.5).
BOXES: dict[tuple[int, int], int] = {
    (Kinerja.DI_ATAS, Potensi.RENDAH): 4,
    (Kinerja.DI_ATAS, Potensi.MENENGAH): 7,
    (Kinerja.DI_ATAS, Potensi.TINGGI): 9,
    (Kinerja.SESUAI, Potensi.RENDAH): 2,
    (Kinerja.SESUAI, Potensi.MENENGAH): 5,
    (Kinerja.SESUAI, Potensi.TINGGI): 8,
    (Kinerja.DI_BAWAH, Potensi.RENDAH): 1,
    (Kinerja.DI_BAWAH, Potensi.MENENGAH): 3,
    (Kinerja.DI_BAWAH, Potensi.TINGGI): 6,
}
LEVELS: dict[int, tuple[Kinerja, Potensi]] = {box: (Kinerja(k), Potensi(p)) for (k, p), box in BOXES.items()}
ALL_BOXES = tuple(range(1, 10))
# The grid as drawn: rows kinerja high to low, columns potensi low to high.
GRID: tuple[tuple[Kinerja, tuple[int, ...]], ...] = tuple(
    (kinerja, tuple(BOXES[(kinerja, potensi)] for potensi in Potensi)) for kinerja in reversed(Kinerja)
)
POOL = frozenset({7, 8, 9})  # the pool for promotion and succession; box 9 is the talent
# The boxes best first, as the movement table and the calibration choices list them (9, 8, 7 is the
# succession order too).
BEST_FIRST = (9, 8, 7, 6, 5, 4, 3, 2, 1)

KINERJA_OF_PREDIKAT: dict[str, Kinerja] = {Predikat.SANGAT_BAIK: Kinerja.DI_ATAS, Predikat.BAIK: Kinerja.SESUAI}
BOX_LABEL = _("Kotak %(box)s · kinerja %(kinerja)s, potensi %(potensi)s")
PENALTY_LEVELS_EXCLUDED = frozenset({"SEDANG", "BERAT"})  # org.DisciplinaryPenalty.Level


@dataclass(frozen=True)
class Cutoffs:
    """The JPM at which potensi becomes menengah and tinggi (§7.5 default: 68 and 80, settings)."""

    middle: Decimal = Decimal(68)
    high: Decimal = Decimal(80)

    @classmethod
    def from_settings(cls) -> Cutoffs:
        return cls(Decimal(settings.TALENT_JPM_MIDDLE), Decimal(settings.TALENT_JPM_HIGH))

    def as_data(self) -> dict:
        return {"middle": str(self.middle), "high": str(self.high)}


def kinerja_level(predikat: str) -> Kinerja:
    """Sangat Baik is above expectation, Baik as expected, anything lower below (§7.5)."""
    return KINERJA_OF_PREDIKAT.get(predikat, Kinerja.DI_BAWAH)


def counted_predikat(predikats: Mapping[int, str], *, year: int) -> tuple[int, str] | None:
    """(year, predikat) of the latest of the last two years that has an annual predikat, or None."""
    for counted in range(year, year - YEARS_COUNTED, -1):
        if predikats.get(counted):
            return counted, predikats[counted]
    return None


def potensi_level(jpm: Decimal, cutoffs: Cutoffs) -> Potensi:
    """JPM below ``middle`` is rendah, below ``high`` menengah, else tinggi: a JPM exactly on a
    cut-off belongs to the higher box (§7.5; public implementations get this edge wrong)."""
    if jpm >= cutoffs.high:
        return Potensi.TINGGI
    if jpm >= cutoffs.middle:
        return Potensi.MENENGAH
    return Potensi.RENDAH


def box_for(kinerja: int, potensi: int) -> int:
    return BOXES[(kinerja, potensi)]


def box_label(box: int) -> str:
    """ "Kotak 7 · kinerja di atas ekspektasi, potensi menengah": the box with its row and column."""
    kinerja, potensi = LEVELS[box]
    return str(BOX_LABEL) % {"box": box, "kinerja": str(kinerja.label).lower(), "potensi": str(potensi.label).lower()}


@dataclass(frozen=True)
class PersonInputs:
    """What the rule reads for one person: annual predikat by year, JPM, and the penalty in force."""

    employee_id: int
    predikats: Mapping[int, str]
    jpm: Decimal | None
    penalties: frozenset[str] = frozenset()  # the levels of the penalties in force


@dataclass(frozen=True)
class Placement:
    employee_id: int
    box: int | None
    kinerja: Kinerja | None = None
    potensi: Potensi | None = None
    predikat_year: int | None = None
    predikat: str = ""
    not_placed: tuple[NotPlaced, ...] = ()


def place(person: PersonInputs, *, year: int, cutoffs: Cutoffs) -> Placement:
    """The person's box in the map of ``year``, or every reason why they have none (§7.5)."""
    counted = counted_predikat(person.predikats, year=year)
    reasons = tuple(
        reason
        for reason, applies in (
            (NotPlaced.PENALTY, bool(person.penalties & PENALTY_LEVELS_EXCLUDED)),
            (NotPlaced.NO_PREDIKAT, counted is None),
            (NotPlaced.NO_JPM, person.jpm is None),
        )
        if applies
    )
    predikat_year, predikat = counted or (None, "")
    if reasons:
        return Placement(person.employee_id, None, predikat_year=predikat_year, predikat=predikat, not_placed=reasons)
    kinerja, potensi = kinerja_level(predikat), potensi_level(person.jpm, cutoffs)
    return Placement(person.employee_id, box_for(kinerja, potensi), kinerja, potensi, predikat_year, predikat)
