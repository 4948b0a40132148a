"""The SKM formula against domain.md §2.2-§2.5."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from core.numbers import round_half_up
from surveys.ikm import compute_ikm, grade_bands, grade_for, minimum_sample

# domain.md §2.4: three respondents, answers U1..U9.
WORKED_EXAMPLE = [
    [4, 3, 3, 4, 3, 4, 4, 3, 4],
    [3, 3, 2, 4, 3, 3, 4, 3, 3],
    [4, 4, 3, 3, 4, 3, 4, 2, 3],
]


def totals_of(rows: list[list[int | None]]) -> dict[str, tuple[int, int]]:
    totals = {}
    for index in range(9):
        answers = [row[index] for row in rows if row[index] is not None]
        totals[f"U{index + 1}"] = (sum(answers), len(answers))
    return totals


def test_it_reproduces_the_worked_example():
    result = compute_ikm(totals_of(WORKED_EXAMPLE), responses=3, weight_mode="exact")
    nrr = {element.code: element.nrr for element in result.elements}
    assert nrr["U1"] == Decimal("3.6667")
    assert nrr["U3"] == Decimal("2.6667")
    assert nrr["U7"] == Decimal("4.0000")
    assert sum(element.nrr_exact for element in result.elements) == 30
    assert result.ikm == Decimal("3.3333")
    assert result.score == Decimal("83.33")
    assert result.grade.letter == "B"
    assert str(result.grade.label) == "Baik"


def test_it_flags_u3_and_u8_as_the_weakest_elements_of_the_example():
    result = compute_ikm(totals_of(WORKED_EXAMPLE), responses=3, weight_mode="exact")
    assert [element.code for element in result.priorities] == ["U3", "U8"]
    assert result.priorities[0].score == Decimal("66.67")


@pytest.mark.parametrize(("mode", "expected"), [("exact", "83.33"), ("0.11", "82.50"), ("0.111", "83.25")])
def test_it_applies_each_weight_mode(mode, expected):
    assert compute_ikm(totals_of(WORKED_EXAMPLE), responses=3, weight_mode=mode).score == Decimal(expected)


def test_the_weight_mode_defaults_to_the_setting(settings):
    settings.SKM_WEIGHT_MODE = "0.11"
    assert compute_ikm(totals_of(WORKED_EXAMPLE), responses=3).score == Decimal("82.50")


def test_it_refuses_an_unknown_weight_mode():
    with pytest.raises(ValueError, match="SKM_WEIGHT_MODE"):
        compute_ikm(totals_of(WORKED_EXAMPLE), responses=3, weight_mode="0.1")


@pytest.mark.parametrize(
    ("score", "letter"),
    [
        ("100.00", "A"),
        ("88.31", "A"),
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25.00", "D"),
    ],
)
def test_it_grades_exactly_at_each_threshold(score, letter):
    assert grade_for(Decimal(score)).letter == letter


def test_the_grade_labels_follow_the_regulation():
    assert [(grade.letter, str(grade.label)) for grade, _bound in grade_bands()] == [
        ("A", "Sangat Baik"),
        ("B", "Baik"),
        ("C", "Kurang Baik"),
        ("D", "Tidak Baik"),
    ]


def test_the_grade_uses_the_rounded_value_so_88_305_is_an_a():
    # 88.305 rounds half up to 88.31, the lower bound of A (domain.md §2.3: thresholds on the rounded value).
    score = round_half_up(Fraction(88305, 1000))
    assert score == Decimal("88.31")
    assert grade_for(score).letter == "A"


def test_it_rounds_half_up_exactly_where_floats_would_not():
    assert round_half_up(Fraction("2.675")) == Decimal("2.68")  # float(2.675) is 2.67499…
    assert round_half_up(Fraction(87625, 1000)) == Decimal("87.63")
    assert round_half_up(Fraction(-5, 1000)) == Decimal("-0.01")


def test_the_exact_score_keeps_the_composite_example_right():
    # domain.md §7.2: C must be 83.333…, not the displayed 83.33, or the score becomes 87.62.
    c = compute_ikm(totals_of(WORKED_EXAMPLE), responses=3).score_exact
    e = (Fraction(80) + Fraction(600, 7)) / 2
    score = Fraction("0.40") * 95 + Fraction("0.35") * e + Fraction("0.15") * c + Fraction("0.10") * Fraction("81.25")
    assert round_half_up(score) == Decimal("87.63")


def test_an_nrr_divides_by_the_respondents_who_answered_that_element():
    rows = [[4] * 9, [2, 2, 2, 2, 2, 2, 2, 2, None]]
    result = compute_ikm(totals_of(rows), responses=2)
    nrr = {element.code: element for element in result.elements}
    assert nrr["U9"].nrr == Decimal("4.0000")
    assert nrr["U9"].answered == 1
    assert nrr["U1"].nrr == Decimal("3.0000")
    # (8 × 3 + 4) / 9 × 25 = 77.78
    assert result.score == Decimal("77.78")


def test_without_an_answer_for_some_element_there_is_no_index():
    rows = [[4, 4, 4, 4, 4, 4, 4, 4, None]]
    result = compute_ikm(totals_of(rows), responses=1)
    assert not result.has_score
    assert result.grade is None
    assert result.elements[0].nrr == Decimal("4.0000")


def test_no_element_is_a_priority_when_all_score_the_same():
    assert compute_ikm(totals_of([[4] * 9]), responses=1).priorities == []


def test_the_weakest_element_leads_even_when_none_is_below_b():
    result = compute_ikm(totals_of([[4, 4, 4, 4, 4, 4, 4, 4, 3]]), responses=1)
    assert [element.code for element in result.priorities] == ["U9"]


def test_the_display_order_is_a_setting_but_answers_stay_keyed_by_code(settings):
    settings.SKM_ELEMENT_ORDER = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U9", "U8"]
    result = compute_ikm(totals_of(WORKED_EXAMPLE), responses=3)
    assert [element.code for element in result.elements][-2:] == ["U9", "U8"]
    assert result.elements[-1].total == 8
    assert result.score == Decimal("83.33")


@pytest.mark.parametrize(
    ("population", "sample"),
    [(100, 80), (200, 132), (500, 217), (1000, 278), (2000, 322), (5000, 357), (10000, 370), (1000000, 384)],
)
def test_it_computes_the_krejcie_morgan_minimum_sample(population, sample):
    assert minimum_sample(population) == sample


def test_without_a_population_the_large_population_limit_applies():
    assert minimum_sample(None) == 384
