"""Who is recognised and who is coached (domain.md §7.4), as pure rules over stored scores: no database.

Recognition: within one unit (with its sub-units) and one period, the top 10% of composite scores among
the people whose predikat is Sangat Baik or Baik. Coaching: predikat Butuh Perbaikan or worse, or R
below 70. The domain leaves the rounding open; Kinerja's choices, written in docs/leaders.md:

- **Who competes:** the people with a score and predikat Sangat Baik or Baik (the eligible). The
  predikat is the official result and the score only ranks, so a high score with a lower predikat
  never takes a place, and a unit with eligible staff always has a top performer.
- **The quota** is ``ceil(10% × eligible people)``: at least one as soon as anyone is eligible
  (3 eligible: 1; 10: 1; 11: 2; 25: 3). Rounding down would leave every unit of fewer than ten
  eligible people without anyone to recognise, which is not what a Pemda expects.
- **Ties on the cut-off score are all in.** Two people with the same score are never split by the
  alphabet; the list may then be longer than the quota, and the evidence says so.
- **Ranks** are competition ranks (1, 2, 2, 4): among the eligible (what decides) and, for context,
  among everyone with a score in the unit.
- **R exactly 70 is not below 70**; a missing R (no approved plan) is no reason to coach, and a
  missing predikat (not yet evaluated) neither.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from appraisal.predikat import Predikat

ELIGIBLE = frozenset({Predikat.SANGAT_BAIK, Predikat.BAIK})
TOP_RANK = gettext_lazy(
    "Skor Kinerja %(score)s (indeks Kinerja), peringkat %(rank)s dari %(eligible)s pegawai "
    "berpredikat Sangat Baik atau Baik di %(unit)s"
)
NEEDS_COACHING = frozenset({Predikat.BUTUH_PERBAIKAN, Predikat.KURANG_MISCONDUCT, Predikat.SANGAT_KURANG})


@dataclass(frozen=True)
class Settings:
    """The two numbers of §7.4 (``LEADERS_TOP_PERCENT``, ``LEADERS_COACHING_RESULTS_BELOW``)."""

    top_percent: Decimal = Decimal(10)
    results_below: Decimal = Decimal(70)


@dataclass(frozen=True)
class Scored:
    """One person's stored score at a checkpoint: what the rules read."""

    key: int
    score: Decimal | None
    predikat: str
    results: Decimal | None


@dataclass(frozen=True)
class TopPerformer:
    person: Scored
    rank: int  # among the eligible of the unit
    eligible: int
    unit_rank: int  # among everyone with a score in the unit
    scored: int
    quota: int
    tied_at_cutoff: bool  # in by a tie beyond the quota


class Condition(StrEnum):
    PREDIKAT = "predikat"
    RESULTS = "results"


@dataclass(frozen=True)
class CoachingCase:
    person: Scored
    conditions: tuple[Condition, ...]


def quota(scored: int, *, percent: Decimal) -> int:
    """Places for a unit of ``scored`` people with a score: rounded up, so never 0 while anyone has one."""
    return math.ceil(Decimal(scored) * percent / 100) if scored else 0


def ranks(people: Iterable[Scored]) -> dict[int, int]:
    """Competition rank by score, best first (1, 2, 2, 4), over the people with a score."""
    ordered = sorted((p for p in people if p.score is not None), key=lambda p: p.score, reverse=True)
    result: dict[int, int] = {}
    for position, person in enumerate(ordered, start=1):
        previous = ordered[position - 2] if position > 1 else None
        same = previous is not None and previous.score == person.score
        result[person.key] = result[previous.key] if same else position
    return result


def competing(people: Iterable[Scored]) -> list[Scored]:
    """The people who may be recognised: a score and predikat Sangat Baik or Baik."""
    return [p for p in people if p.score is not None and p.predikat in ELIGIBLE]


def top_performers(people: Sequence[Scored], *, settings: Settings) -> list[TopPerformer]:
    """The unit's top performers, best first (module docstring: who competes, quota, ties)."""
    unit_ranks = ranks(people)
    eligible = competing(people)
    eligible_ranks = ranks(eligible)
    places = quota(len(eligible), percent=settings.top_percent)
    chosen = sorted((p for p in eligible if eligible_ranks[p.key] <= places), key=lambda p: (-p.score, p.key))
    return [
        TopPerformer(
            p, eligible_ranks[p.key], len(eligible), unit_ranks[p.key], len(unit_ranks), places, index >= places
        )
        for index, p in enumerate(chosen)
    ]


def coaching_conditions(person: Scored, *, settings: Settings) -> tuple[Condition, ...]:
    """Why someone is on the coaching list; empty when they are not."""
    conditions = []
    if person.predikat in NEEDS_COACHING:
        conditions.append(Condition.PREDIKAT)
    if person.results is not None and person.results < settings.results_below:
        conditions.append(Condition.RESULTS)
    return tuple(conditions)


def coaching_list(people: Iterable[Scored], *, settings: Settings) -> list[CoachingCase]:
    """Everyone who meets a coaching condition, in the order given."""
    cases = ((p, coaching_conditions(p, settings=settings)) for p in people)
    return [CoachingCase(person, conditions) for person, conditions in cases if conditions]


# --- Evidence in words -------------------------------------------------------------------------------


def _number(value: Decimal) -> str:
    return number_format(value, decimal_pos=2, use_l10n=True)


def predikat_label(code: str) -> str:
    return str(Predikat(code).label) if code in Predikat.values else _("belum ada")


def top_evidence(top: TopPerformer, *, unit_name: str) -> list[str]:
    """The sentences that say why someone is a top performer, for the page, the export and the file."""
    person = top.person
    lines = [
        TOP_RANK % {"score": _number(person.score), "rank": top.rank, "eligible": top.eligible, "unit": unit_name},
        _("Peringkat %(rank)s dari %(scored)s pegawai dengan skor di unit ini")
        % {"rank": top.unit_rank, "scored": top.scored},
        _("Predikat %(predikat)s") % {"predikat": predikat_label(person.predikat)},
        _("R (capaian hasil kerja) %(value)s") % {"value": _number(person.results)}
        if person.results is not None
        else _("R belum ada (tanpa SKP yang disetujui)"),
    ]
    if top.tied_at_cutoff:
        lines.append(_("Masuk karena nilainya sama dengan batas kuota %(quota)s orang") % {"quota": top.quota})
    return lines


def coaching_evidence(case: CoachingCase, *, settings: Settings) -> list[str]:
    """The conditions that put someone on the coaching list, then the other figures for context."""
    person, lines = case.person, []
    if Condition.PREDIKAT in case.conditions:
        lines.append(
            _("Predikat %(predikat)s: Butuh Perbaikan atau lebih rendah")
            % {"predikat": predikat_label(person.predikat)}
        )
    if Condition.RESULTS in case.conditions:
        lines.append(
            _("R (capaian hasil kerja) %(value)s, di bawah %(limit)s")
            % {"value": _number(person.results), "limit": _number(settings.results_below)}
        )
    if Condition.PREDIKAT not in case.conditions:
        lines.append(_("Predikat %(predikat)s") % {"predikat": predikat_label(person.predikat)})
    if Condition.RESULTS not in case.conditions and person.results is not None:
        lines.append(_("R (capaian hasil kerja) %(value)s") % {"value": _number(person.results)})
    return lines
