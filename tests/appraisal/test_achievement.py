"""The capaian formula against the worked examples of domain.md §7.1."""

from __future__ import annotations

from decimal import Decimal

import pytest

from appraisal.achievement import (
    Bound,
    Direction,
    Formula,
    Hint,
    LowerFormula,
    Rules,
    Target,
    indicator_capaian,
    plan_capaian,
    rating_hint,
    round2,
)

D = Decimal
RULES = Rules(cap=D(120), floor=D(0), above_min=D(110), as_expected_min=D(90))
RATIO_RULES = Rules(cap=D(120), floor=D(0), above_min=D(110), as_expected_min=D(90), lower_formula=LowerFormula.RATIO)
H, L, S = Direction.HIGHER, Direction.LOWER, Direction.STABIL


def capaian(target, realisation, *, direction=H, rules=RULES):
    return indicator_capaian(target=target, realisation=realisation, direction=direction, rules=rules)


def target_of(spec) -> Target:
    """``50`` is a single target, ``(80, 90)`` a range."""
    if isinstance(spec, tuple):
        return Target(low=D(spec[0]), high=D(spec[1]))
    return Target(value=D(spec))


# domain.md §7.1, worked examples with the default formula: (name, direction, target, realisation, capaian, capped).
WORKED_EXAMPLES = [
    ("I1 documents processed", H, 50, "45", "90.00", False),
    ("I2 days to issue a permit", L, 4, "5", "75.00", False),
    ("I3 complaints answered", H, 100, "130", "120.00", True),
    ("I4 days to issue a permit", L, 4, "3", "120.00", True),
    ("I5 months to finish (annex example)", L, 7, "6.5", "107.14", False),
    ("I6 months to finish (annex example)", L, 8, "9", "87.50", False),
    ("I7 share served on time, range 80-90%", H, (80, 90), "70", "87.50", False),
    ("I8 days, lower, 0 realised", L, 4, "0", "120.00", True),
    ("I9 days far over target", L, 4, "9", "0.00", False),
    ("I10 share served on time, range 80-90%", H, (80, 90), "92", "102.22", False),
    ("I11 budget absorbed, range 90-100%, stabil", S, (90, 100), "104", "96.00", False),
]


@pytest.mark.parametrize(
    ("name", "direction", "target", "realisation", "expected", "capped"),
    WORKED_EXAMPLES,
    ids=[example[0].split()[0] for example in WORKED_EXAMPLES],
)
def test_it_matches_the_worked_examples(name, direction, target, realisation, expected, capped):
    result = capaian(target_of(target), D(realisation), direction=direction)
    assert round2(result.capaian) == D(expected), name
    assert result.capped is capped


def test_i9_is_floored_from_minus_25():
    result = capaian(Target(value=D(4)), D(9), direction=L)
    assert result.raw == D(-25)
    assert result.floored


def test_i8_gives_200_before_the_cap():
    result = capaian(Target(value=D(4)), D(0), direction=L)
    assert result.raw == D(200)
    assert result.formula is Formula.LOWER


@pytest.mark.parametrize(
    ("name", "realisation", "target", "expected"),
    [("I2", "5", 4, "80.00"), ("I5", "6.5", 7, "107.69"), ("I6", "9", 8, "88.89")],
)
def test_the_alternative_formula_gives_the_documented_figures(name, realisation, target, expected):
    result = capaian(Target(value=D(target)), D(realisation), direction=L, rules=RATIO_RULES)
    assert result.formula is Formula.LOWER_RATIO
    assert round2(result.capaian) == D(expected), name


def test_it_keeps_the_uncapped_figure_and_its_bound_for_the_transparency_page():
    result = capaian(Target(value=D(4)), D(3), direction=L)
    assert round2(result.raw) == D(125)
    assert result.formula is Formula.LOWER
    assert (result.bound, result.against) == (Bound.TARGET, D(4))


def _worked_plan(rules: Rules) -> Decimal:
    i1 = capaian(Target(value=D(50)), D(45), rules=rules).capaian
    i2 = capaian(Target(value=D(4)), D(5), direction=L, rules=rules).capaian
    i3 = capaian(Target(value=D(100)), D(130), rules=rules).capaian
    return round2(plan_capaian([(D(2), i1), (D(1), i2), (D(1), i3)]))


def test_it_weights_the_worked_plan_to_93_75():
    assert _worked_plan(RULES) == D("93.75")


def test_it_weights_the_worked_plan_to_95_with_the_alternative_formula():
    assert _worked_plan(RATIO_RULES) == D("95.00")


