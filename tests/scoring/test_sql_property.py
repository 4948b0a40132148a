"""The set-based SQL held to the Python rules (§7.1, §7.2) on random plans drawn by Hypothesis.

Each example is one approved plan of several indicators: every direction, single and range targets,
checkpoint targets, realisations missing, zero, on a bound, ordinary or large, either lower-is-better
formula, with or without an evaluation and survey answers. It is written in a savepoint, computed for
that employee alone and rolled back, so 500 examples stay cheap.
"""

from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appraisal.achievement import Direction, LowerFormula, Target, indicator_capaian, plan_capaian, round2
from appraisal.models import CheckpointTarget, Indicator, Realisation, WorkResult
from scoring.composite import behaviour_points, composite_score, evaluation_component, results_component
from scoring.models import EmployeeScore
from scoring.services import policy_for, scores_compute
from tests.appraisal.factories import PlanFactory
from tests.scoring.conftest import TODAY, VALUE_RATINGS, sent_evaluation, unit_responses

CHECKPOINTS = (1, 2, 3, 4)  # quarterly, all begun by TODAY
CITIZENS = Fraction(250, 3)  # the IKM of the §2.4 answers that ``unit_responses`` gives


def amounts(low: str, high: str, places: int = 4):
    return st.decimals(min_value=Decimal(low), max_value=Decimal(high), places=places)


@st.composite
def targets(draw) -> Target:
    if draw(st.booleans()):
        return Target(value=draw(amounts("0.0001", "100000")))
    low = draw(amounts("0", "1000"))
    return Target(low=low, high=low + draw(amounts("0.0001", "1000")))


@st.composite
def realisations(draw, target: Target):
    """Missing, zero, exactly on a bound, ordinary, or large (up to the field's 14 digits)."""
    bounds = [v for v in (target.value, target.low, target.high) if v is not None]
    return draw(
        st.one_of(
            st.none(),
            st.just(Decimal(0)),
            st.sampled_from(bounds),
            amounts("0.0001", "2000"),
            amounts("100000", "9999999999.9999"),
        )
    )


@st.composite
def indicators(draw) -> dict:
    target = draw(targets())
    own = {k: draw(st.one_of(st.none(), targets())) for k in CHECKPOINTS}  # checkpoint targets
    return {
        "direction": draw(st.sampled_from(list(Direction))),
        "weight": draw(amounts("0.01", "100", places=2)),
        "target": target,
        "checkpoint_targets": {k: t for k, t in own.items() if t is not None},
        "realisations": {k: draw(realisations(own[k] or target)) for k in CHECKPOINTS},
    }


def written_plan(employee, period, drawn: list[dict]):
    plan = PlanFactory(employee=employee, period=period, status="APPROVED", approved_at=timezone.now())
    work_result = WorkResult.objects.create(plan=plan, text="RHK")
    rows = Indicator.objects.bulk_create(
        Indicator(
            work_result=work_result,
            description=f"IKI {n}",
            unit="Dokumen",
            direction=spec["direction"],
            weight=spec["weight"],
            target_value=spec["target"].value,
            target_low=spec["target"].low,
            target_high=spec["target"].high,
        )
        for n, spec in enumerate(drawn)
    )
    CheckpointTarget.objects.bulk_create(
        CheckpointTarget(indicator=row, checkpoint=k, target_value=t.value, target_low=t.low, target_high=t.high)
        for row, spec in zip(rows, drawn, strict=True)
        for k, t in spec["checkpoint_targets"].items()
    )
    Realisation.objects.bulk_create(
        Realisation(indicator=row, checkpoint=k, value=value)
        for row, spec in zip(rows, drawn, strict=True)
        for k, value in spec["realisations"].items()
        if value is not None
    )
    return plan


def as_decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / value.denominator


def expected_achievement(drawn: list[dict], k: int, rules) -> Decimal:
    """§7.1 in Python: each indicator against its checkpoint's target (else the annual one), unreported 0."""
    return plan_capaian(
        (
            spec["weight"],
            indicator_capaian(
                target=spec["checkpoint_targets"].get(k, spec["target"]),
                realisation=spec["realisations"][k],
                direction=spec["direction"],
                rules=rules,
            ).capaian,
        )
        for spec in drawn
    )


@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    drawn=st.lists(indicators(), min_size=1, max_size=6),
    formula=st.sampled_from(list(LowerFormula)),
    evaluated=st.booleans(),
    surveyed=st.booleans(),
    rerun=st.booleans(),
)
def test_the_sql_agrees_with_the_python_rules_on_random_plans(
    period, employee, drawn, formula, evaluated, surveyed, rerun
):
    with transaction.atomic():
        period.lower_formula = formula
        period.save(update_fields=["lower_formula"])
        plan = written_plan(employee, period, drawn)
        if evaluated:
            sent_evaluation(plan)
        if surveyed:
            unit_responses(employee.unit, day=date(2026, 1, 5))  # counted at every checkpoint
        scores_compute(period=period, employee=employee, today=TODAY)
        if rerun:  # the second run compares and updates instead of inserting
            scores_compute(period=period, employee=employee, today=TODAY)
        stored = {s.checkpoint: s for s in EmployeeScore.objects.filter(employee=employee, period=period)}
        transaction.set_rollback(True)

    policy = policy_for(period)
    points = {"DI_ATAS_EKSPEKTASI": policy.points_above, "SESUAI_EKSPEKTASI": policy.points_as_expected}
    evaluation = (
        evaluation_component(
            Fraction(policy.points_as_expected), behaviour_points(Fraction(points[r]) for r in VALUE_RATINGS)
        )
        if evaluated
        else None
    )
    weights = {code: Fraction(value) for code, value in policy.weights().items()}
    assert sorted(stored) == list(CHECKPOINTS)
    for k in CHECKPOINTS:
        achievement = expected_achievement(drawn, k, period.rules())
        results = results_component(Fraction(achievement))
        rated = evaluation if k == 4 else None  # the evaluation is the annual one, at checkpoint 4
        composite = composite_score({"R": results, "E": rated, "C": CITIZENS if surveyed else None, "P": None}, weights)
        row, case = stored[k], (k, formula, drawn)
        assert row.achievement == round2(achievement), case
        assert row.results == round2(as_decimal(results)), case
        assert row.evaluation == (None if rated is None else round2(as_decimal(rated))), case
        assert row.missing == list(composite.missing), case
        assert row.score == composite.score, case
