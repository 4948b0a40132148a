"""The set-based computation against the worked examples, idempotence and bounded statements."""

import itertools
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.utils import timezone

from appraisal.achievement import Direction, LowerFormula, Target, indicator_capaian, round2
from org.models import Employee
from scoring.composite import COMPONENTS, composite_score
from scoring.models import EmployeeScore, ScoringPolicy, UnitScore
from scoring.services import scores_compute
from scoring.sql import MISSING_COMPONENTS
from tests.appraisal.factories import IndicatorFactory, PlanFactory, RealisationFactory
from tests.appraisal.test_achievement import WORKED_EXAMPLES, target_of
from tests.factories import EmployeeFactory
from tests.scoring.conftest import TODAY, approved_plan, peer_answers, sent_evaluation, unit_responses


def score_of(employee, checkpoint=4) -> EmployeeScore:
    return EmployeeScore.objects.get(employee=employee, checkpoint=checkpoint)


def test_it_computes_the_worked_example_without_peers(period, worked_example):
    scores_compute(period=period, today=TODAY)
    score = score_of(worked_example)
    assert score.achievement == Decimal("95.00")
    assert score.results == Decimal("95.00")
    assert (score.work_points, score.behaviour_points) == (Decimal("80.00"), Decimal("85.71"))
    assert score.evaluation == Decimal("82.86")
    assert (score.citizens, score.citizens_source, score.citizens_responses) == (Decimal("83.33"), "UNIT", 3)
    assert score.peers is None
    assert score.score == Decimal("88.33")
    assert score.missing == ["P"]
    assert score.predikat == "BAIK"


def test_it_computes_the_whole_worked_example_with_peers(period, employee, supervisor, outsider):
    """Peer answers 3, 4, 3, 3 (P 81.25): 38 + 29 + 12.5 + 8.125 = 87.625, rounded half up to 87.63."""
    evaluation = sent_evaluation(approved_plan(employee, period))
    unit_responses(employee.unit)
    peer_answers(evaluation, [supervisor, outsider], [[3, 4], [3, 3]])
    scores_compute(period=period, today=TODAY)
    score = score_of(employee)
    assert (score.peers, score.peer_answers) == (Decimal("81.25"), 4)
    assert score.missing == []
    assert score.score == Decimal("87.63")


def test_one_peer_alone_is_not_used(period, worked_example, supervisor):
    evaluation = worked_example.plans.get().evaluations.get()
    peer_answers(evaluation, [supervisor], [[1, 1, 1]])
    scores_compute(period=period, today=TODAY)
    assert score_of(worked_example).peers is None
    assert score_of(worked_example).score == Decimal("88.33")


def test_it_rounds_an_exact_tie_half_up(period, employee):
    """R 93.40625 makes the score exactly (37.3625 + 29 + 12.5) / 0.90 = 87.625: it must give 87.63."""
    plan = PlanFactory(employee=employee, period=period, status="APPROVED", approved_at=timezone.now())
    indicator = IndicatorFactory(work_result__plan=plan, target_value=Decimal(200))
    RealisationFactory(indicator=indicator, checkpoint=4, value=Decimal("186.8125"))
    sent_evaluation(plan)
    unit_responses(employee.unit)
    scores_compute(period=period, today=TODAY)
    assert score_of(employee).score == Decimal("87.63")


def test_it_rescales_the_weights_of_missing_components(period, employee):
    approved_plan(employee, period)
    unit_responses(employee.unit)
    scores_compute(period=period, today=TODAY)
    score = score_of(employee)
    # (0.40 × 95 + 0.15 × 83.333…) / 0.55 = 91.8181… (no evaluation, no peers)
    assert score.score == Decimal("91.82")
    assert score.missing == ["E", "P"]


def test_it_gives_no_score_without_results_and_evaluation(period, employee):
    unit_responses(employee.unit)
    scores_compute(period=period, today=TODAY)
    score = score_of(employee)
    assert score.score is None
    assert score.citizens == Decimal("83.33")
    assert score.missing == ["R", "E", "P"]


