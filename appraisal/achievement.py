"""Indicator and plan achievement (*capaian*), exactly as domain.md §7.1 defines it.

Pure functions over ``Decimal``: no database, no settings lookups inside the formulas. The caller
passes the rules (cap, floor, hint thresholds, lower-is-better formula) so every number used is
visible and testable, and the transparency page can show them. Full precision is kept throughout;
only figures shown or stored are rounded, to 2 decimals, half up (domain.md §7).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from django.conf import settings

from core.numbers import round_half_up

HUNDRED = Decimal(100)


class Direction(StrEnum):
    """Which way an indicator improves (§7.1); ``appraisal.models.Direction`` labels these values."""

    HIGHER = "HIGHER"
    LOWER = "LOWER"
    STABIL = "STABIL"  # stay inside a range target: falling short and overshooting both lose


class LowerFormula(StrEnum):
    """How a lower-is-better figure is measured against its bound: a setting per period (§7.1)."""

    REGULATION = "REGULATION"  # (2 − realisation / bound) × 100, the PermenPANRB 8/2021 annex
    RATIO = "RATIO"  # bound / realisation × 100


class Formula(StrEnum):
    """Which branch of §7.1 produced a capaian; the transparency page explains each one."""

    HIGHER = "HIGHER"  # realisation / bound × 100
    LOWER = "LOWER"  # (2 − realisation / bound) × 100
    LOWER_RATIO = "LOWER_RATIO"  # bound / realisation × 100
    LOWER_ZERO = "LOWER_ZERO"  # bound / realisation with realisation 0: the cap
    RANGE_INSIDE = "RANGE_INSIDE"  # inside the range: 100
    NOT_REPORTED = "NOT_REPORTED"  # no realisation yet: counts 0


class Bound(StrEnum):
    """What a capaian was measured against: the single target or the nearer bound of a range."""

    TARGET = "TARGET"
    LOW = "LOW"
    HIGH = "HIGH"


class Hint(StrEnum):
    """The rating a capaian suggests beside the supervisor's rating (never the rating itself)."""

    DI_ATAS_EKSPEKTASI = "DI_ATAS_EKSPEKTASI"
    SESUAI_EKSPEKTASI = "SESUAI_EKSPEKTASI"
    DI_BAWAH_EKSPEKTASI = "DI_BAWAH_EKSPEKTASI"


def to_decimal(value: object) -> Decimal:
    """Settings may hold ints, strings or Decimals; floats go through ``str`` to avoid binary noise."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def round2(value: Decimal) -> Decimal:
    """The one rounding rule for displayed and stored figures (domain.md §7)."""
    return round_half_up(value)


@dataclass(frozen=True)
class Rules:
    """The numbers of §7.1 that HR may change: cap, floor, the two hint thresholds and the
    lower-is-better formula (the regulation's unless a Pemda's own rule says otherwise)."""

    cap: Decimal
    floor: Decimal
    above_min: Decimal  # ≥ this suggests Di Atas Ekspektasi
    as_expected_min: Decimal  # ≥ this (and < above_min) suggests Sesuai Ekspektasi
    lower_formula: LowerFormula = LowerFormula.REGULATION

    @classmethod
    def from_settings(cls) -> Rules:
        return cls(
            cap=to_decimal(settings.APPRAISAL_ACHIEVEMENT_CAP),
            floor=to_decimal(settings.APPRAISAL_ACHIEVEMENT_FLOOR),
            above_min=to_decimal(settings.APPRAISAL_HINT_ABOVE_MIN),
            as_expected_min=to_decimal(settings.APPRAISAL_HINT_AS_EXPECTED_MIN),
            lower_formula=LowerFormula(settings.APPRAISAL_LOWER_FORMULA),
        )


@dataclass(frozen=True)
class Target:
    """A single value (``value``) or a range (``low``–``high``), as an indicator or a checkpoint sets it."""

    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator's capaian with everything needed to retrace it."""

    formula: Formula
    bound: Bound | None  # None when inside a range or not reported
    against: Decimal | None  # the bound's value
    raw: Decimal | None  # before cap and floor; None when not reported
    capaian: Decimal  # after cap and floor, full precision
    capped: bool
    floored: bool

    @property
    def reported(self) -> bool:
        return self.formula is not Formula.NOT_REPORTED


