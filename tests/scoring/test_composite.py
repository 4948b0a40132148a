from decimal import Decimal
from fractions import Fraction

from scoring.composite import (
    behaviour_points,
    composite_score,
    evaluation_component,
    peers_component,
    results_component,
)

WEIGHTS = {"R": Fraction("0.40"), "E": Fraction("0.35"), "C": Fraction("0.15"), "P": Fraction("0.10")}


def worked_example_components() -> dict[str, Fraction]:
    b = behaviour_points([Fraction(100), *[Fraction(80)] * 5, Fraction(100)])
    return {
        "R": results_component(Fraction(95)),
        "E": evaluation_component(Fraction(80), b),
        "C": Fraction(250, 3),  # the unit IKM of domain.md §2.4: 83.333…
        "P": peers_component([3, 4, 3, 3]),
    }


def test_it_reproduces_the_worked_example_of_section_7_2():
    components = worked_example_components()
    assert components["E"] == Fraction(580, 7)
    assert components["P"] == Fraction("81.25")
    assert composite_score(components, WEIGHTS).score == Decimal("87.63")


def test_a_float_would_have_given_87_62():
    floats = 0.40 * 95 + 0.35 * (80 + 600 / 7) / 2 + 0.15 * (250 / 3) + 0.10 * 81.25
    assert round(floats, 2) == 87.62


def test_it_leaves_out_missing_peers_and_rescales_the_weights():
    components = {**worked_example_components(), "P": None}
    result = composite_score(components, WEIGHTS)
    assert result.score == Decimal("88.33")
    assert result.missing == ("P",)
    assert sum(result.effective_weights.values()) == 1


def test_it_gives_no_score_without_results_and_evaluation():
    result = composite_score({"R": None, "E": None, "C": Fraction(80), "P": Fraction(75)}, WEIGHTS)
    assert result.score is None
    assert result.missing == ("R", "E")


def test_r_is_capped_at_100_and_b_falls_back_to_the_overall_rating():
    assert results_component(Fraction(120)) == 100
    assert behaviour_points([], overall=Fraction(80)) == 80
    assert evaluation_component(Fraction(80), None) is None
    assert peers_component([]) is None
