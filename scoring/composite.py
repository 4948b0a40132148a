"""The composite score (*Skor Kinerja*) of domain.md §7.2, as pure functions over exact fractions.

This is the specification the set-based SQL in ``scoring.sql`` must agree with (the tests hold
both to the worked example and to random inputs). Fractions keep the worked example exact:
0.35 × 580/7 is exactly 29 and 0.15 × 250/3 exactly 12.5, so the score is exactly 87.625 and
rounds half up to 87.63, where a float gives 87.62.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from core.numbers import round_half_up

COMPONENTS = ("R", "E", "C", "P")
PEER_SCALE = 25  # 1–4 answers × 25 (§7.2 P)


@dataclass(frozen=True)
class Composite:
    score: Decimal | None
    missing: tuple[str, ...]
    effective_weights: dict[str, Fraction]


def results_component(plan_achievement: Fraction | None) -> Fraction | None:
    """R = min(plan achievement, 100)."""
    return None if plan_achievement is None else min(plan_achievement, Fraction(100))


def evaluation_component(work_points: Fraction | None, behaviour_points: Fraction | None) -> Fraction | None:
    """E = mean of S (Hasil Kerja rating points) and B (behaviour points); both are needed."""
    if work_points is None or behaviour_points is None:
        return None
    return (work_points + behaviour_points) / 2


def behaviour_points(value_points: Iterable[Fraction], *, overall: Fraction | None = None) -> Fraction | None:
    """B = mean points of the seven values, or the overall Perilaku rating where they were not rated one by one."""
    points = list(value_points)
    if points:
        return sum(points, Fraction(0)) / len(points)
    return overall


def peers_component(answers: Iterable[int]) -> Fraction | None:
    """P = mean of peer answers on a 1–4 scale × 25."""
    values = list(answers)
    return Fraction(sum(values), len(values)) * PEER_SCALE if values else None


def composite_score(components: Mapping[str, Fraction | None], weights: Mapping[str, Fraction]) -> Composite:
    """Weighted mean of the present components; missing ones are left out and the rest rescaled.

    With neither R nor E there is no score (§7.2). Rounded once, at the end, half up.
    """
    missing = tuple(code for code in COMPONENTS if components.get(code) is None)
    present = {code: Fraction(weights[code]) for code in COMPONENTS if code not in missing and weights[code]}
    total = sum(present.values(), Fraction(0))
    if ("R" in missing and "E" in missing) or total == 0:
        return Composite(None, missing, {})
    effective = {code: weight / total for code, weight in present.items()}
    exact = sum((effective[code] * components[code] for code in effective), Fraction(0))
    return Composite(round_half_up(exact), missing, effective)