def _nearer_bound(*, target: Target, realisation: Decimal, direction: str) -> tuple[Bound, Decimal, bool] | None:
    """The bound to measure against and whether more is better there; ``None`` inside a range.

    Below a range, only a lower-is-better indicator gains; above it, only a higher-is-better one
    does. *Stabil* loses on both sides; with a single target it is a range of one value (our
    choice: §7.1 only speaks of bands)."""
    if not target.is_range:
        rising = direction == Direction.HIGHER or (direction == Direction.STABIL and realisation <= target.value)
        return Bound.TARGET, target.value, rising
    if realisation < target.low:
        return Bound.LOW, target.low, direction != Direction.LOWER
    if realisation > target.high:
        return Bound.HIGH, target.high, direction == Direction.HIGHER
    return None


def _measure(*, bound: Decimal, realisation: Decimal, rising: bool, rules: Rules) -> tuple[Formula, Decimal | None]:
    """The uncapped figure and its formula; ``None`` stands for "the cap" (a ratio over 0 realised)."""
    if rising:
        return Formula.HIGHER, realisation / bound * HUNDRED
    if rules.lower_formula == LowerFormula.REGULATION:
        return Formula.LOWER, (2 - realisation / bound) * HUNDRED
    if realisation == 0:
        return Formula.LOWER_ZERO, None
    return Formula.LOWER_RATIO, bound / realisation * HUNDRED


def indicator_capaian(*, target: Target, realisation: Decimal | None, direction: str, rules: Rules) -> IndicatorResult:
    """Capaian of one indicator (domain.md §7.1): the direction's formula against the target, or
    against the nearer bound of a range target when outside it (100 inside); then cap and floor.

    Where §7.1 is silent we chose: the period's lower-is-better formula measures every side of a
    range where a smaller figure is the better one (both sides for lower-is-better, above the range
    for *stabil*), so a Pemda that keeps ``target / realisation`` uses it everywhere; and a *stabil*
    indicator with a single target treats it as a range of one value.
    """
    if realisation is None:
        return IndicatorResult(Formula.NOT_REPORTED, None, None, None, Decimal(0), capped=False, floored=False)
    nearer = _nearer_bound(target=target, realisation=realisation, direction=direction)
    if nearer is None:
        return IndicatorResult(Formula.RANGE_INSIDE, None, None, HUNDRED, HUNDRED, capped=False, floored=False)
    bound, against, rising = nearer
    formula, raw = _measure(bound=against, realisation=realisation, rising=rising, rules=rules)
    if raw is None:
        return IndicatorResult(formula, bound, against, None, rules.cap, capped=True, floored=False)
    capaian = min(max(raw, rules.floor), rules.cap)
    return IndicatorResult(formula, bound, against, raw, capaian, capped=raw > rules.cap, floored=raw < rules.floor)


def plan_capaian(weighted: Iterable[tuple[Decimal, Decimal]]) -> Decimal | None:
    """Σ(weight × capaian) / Σ(weight) over (weight, capaian) pairs (domain.md §7.1); None without weight."""
    pairs = list(weighted)
    total_weight = sum((weight for weight, _ in pairs), Decimal(0))
    if total_weight == 0:
        return None
    return sum((weight * capaian for weight, capaian in pairs), Decimal(0)) / total_weight


def rating_hint(capaian: Decimal, *, rules: Rules) -> Hint:
    """Decision support beside the supervisor's rating (§7.1); compared on the rounded figure shown."""
    shown = round2(capaian)
    if shown >= rules.above_min:
        return Hint.DI_ATAS_EKSPEKTASI
    if shown >= rules.as_expected_min:
        return Hint.SESUAI_EKSPEKTASI
    return Hint.DI_BAWAH_EKSPEKTASI