def test_it_defaults_to_equal_weights():
    assert plan_capaian([(D(1), D(90)), (D(1), D(80))]) == D(85)


def test_it_has_no_plan_capaian_without_indicators():
    assert plan_capaian([]) is None


def test_the_alternative_formula_gives_the_cap_for_zero():
    result = capaian(Target(value=D(4)), D(0), direction=L, rules=RATIO_RULES)
    assert result.capaian == D(120)
    assert result.formula is Formula.LOWER_ZERO
    assert result.capped


def test_it_counts_an_unreported_indicator_as_zero_and_flags_it():
    result = capaian(Target(value=D(50)), None)
    assert result.capaian == D(0)
    assert not result.reported
    assert result.formula is Formula.NOT_REPORTED


@pytest.mark.parametrize(
    ("direction", "realisation", "formula", "bound", "expected"),
    [
        (H, "95", Formula.RANGE_INSIDE, None, "100.00"),
        (L, "97", Formula.RANGE_INSIDE, None, "100.00"),
        (S, "100", Formula.RANGE_INSIDE, None, "100.00"),
        (H, "90", Formula.HIGHER, Bound.LOW, "94.74"),
        (H, "105", Formula.HIGHER, Bound.HIGH, "105.00"),
        (L, "90", Formula.LOWER, Bound.LOW, "105.26"),
        (L, "105", Formula.LOWER, Bound.HIGH, "95.00"),
        (S, "90", Formula.HIGHER, Bound.LOW, "94.74"),
        (S, "105", Formula.LOWER, Bound.HIGH, "95.00"),
    ],
)
def test_a_range_target_is_measured_against_the_nearer_bound_in_the_indicators_direction(
    direction, realisation, formula, bound, expected
):
    result = capaian(Target(low=D(95), high=D(100)), D(realisation), direction=direction)
    assert (result.formula, result.bound) == (formula, bound)
    assert round2(result.capaian) == D(expected)


@pytest.mark.parametrize(
    ("direction", "realisation", "expected"),
    [(L, "90", "105.56"), (L, "105", "95.24"), (S, "105", "95.24"), (S, "90", "94.74")],
)
def test_the_alternative_formula_also_measures_the_lower_side_of_a_range(direction, realisation, expected):
    result = capaian(Target(low=D(95), high=D(100)), D(realisation), direction=direction, rules=RATIO_RULES)
    assert round2(result.capaian) == D(expected)


@pytest.mark.parametrize(("realisation", "expected"), [("8", "80.00"), ("10", "100.00"), ("12", "80.00")])
def test_stabil_with_a_single_target_loses_on_both_sides(realisation, expected):
    assert round2(capaian(Target(value=D(10)), D(realisation), direction=S).capaian) == D(expected)


def test_it_floors_at_the_configured_floor():
    rules = Rules(cap=D(120), floor=D(10), above_min=D(110), as_expected_min=D(90))
    result = capaian(Target(value=D(100)), D(5), rules=rules)
    assert result.capaian == D(10)
    assert result.floored


def test_it_uses_the_cap_it_is_given():
    rules = Rules(cap=D(150), floor=D(0), above_min=D(110), as_expected_min=D(90))
    assert capaian(Target(value=D(100)), D(130), rules=rules).capaian == D(130)


def test_it_rounds_half_up_only_at_the_end():
    assert round2(D("94.735")) == D("94.74")
    assert round2(D(2) / D(3) * 100) == D("66.67")


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("110", Hint.DI_ATAS_EKSPEKTASI),
        ("109.995", Hint.DI_ATAS_EKSPEKTASI),  # shown as 110.00
        ("109.99", Hint.SESUAI_EKSPEKTASI),
        ("90", Hint.SESUAI_EKSPEKTASI),
        ("89.99", Hint.DI_BAWAH_EKSPEKTASI),
        ("0", Hint.DI_BAWAH_EKSPEKTASI),
    ],
)
def test_it_hints_by_the_thresholds(value, hint):
    assert rating_hint(D(value), rules=RULES) is hint


def test_it_reads_the_rules_from_settings(settings):
    settings.APPRAISAL_ACHIEVEMENT_CAP = "130"
    settings.APPRAISAL_HINT_ABOVE_MIN = 115
    settings.APPRAISAL_LOWER_FORMULA = "RATIO"
    rules = Rules.from_settings()
    assert rules.lower_formula is LowerFormula.RATIO
    assert rules.cap == D(130)
    assert rules.above_min == D(115)
    assert rules.as_expected_min == D(90)