def test_it_prefers_the_employees_own_responses_once_there_are_enough(period, worked_example):
    ScoringPolicy.objects.create(period=period, min_employee_responses=3)
    unit_responses(worked_example.unit, officer=worked_example)
    scores_compute(period=period, today=TODAY)
    score = score_of(worked_example)
    assert (score.citizens_source, score.citizens_responses) == ("EMPLOYEE", 3)
    assert score.citizens == Decimal("83.33")


def test_it_ignores_excluded_responses(period, employee, hr_user):
    responses = unit_responses(employee.unit)
    responses[2].excluded_at, responses[2].excluded_by, responses[2].exclusion_reason = timezone.now(), hr_user, "uji"
    responses[2].save()
    scores_compute(period=period, today=TODAY)
    # R1 and R2 only: ΣNRR = (7+6+5+8+6+7+8+6+7)/2 = 30 → IKM 30/9 × 25 = 83.33
    assert score_of(employee).citizens_responses == 2


def test_checkpoints_accumulate_from_the_start_of_the_period(period, worked_example):
    scores_compute(period=period, today=TODAY)
    assert score_of(worked_example, checkpoint=3).citizens is None  # responses were given in November
    assert score_of(worked_example, checkpoint=3).results == Decimal("0.00")  # nothing reported at Q3
    assert sorted(EmployeeScore.objects.filter(employee=worked_example).values_list("checkpoint", flat=True)) == [
        1,
        2,
        3,
        4,
    ]


def test_a_rerun_with_the_same_inputs_changes_nothing(period, worked_example):
    first = scores_compute(period=period, today=TODAY)
    rows = list(EmployeeScore.objects.order_by("pk").values())
    units = list(UnitScore.objects.order_by("pk").values())
    second = scores_compute(period=period, today=TODAY)
    assert first.rows_changed > 0
    assert second.rows_changed == 0
    assert list(EmployeeScore.objects.order_by("pk").values()) == rows
    assert list(UnitScore.objects.order_by("pk").values()) == units


def test_a_change_updates_only_the_rows_it_affects(period, worked_example, supervisor):
    scores_compute(period=period, today=TODAY)
    untouched = score_of(supervisor).updated_at
    sent_evaluation(approved_plan(supervisor, period))
    result = scores_compute(period=period, today=TODAY)
    assert result.rows_changed == 4  # the supervisor's four checkpoints
    assert score_of(supervisor).updated_at > untouched
    assert score_of(worked_example).score == Decimal("88.33")


def test_the_unit_aggregates_cover_the_subtree(period, worked_example):
    scores_compute(period=period, today=TODAY)
    unit_score = UnitScore.objects.get(unit=worked_example.unit, checkpoint=4)
    assert unit_score.scored == 1
    assert unit_score.mean_score == Decimal("88.33")
    assert unit_score.predikat_counts["BAIK"] == 1
    assert (unit_score.ikm, unit_score.ikm_responses) == (Decimal("83.33"), 3)


def test_one_employee_runs_leave_the_others_alone(period, worked_example, outsider):
    scores_compute(period=period, today=TODAY, employee=outsider)
    assert not EmployeeScore.objects.filter(employee=worked_example).exists()
    assert EmployeeScore.objects.filter(employee=outsider).count() == 4


def test_the_number_of_statements_does_not_grow_with_employees(period, worked_example):
    def add_employees_and_compute(count: int):
        for employee in EmployeeFactory.create_batch(count, unit=worked_example.unit):
            approved_plan(employee, period)
        return scores_compute(period=period, today=TODAY)

    first = scores_compute(period=period, today=TODAY)  # nothing stored yet: the rows go straight in
    with_5, with_50 = add_employees_and_compute(5), add_employees_and_compute(45)
    assert EmployeeScore.objects.filter(checkpoint=4).count() == Employee.objects.count() >= 51
    assert with_5.statements == with_50.statements == first.statements + 3


