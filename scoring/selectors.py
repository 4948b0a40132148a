"""Reads of the stored scores for the HR and employee pages (nothing is computed here)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Greatest

from appraisal.models import AppraisalPeriod
from org.models import Employee, Unit
from org.selectors import unit_subtree_ids

from .models import EmployeeScore, ScoreRun, ScoringPolicy, ScoringRulesChange, UnitScore


def employee_scores(*, period: AppraisalPeriod, checkpoint: int, unit: Unit | None = None) -> QuerySet[EmployeeScore]:
    scores = EmployeeScore.objects.filter(period=period, checkpoint=checkpoint).select_related(
        "employee", "employee__position", "unit"
    )
    if unit is not None:
        scores = scores.filter(unit_id__in=unit_subtree_ids(unit))
    return scores.order_by(F("score").desc(nulls_last=True), "employee__name", "pk")


def top_unit_scores(*, period: AppraisalPeriod, checkpoint: int) -> QuerySet[UnitScore]:
    """Per Perangkat Daerah (top-level units), each with its whole subtree."""
    return (
        UnitScore.objects.filter(period=period, checkpoint=checkpoint, unit__parent__isnull=True)
        .select_related("unit")
        .order_by("unit__code")
    )


def scores_of(employee: Employee) -> QuerySet[EmployeeScore]:
    """Naming the periods lets PostgreSQL use the score key (period first) once per period."""
    return (
        EmployeeScore.objects.filter(period__in=AppraisalPeriod.objects.values("pk"), employee=employee)
        .select_related("period", "plan", "rules")
        .order_by("-period__year", "checkpoint")
    )


def latest_runs(*, period: AppraisalPeriod, limit: int = 10) -> list[ScoreRun]:
    return list(period.score_runs.select_related("requested_by", "employee", "unit")[:limit])


def last_period_run(period: AppraisalPeriod) -> ScoreRun | None:
    return period.score_runs.filter(scope=ScoreRun.Scope.PERIOD).first()


def periods_with_computed_at() -> QuerySet[AppraisalPeriod]:
    """Periods with ``computed_at``: when any run (whole period, unit or employee) last computed them.

    That is the latest successful run, or the newest unit aggregate if later: every whole-period or
    unit computation writes the aggregates it changed, so they tell even when no run record is left.
    None: never. The every-minute job of marked employees neither keeps a run nor writes aggregates.
    """
    runs = ScoreRun.objects.filter(period=OuterRef("pk"), status=ScoreRun.Status.SUCCESS)
    units = UnitScore.objects.filter(period=OuterRef("pk"))
    return AppraisalPeriod.objects.annotate(
        computed_at=Greatest(  # PostgreSQL's GREATEST skips NULLs
            Subquery(runs.order_by(F("finished_at").desc(nulls_last=True)).values("finished_at")[:1]),
            Subquery(units.order_by("-updated_at").values("updated_at")[:1]),
        )
    )


def last_computed_at(period: AppraisalPeriod) -> datetime | None:
    return periods_with_computed_at().filter(pk=period.pk).values_list("computed_at", flat=True).first()


def policy_of(period: AppraisalPeriod) -> ScoringPolicy:
    """The period's policy, or the settings' defaults it would start from (a page view writes nothing)."""
    return ScoringPolicy.objects.filter(period=period).first() or ScoringPolicy(period=period)


def rules_changes(*, period: AppraisalPeriod, limit: int = 100) -> QuerySet[ScoringRulesChange]:
    return period.scoring_rules_changes.select_related("actor")[:limit]
