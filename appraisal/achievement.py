"""Indicator and plan achievement (*capaian*), exactly as domain.md §7.1 defines it.

Pure functions over ``Decimal``: no database, no settings lookups inside the formulas. The caller
passes the rules (cap, floor, hint thresholds) so every number used is visible and testable, and
the transparency page can show them. Full precision is kept throughout; only figures shown or
stored are rounded, to 2 decimals, half up (domain.md §7).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from django.conf import settings

from core.numbers import round_half_up

HUNDRED = Decimal(100)


class Formula(StrEnum):
    """Which branch of §7.1 produced a capaian; the transparency page explains each one."""

    HIGHER = "HIGHER"  # realisation / target × 100
    LOWER = "LOWER"  # target / realisation × 100
    LOWER_ZERO = "LOWER_ZERO"  # lower is better and realisation 0: the cap
    RANGE_INSIDE = "RANGE_INSIDE"  # inside the range: 100
    RANGE_BELOW = "RANGE_BELOW"  # realisation / low × 100
    RANGE_ABOVE = "RANGE_ABOVE"  # high / realisation × 100
    NOT_REPORTED = "NOT_REPORTED"  # no realisation yet: counts 0


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
    """The numbers of §7.1 that HR may change: cap, floor and the two hint thresholds."""

    cap: Decimal
    floor: Decimal
    above_min: Decimal  # ≥ this suggests Di Atas Ekspektasi
    as_expected_min: Decimal  # ≥ this (and < above_min) suggests Sesuai Ekspektasi

    @classmethod
    def from_settings(cls) -> Rules:
        return cls(
            cap=to_decimal(settings.APPRAISAL_ACHIEVEMENT_CAP),
            floor=to_decimal(settings.APPRAISAL_ACHIEVEMENT_FLOOR),
            above_min=to_decimal(settings.APPRAISAL_HINT_ABOVE_MIN),
            as_expected_min=to_decimal(settings.APPRAISAL_HINT_AS_EXPECTED_MIN),
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
    raw: Decimal | None  # before cap and floor; None when not reported
    capaian: Decimal  # after cap and floor, full precision
    capped: bool
    floored: bool

    @property
    def reported(self) -> bool:
        return self.formula is not Formula.NOT_REPORTED


def _raw_capaian(*, target: Target, realisation: Decimal, lower_is_better: bool) -> tuple[Formula, Decimal | None]:
    """The uncapped figure and its branch; ``None`` stands for "the cap" (lower is better, 0 realised)."""
    if target.is_range:
        if realisation < target.low:
            return Formula.RANGE_BELOW, realisation / target.low * HUNDRED
        if realisation > target.high:
            return Formula.RANGE_ABOVE, target.high / realisation * HUNDRED
        return Formula.RANGE_INSIDE, HUNDRED
    if not lower_is_better:
        return Formula.HIGHER, realisation / target.value * HUNDRED
    if realisation == 0:
        return Formula.LOWER_ZERO, None
    return Formula.LOWER, target.value / realisation * HUNDRED


def indicator_capaian(
    *, target: Target, realisation: Decimal | None, lower_is_better: bool, rules: Rules
) -> IndicatorResult:
    """Capaian of one indicator (domain.md §7.1): direction or range formula, then cap and floor.

    A range target ignores the direction: below the range is judged like "higher is better",
    above it like "lower is better", as §7.1 spells out.
    """
    if realisation is None:
        return IndicatorResult(Formula.NOT_REPORTED, None, Decimal(0), capped=False, floored=False)
    formula, raw = _raw_capaian(target=target, realisation=realisation, lower_is_better=lower_is_better)
    if raw is None:
        return IndicatorResult(formula, None, rules.cap, capped=True, floored=False)
    capaian = min(max(raw, rules.floor), rules.cap)
    return IndicatorResult(formula, raw, capaian, capped=raw > rules.cap, floored=raw < rules.floor)


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
