"""The capaian formula against the worked examples of domain.md §7.1."""

from __future__ import annotations

from decimal import Decimal

import pytest

from appraisal.achievement import (
    Formula,
    Hint,
    Rules,
    Target,
    indicator_capaian,
    plan_capaian,
    rating_hint,
    round2,
)

D = Decimal
RULES = Rules(cap=D(120), floor=D(0), above_min=D(110), as_expected_min=D(90))


def capaian(target, realisation, *, lower=False, rules=RULES):
    return indicator_capaian(target=target, realisation=realisation, lower_is_better=lower, rules=rules)


@pytest.mark.parametrize(
    ("name", "lower", "target", "realisation", "expected", "capped"),
    [
        ("I1 documents processed", False, 50, 45, "90.00", False),
        ("I2 days to issue a permit", True, 4, 5, "80.00", False),
        ("I3 complaints answered", False, 100, 130, "120.00", True),
        ("I4 days to issue a permit", True, 4, 3, "120.00", True),
    ],
)
def test_it_matches_the_worked_examples(name, lower, target, realisation, expected, capped):
    result = capaian(Target(value=D(target)), D(realisation), lower=lower)
    assert round2(result.capaian) == D(expected), name
    assert result.capped is capped


def test_it_keeps_the_uncapped_figure_for_the_transparency_page():
    result = capaian(Target(value=D(4)), D(3), lower=True)
    assert round2(result.raw) == D("133.33")
    assert result.formula is Formula.LOWER


def test_it_weights_the_worked_plan_to_95():
    i1 = capaian(Target(value=D(50)), D(45)).capaian
    i2 = capaian(Target(value=D(4)), D(5), lower=True).capaian
    i3 = capaian(Target(value=D(100)), D(130)).capaian
    assert round2(plan_capaian([(D(2), i1), (D(1), i2), (D(1), i3)])) == D("95.00")


def test_it_defaults_to_equal_weights():
    assert plan_capaian([(D(1), D(90)), (D(1), D(80))]) == D(85)


def test_it_has_no_plan_capaian_without_indicators():
    assert plan_capaian([]) is None


def test_it_gives_the_cap_for_zero_when_lower_is_better():
    result = capaian(Target(value=D(4)), D(0), lower=True)
    assert result.capaian == D(120)
    assert result.formula is Formula.LOWER_ZERO
    assert result.capped


def test_it_counts_an_unreported_indicator_as_zero_and_flags_it():
    result = capaian(Target(value=D(50)), None)
    assert result.capaian == D(0)
    assert not result.reported
    assert result.formula is Formula.NOT_REPORTED


@pytest.mark.parametrize(
    ("realisation", "formula", "expected"),
    [
        ("97", Formula.RANGE_INSIDE, "100.00"),
        ("95", Formula.RANGE_INSIDE, "100.00"),
        ("100", Formula.RANGE_INSIDE, "100.00"),
        ("90", Formula.RANGE_BELOW, "94.74"),
        ("105", Formula.RANGE_ABOVE, "95.24"),
    ],
)
def test_it_scores_a_range_target(realisation, formula, expected):
    result = capaian(Target(low=D(95), high=D(100)), D(realisation))
    assert result.formula is formula
    assert round2(result.capaian) == D(expected)


def test_it_ignores_direction_for_a_range_target():
    higher = capaian(Target(low=D(95), high=D(100)), D(105))
    lower = capaian(Target(low=D(95), high=D(100)), D(105), lower=True)
    assert higher == lower


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
    rules = Rules.from_settings()
    assert rules.cap == D(130)
    assert rules.above_min == D(115)
    assert rules.as_expected_min == D(90)
