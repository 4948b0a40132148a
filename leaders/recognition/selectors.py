"""Set-based reads for the recognition and coaching pages: a fixed number of queries for a whole period,
whatever the number of units and people (the unit tree, the scores, the plans, the nominations)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings as django_settings
from django.db.models import Max, Q, QuerySet

from appraisal.models import AppraisalPeriod
from org.models import Employee, Unit
from org.selectors import unit_subtrees
from scoring.models import EmployeeScore

from ..models import CoachingPlan, Nomination
from . import rules


def recognition_settings() -> rules.Settings:
    return rules.Settings(
        top_percent=Decimal(django_settings.LEADERS_TOP_PERCENT),
        results_below=Decimal(django_settings.LEADERS_COACHING_RESULTS_BELOW),
    )


def latest_checkpoint(period: AppraisalPeriod) -> int | None:
    """The newest checkpoint whose scores carry a predikat (the last one evaluated), else the newest scored.

    Mid-quarter the current checkpoint is scored but nobody is evaluated yet: reading it would recognise
    no one, since recognition needs a predikat. One query.
    """
    found = EmployeeScore.objects.filter(period=period).aggregate(
        evaluated=Max("checkpoint", filter=~Q(predikat="")), latest=Max("checkpoint")
    )
    return found["evaluated"] or found["latest"]


@dataclass
class Row:
    """One person on a list, with the unit they are ranked in and everything the page shows."""

    score: EmployeeScore
    group: Unit
    evidence: list[str]
    top: rules.TopPerformer | None = None
    conditions: tuple[rules.Condition, ...] = ()
    plan: CoachingPlan | None = None
    nominations: list[Nomination] = field(default_factory=list)

    @property
    def employee(self) -> Employee:
        return self.score.employee


@dataclass(frozen=True)
class Group:
    unit: Unit
    scored: int
    eligible: int
    quota: int
    top: int


@dataclass
class Lists:
    period: AppraisalPeriod
    checkpoint: int | None
    settings: rules.Settings
    groups: list[Group]
    top: list[Row]
    coaching: list[Row]

    @property
    def checkpoint_label(self) -> str:
        checkpoint = self.period.checkpoint(self.checkpoint) if self.checkpoint else None
        return checkpoint.label if checkpoint else ""

    @property
    def overdue(self) -> int:
        return sum(1 for row in self.coaching if row.plan is not None and row.plan.is_overdue())


def _scored(score: EmployeeScore) -> rules.Scored:
    return rules.Scored(score.employee_id, score.score, score.predikat, score.results)


def _scores(period: AppraisalPeriod, checkpoint: int) -> QuerySet[EmployeeScore]:
    """People no longer active (retired, dismissed) are neither recognised nor coached."""
    return (
        EmployeeScore.objects.filter(period=period, checkpoint=checkpoint, employee__status=Employee.Status.AKTIF)
        .select_related("employee__position", "employee__unit", "employee__supervisor", "unit")
        .order_by("employee__name", "pk")
    )


def recognition_lists(
    *, period: AppraisalPeriod, groups: list[Unit], position_kind: str = "", checkpoint: int | None = None
) -> Lists:
    """Top performers and the coaching list of each group (a unit with its sub-units), ranked per group.

    ``position_kind`` narrows what is listed, never the ranking: a rank is always within the whole unit.
    """
    settings = recognition_settings()
    checkpoint = checkpoint if checkpoint is not None else latest_checkpoint(period)
    if checkpoint is None or not groups:
        return Lists(period, checkpoint, settings, [], [], [])
    subtrees = unit_subtrees(groups)
    group_of = {unit_id: group for group in reversed(groups) for unit_id in subtrees[group.pk]}
    members: dict[int, list[EmployeeScore]] = defaultdict(list)
    for score in _scores(period, checkpoint).filter(unit_id__in=group_of):
        members[group_of[score.unit_id].pk].append(score)
    summary, top, coaching = [], [], []
    for group in groups:
        scores = members[group.pk]
        picks = rules.top_performers([_scored(s) for s in scores], settings=settings)
        by_key = {s.employee_id: s for s in scores}
        top += [Row(by_key[p.person.key], group, rules.top_evidence(p, unit_name=group.name), top=p) for p in picks]
        coaching += [
            Row(
                by_key[case.person.key],
                group,
                rules.coaching_evidence(case, settings=settings),
                conditions=case.conditions,
            )
            for case in rules.coaching_list(map(_scored, scores), settings=settings)
        ]
        people = [_scored(s) for s in scores]
        eligible = len(rules.competing(people))
        quota = rules.quota(eligible, percent=settings.top_percent)
        summary.append(Group(group, len(rules.ranks(people)), eligible, quota, len(picks)))
    if position_kind:
        top = [row for row in top if row.employee.position.kind == position_kind]
        coaching = [row for row in coaching if row.employee.position.kind == position_kind]
    _attach_records(period, top, coaching)
    return Lists(period, checkpoint, settings, summary, top, coaching)


def _attach_records(period: AppraisalPeriod, top: list[Row], coaching: list[Row]) -> None:
    """Each coaching row's plan and each top performer's nominations: one query each."""
    plans = CoachingPlan.objects.filter(period=period, employee_id__in=[row.score.employee_id for row in coaching])
    by_employee = {plan.employee_id: plan for plan in plans}
    for row in coaching:
        row.plan = by_employee.get(row.score.employee_id)
    nominations: dict[int, list[Nomination]] = defaultdict(list)
    live = Nomination.objects.filter(period=period, employee_id__in=[row.score.employee_id for row in top])
    for nomination in live.order_by("created_at", "pk"):
        nominations[nomination.employee_id].append(nomination)
    for row in top:
        row.nominations = nominations[row.score.employee_id]


def default_groups(scope: set[int] | None, headed: Unit | None) -> list[Unit]:
    """Without a chosen unit: every Perangkat Daerah for HR, else the unit the reader heads."""
    if scope is None:
        return list(Unit.objects.filter(parent__isnull=True).order_by("code"))
    return [headed] if headed is not None else []


def top_performer(*, period: AppraisalPeriod, unit: Unit, employee: Employee) -> Row | None:
    """The employee's row among the unit's top performers, if they are one now."""
    found = recognition_lists(period=period, groups=[unit]).top
    return next((row for row in found if row.score.employee_id == employee.pk), None)


def coaching_row(*, period: AppraisalPeriod, employee: Employee) -> Row | None:
    """The employee's row on the coaching list of the period's latest checkpoint, if they are on it."""
    checkpoint = latest_checkpoint(period)
    score = _scores(period, checkpoint).filter(employee=employee).first() if checkpoint else None
    if score is None:
        return None
    settings = recognition_settings()
    conditions = rules.coaching_conditions(_scored(score), settings=settings)
    if not conditions:
        return None
    case = rules.CoachingCase(_scored(score), conditions)
    return Row(score, score.unit, rules.coaching_evidence(case, settings=settings), conditions=conditions)


def team_coaching(*, period: AppraisalPeriod, team: QuerySet[Employee]) -> list[Row]:
    """A supervisor's people on the coaching list, with their plans; the same queries however many."""
    checkpoint = latest_checkpoint(period)
    if checkpoint is None:
        return []
    settings = recognition_settings()
    scores = list(_scores(period, checkpoint).filter(employee__in=team))
    by_key = {s.employee_id: s for s in scores}
    rows = [
        Row(
            by_key[case.person.key],
            by_key[case.person.key].unit,
            rules.coaching_evidence(case, settings=settings),
            conditions=case.conditions,
        )
        for case in rules.coaching_list(map(_scored, scores), settings=settings)
    ]
    _attach_records(period, [], rows)
    return rows


def nominations_visible(*, scope: set[int] | None) -> QuerySet[Nomination]:
    rows = Nomination.objects.select_related("employee__position", "unit", "period", "nominated_by")
    return rows if scope is None else rows.filter(unit_id__in=scope)


def records_of(employee: Employee) -> tuple[QuerySet[CoachingPlan], QuerySet[Nomination]]:
    """The employee's own coaching plans and approved awards, newest period first."""
    plans = employee.coaching_plans.select_related("period", "coach").order_by("-period__year")
    awards = employee.award_nominations.filter(status=Nomination.Status.APPROVED).select_related("period", "unit")
    return plans, awards.order_by("-period__year", "-pk")
