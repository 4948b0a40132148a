"""The AKPK aggregation against a hand-computed example (domain.md §3, training/planning.py)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from training.planning import PlannedNeed, Tally, by_position, by_target, by_unit, plan
from training.rules import COACHING_MENTORING, Competency, Need, Programme, Rule

M02, M03, M05 = (
    Competency("M.02", "Kerjasama"),
    Competency("M.03", "Komunikasi"),
    Competency("M.05", "Pelayanan Publik"),
)
ADM = Competency("T.ADM.01", "Administrasi Kependudukan")
# Units: 1 the office; 2 a division under it, 3 a section under 2; 4 another division under 1.
PARENTS = {1: None, 2: 1, 3: 2, 4: 1}
NEEDS = [
    PlannedNeed(1, 3, 10, Need(Rule.GAP, 2, (), M03)),
    PlannedNeed(1, 3, 10, Need(Rule.CITIZENS, 2, (), M03)),
    PlannedNeed(1, 3, 10, Need(Rule.CITIZENS, 2, (), M05)),
    PlannedNeed(2, 2, 10, Need(Rule.GAP, 1, (), M03)),
    PlannedNeed(2, 2, 10, Need(Rule.BEHAVIOUR, 2, (), M02)),
    PlannedNeed(3, 4, 20, Need(Rule.GAP, 4, (), ADM)),
    PlannedNeed(3, 4, 20, Need(Rule.RESULTS, 3, ())),
]
P1 = Programme("P1", "Pelayanan Prima", Decimal(24), frozenset({"M.05", "M.03"}))
P2 = Programme("P2", "Bimtek Administrasi Kependudukan", Decimal(16), frozenset({"T.ADM.01"}))
P3 = Programme("P3", "e-learning Komunikasi Efektif", Decimal(8), frozenset({"M.03"}))
P4 = Programme("P4", "coaching Kerja Sama Tim", Decimal(4), frozenset({"M.02"}), coaching_mentoring=True)
CATALOGUE = [P1, P2, P3, P4]
WHOLE_OFFICE = {
    "M.03": Tally(needs=3, employees=2, priority=5),
    "M.05": Tally(1, 1, 2),
    "M.02": Tally(1, 1, 2),
    "T.ADM.01": Tally(1, 1, 4),
    COACHING_MENTORING: Tally(1, 1, 3),
}


def test_it_tallies_needs_per_competency():
    assert by_target(NEEDS) == WHOLE_OFFICE


def test_it_counts_sub_units_in_each_unit_above_them():
    tallies = by_unit(NEEDS, PARENTS)
    assert {target: tally for (unit, target), tally in tallies.items() if unit == 1} == WHOLE_OFFICE
    assert {target: tally for (unit, target), tally in tallies.items() if unit == 2} == {
        "M.03": Tally(3, 2, 5),
        "M.05": Tally(1, 1, 2),
        "M.02": Tally(1, 1, 2),
    }
    assert {target: tally for (unit, target), tally in tallies.items() if unit == 3} == {
        "M.03": Tally(2, 1, 4),
        "M.05": Tally(1, 1, 2),
    }
    assert {target: tally for (unit, target), tally in tallies.items() if unit == 4} == {
        "T.ADM.01": Tally(1, 1, 4),
        COACHING_MENTORING: Tally(1, 1, 3),
    }


def test_it_tallies_needs_per_position():
    assert by_position(NEEDS) == {
        (10, "M.03"): Tally(3, 2, 5),
        (10, "M.05"): Tally(1, 1, 2),
        (10, "M.02"): Tally(1, 1, 2),
        (20, "T.ADM.01"): Tally(1, 1, 4),
        (20, COACHING_MENTORING): Tally(1, 1, 3),
    }


def test_without_a_budget_it_takes_the_programme_covering_most_needs_each_time():
    """P1 covers 4 needs of 2 people (48 JP); then P4 the M.02 need and the coaching one (8 JP); then P2."""
    chosen = plan(NEEDS, CATALOGUE)
    assert [(p.programme.code, p.needs, p.priority, p.participants, p.hours) for p in chosen] == [
        ("P1", 4, 7, 2, Decimal(48)),
        ("P4", 2, 5, 2, Decimal(8)),
        ("P2", 1, 4, 1, Decimal(16)),
    ]


def test_within_a_budget_it_skips_what_does_not_fit():
    """30 JP: P1 (48) does not fit, P3 (3 needs, 16) does; then P4 (8); 6 JP are left, too few for P2."""
    chosen = plan(NEEDS, CATALOGUE, budget=Decimal(30))
    assert [(p.programme.code, p.needs, p.hours) for p in chosen] == [("P3", 3, Decimal(16)), ("P4", 2, Decimal(8))]
    assert plan(NEEDS, CATALOGUE, budget=Decimal(0)) == []


@settings(max_examples=100, deadline=None)
@given(budget=st.integers(0, 100), order=st.permutations(CATALOGUE))
def test_a_plan_stays_within_its_budget_and_every_programme_adds_needs(budget, order):
    chosen = plan(NEEDS, order, budget=Decimal(budget))
    assert sum(p.hours for p in chosen) <= budget
    assert all(p.needs > 0 for p in chosen)
    assert chosen == plan(NEEDS, CATALOGUE, budget=Decimal(budget))
