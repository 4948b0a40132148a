"""SQL fragments of the SKM index (domain.md §2.2-§2.3), for the apps above that compute it set-based.

``surveys.ikm`` is the specification; the scoring and training tests hold these fragments to it. The
fragments read a ``surveys_response r`` (answer sums per group) or rows of such sums ``b`` (rolled up),
and take the weight as ``%(skm_num)s / %(skm_den)s`` (``ikm_parameters``).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings

from .ikm import LOWEST_GRADE, element_weight

ELEMENTS = range(1, 10)

# Answer sums and counts per element: additive, so groups can be rolled up to checkpoints and units.
ANSWER_SUMS = ", ".join(f"sum(r.u{i}) AS s{i}, count(r.u{i}) AS c{i}" for i in ELEMENTS)
ROLLED_SUMS = ", ".join(f"sum(b.s{i}) AS s{i}, sum(b.c{i}) AS c{i}" for i in ELEMENTS)
_NRR_SUM = " + ".join(f"s{i}::numeric / NULLIF(c{i}, 0)" for i in ELEMENTS)
_ALL_ANSWERED = f"LEAST({', '.join(f'c{i}' for i in ELEMENTS)}) > 0"
# IKM on the 25–100 scale = Σ NRR × weight × 25, with the weight as num/den (1/9, 11/100 or 111/1000);
# none unless every element was answered at least once.
CONVERTED_IKM = f"CASE WHEN {_ALL_ANSWERED} THEN ({_NRR_SUM}) * %(skm_num)s * 25 / %(skm_den)s END"


def ikm_parameters() -> dict:
    """The weight of the SKM setting and the grade bounds, as the fragments' parameters."""
    weight = element_weight()
    bounds = {f"skm_grade_{letter.lower()}": bound for letter, bound in settings.SKM_GRADE_THRESHOLDS.items()}
    return {"skm_num": weight.numerator, "skm_den": weight.denominator, **bounds}


def grade(converted: str) -> str:
    """The grade letter of a converted IKM (``ikm.grade_for``): the bounds apply to the value rounded
    half up to 2 decimals, after a first rounding to 12 places that turns a division's 88.30499…
    back into the exact tie 88.305 (see ``scoring.sql``)."""
    rounded = f"round(round({converted}, 12), 2)"
    bounds = sorted(settings.SKM_GRADE_THRESHOLDS.items(), key=lambda item: Decimal(item[1]), reverse=True)
    cases = " ".join(
        f"WHEN {rounded} >= %(skm_grade_{letter.lower()})s::numeric THEN '{letter}'" for letter, _ in bounds
    )
    return f"CASE WHEN {converted} IS NULL THEN NULL {cases} ELSE '{LOWEST_GRADE}' END"