def test_answers_count_from_the_local_month_they_were_given_in(period, employee):
    """23:30 on 30 September in Jakarta is 16:30 UTC: a third-quarter answer, not a fourth-quarter one."""
    late_september = datetime(2026, 9, 30, 23, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
    for response in unit_responses(employee.unit):
        response.submitted_at = late_september
        response.save()
    scores_compute(period=period, today=TODAY)
    assert score_of(employee, checkpoint=2).citizens_responses == 0
    assert score_of(employee, checkpoint=3).citizens_responses == 3
    assert score_of(employee, checkpoint=4).citizens_responses == 3


@pytest.mark.parametrize("present", list(itertools.product([True, False], repeat=4)))
def test_the_missing_list_in_sql_matches_the_composite_spec(db, present):
    """Every one of the 16 combinations of present and missing R, E, C, P."""
    values = dict(zip(COMPONENTS, present, strict=True))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {MISSING_COMPONENTS} FROM (SELECT %s::numeric r, %s::numeric e, %s::numeric c, %s::numeric p) v",
            [Decimal(80) if values[code] else None for code in COMPONENTS],
        )
        stored = cursor.fetchone()[0]
    spec = composite_score(
        {code: Fraction(80) if values[code] else None for code in COMPONENTS}, dict.fromkeys(COMPONENTS, 1)
    )
    assert stored == list(spec.missing)


def one_indicator_plan(employee, period, *, direction: str, target: Target, realisation: Decimal) -> None:
    """A plan of one indicator (weight 1), so its achievement at checkpoint 4 is that indicator's capaian."""
    plan = PlanFactory(employee=employee, period=period, status="APPROVED", approved_at=timezone.now())
    IndicatorFactory(
        work_result__plan=plan,
        direction=direction,
        target_value=target.value,
        target_low=target.low,
        target_high=target.high,
    )
    RealisationFactory(indicator=plan.work_results.get().indicators.get(), checkpoint=4, value=realisation)


def with_formula(period, formula: LowerFormula):
    period.lower_formula = formula
    period.save(update_fields=["lower_formula"])
    return period


@pytest.mark.parametrize(
    ("name", "direction", "target", "realisation", "expected", "capped"),
    WORKED_EXAMPLES,
    ids=[example[0].split()[0] for example in WORKED_EXAMPLES],
)
def test_the_sql_matches_the_worked_examples_of_7_1(
    period, employee, name, direction, target, realisation, expected, capped
):
    with_formula(period, LowerFormula.REGULATION)
    one_indicator_plan(
        employee, period, direction=direction, target=target_of(target), realisation=Decimal(realisation)
    )
    scores_compute(period=period, today=TODAY)
    assert score_of(employee).achievement == Decimal(expected), name


@pytest.mark.parametrize(("formula", "expected"), [(LowerFormula.REGULATION, "93.75"), (LowerFormula.RATIO, "95.00")])
def test_the_sql_weights_the_worked_plan_by_the_periods_formula(period, employee, formula, expected):
    approved_plan(employee, with_formula(period, formula))
    scores_compute(period=period, today=TODAY)
    assert score_of(employee).achievement == Decimal(expected)


@pytest.mark.parametrize("formula", list(LowerFormula))
def test_the_sql_agrees_with_the_python_rule_in_every_direction_and_side(period, formula):
    """Single and range targets, each direction, below, on, inside and above the target, and 0."""
    rules = with_formula(period, formula).rules()
    cases = {
        EmployeeFactory(): (direction, target, Decimal(realisation))
        for direction in Direction
        for target in [Target(value=Decimal(4)), Target(low=Decimal(90), high=Decimal(100))]
        for realisation in ["0", "3", "4", "6.5", "9", "89", "95", "104"]
    }
    for employee, (direction, target, realisation) in cases.items():
        one_indicator_plan(employee, period, direction=direction, target=target, realisation=realisation)
    scores_compute(period=period, today=TODAY)
    for employee, (direction, target, realisation) in cases.items():
        python = indicator_capaian(target=target, realisation=realisation, direction=direction, rules=rules)
        assert score_of(employee).achievement == round2(python.capaian), (direction, target, realisation)
