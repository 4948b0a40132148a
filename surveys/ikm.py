"""The SKM computation of PermenPANRB 14/2017 (domain.md §2.2-§2.5). Pure functions, no database.

Intermediate values are exact fractions so that the weight 1/9 stays exact, as domain.md §2.2(5)
asks; only the figures shown or stored are rounded, to Decimal with ROUND_HALF_UP. Callers that
feed the index into further formulas (the composite score, domain.md §7.2) must use the exact
``score_exact``: rounding 83.333… to 83.33 first changes the worked example's result there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.numbers import round_half_up

from .elements import ELEMENTS

CONVERSION_FACTOR = 25
WEIGHTS = {"exact": Fraction(1, 9), "0.11": Fraction("0.11"), "0.111": Fraction("0.111")}
GRADE_LABELS = {"A": _("Sangat Baik"), "B": _("Baik"), "C": _("Kurang Baik"), "D": _("Tidak Baik")}
LOWEST_GRADE = "D"
UNKNOWN_WEIGHT_MODE = "Unknown SKM_WEIGHT_MODE %r; use one of: exact, 0.11, 0.111"


@dataclass(frozen=True)
class Grade:
    letter: str
    label: Promise


@dataclass(frozen=True)
class ElementScore:
    """One element's NRR: the sum of its answers over the respondents who answered it (§2.2(1))."""

    code: str
    answered: int
    total: int
    nrr_exact: Fraction | None

    @property
    def name(self) -> Promise:
        return ELEMENTS[self.code].name

    @property
    def nrr(self) -> Decimal | None:
        return None if self.nrr_exact is None else round_half_up(self.nrr_exact, places=4)

    @property
    def score(self) -> Decimal | None:
        """The element's NRR on the 25-100 scale, to compare it with the grade bands."""
        return None if self.nrr_exact is None else round_half_up(self.nrr_exact * CONVERSION_FACTOR)

    @property
    def grade(self) -> Grade | None:
        return None if self.score is None else grade_for(self.score)


@dataclass(frozen=True)
class IkmResult:
    """The index of a set of responses: per-element NRR, IKM (1-4), converted score (25-100), grade."""

    responses: int
    elements: list[ElementScore]
    ikm_exact: Fraction | None
    weight_mode: str
    excluded: int = 0
    priorities: list[ElementScore] = field(default_factory=list)

    @property
    def has_score(self) -> bool:
        return self.ikm_exact is not None

    @property
    def ikm(self) -> Decimal | None:
        return None if self.ikm_exact is None else round_half_up(self.ikm_exact, places=4)

    @property
    def score_exact(self) -> Fraction | None:
        return None if self.ikm_exact is None else self.ikm_exact * CONVERSION_FACTOR

    @property
    def score(self) -> Decimal | None:
        return None if self.score_exact is None else round_half_up(self.score_exact)

    @property
    def grade(self) -> Grade | None:
        return None if self.score is None else grade_for(self.score)


def element_weight(mode: str | None = None) -> Fraction:
    """The weight of each element: exactly 1/9, or a rounded 0.11 / 0.111 (domain.md §2.2(2), [U])."""
    mode = mode or settings.SKM_WEIGHT_MODE
    if mode not in WEIGHTS:
        raise ValueError(UNKNOWN_WEIGHT_MODE % mode)
    return WEIGHTS[mode]


def grade_for(score: Decimal) -> Grade:
    """Grade of a rounded converted value: ≥88.31 A, ≥76.61 B, ≥65.00 C, else D (domain.md §2.3)."""
    thresholds = sorted(settings.SKM_GRADE_THRESHOLDS.items(), key=lambda item: Decimal(item[1]), reverse=True)
    letter = next((letter for letter, bound in thresholds if score >= Decimal(bound)), LOWEST_GRADE)
    return Grade(letter, GRADE_LABELS[letter])


def grade_bands() -> list[tuple[Grade, Decimal | None]]:
    """The grades with their lower bounds, best first, as configured (for the method note)."""
    bounds = {letter: Decimal(bound) for letter, bound in settings.SKM_GRADE_THRESHOLDS.items()}
    letters = sorted(bounds, key=bounds.get, reverse=True) + [LOWEST_GRADE]
    return [(Grade(letter, GRADE_LABELS[letter]), bounds.get(letter)) for letter in letters]


def compute_ikm(
    totals: Mapping[str, tuple[int, int]], *, responses: int, weight_mode: str | None = None, excluded: int = 0
) -> IkmResult:
    """IKM = Σ(NRR × weight) over the nine elements (domain.md §2.2).

    ``totals`` maps an element code to (sum of answers, number of respondents who answered it).
    Without an answer for every element there is no index, only the element NRRs.
    """
    mode = weight_mode or settings.SKM_WEIGHT_MODE
    weight = element_weight(mode)
    elements = [_element_score(code, *totals.get(code, (0, 0))) for code in settings.SKM_ELEMENT_ORDER]
    complete = all(element.nrr_exact is not None for element in elements)
    ikm = sum((element.nrr_exact * weight for element in elements), Fraction(0)) if complete else None
    return IkmResult(
        responses=responses,
        elements=elements,
        ikm_exact=ikm,
        weight_mode=mode,
        excluded=excluded,
        priorities=improvement_priorities(elements),
    )


def _element_score(code: str, total: int | None, answered: int | None) -> ElementScore:
    answered, total = answered or 0, total or 0
    return ElementScore(code, answered, total, Fraction(total, answered) if answered else None)


def improvement_priorities(elements: list[ElementScore]) -> list[ElementScore]:
    """Elements below the lower bound of the setting's grade (B: "C-level", domain.md §2.4), weakest first.

    When none is that low, the weakest element(s) still lead, unless all elements score the same.
    """
    scored = sorted((element for element in elements if element.nrr_exact is not None), key=lambda e: e.nrr_exact)
    if not scored:
        return []
    bound = Decimal(settings.SKM_GRADE_THRESHOLDS[settings.SKM_PRIORITY_BELOW_GRADE])
    below = [element for element in scored if element.score < bound]
    if below:
        return below
    lowest = scored[0].nrr_exact
    return [] if lowest == scored[-1].nrr_exact else [e for e in scored if e.nrr_exact == lowest]


def minimum_sample(population: int | None) -> int:
    """Krejcie & Morgan: s = χ²NP(1−P) / (d²(N−1) + χ²P(1−P)), nearest whole number (domain.md §2.5).

    Without a population the limit for a very large one is used (384 with the defaults).
    """
    chi2 = Fraction(settings.SKM_SAMPLE_CHI_SQUARE)
    p = Fraction(settings.SKM_SAMPLE_PROPORTION)
    d = Fraction(settings.SKM_SAMPLE_MARGIN)
    variance = chi2 * p * (1 - p)
    if not population:
        return int(round_half_up(variance / d**2, places=0))
    return int(round_half_up(variance * population / (d**2 * (population - 1) + variance), places=0))
