"""Role-scoped reads of plans and progress, preloading what the pages show."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import Avg, Case, IntegerField, Prefetch, Q, QuerySet, Value, When

from org.access import headed_unit, is_hr
from org.models import Employee, Unit, User
from org.selectors import assessed_by, reports_of

from .distribution import DistributionCheck, distribution_check
from .models import (
    AppraisalPeriod,
    Checkpoint,
    CoreValue,
    Evaluation,
    EvaluationLog,
    FeedbackNote,
    Indicator,
    OrganisationResult,
    PeerAnswer,
    PeerRequest,
    Plan,
    PlanLog,
    Realisation,
    Section,
    WorkResult,
)
from .reports import PlanReport, plan_report

SECTION_FIRST = Case(When(section=Section.UTAMA, then=Value(0)), default=Value(1), output_field=IntegerField())


def work_results_in_order() -> QuerySet[WorkResult]:
    """UTAMA before TAMBAHAN, then the employee's own order (domain.md §1.2)."""
    return WorkResult.objects.select_related("parent").order_by(SECTION_FIRST, "order", "pk")


def plans_with_content(queryset: QuerySet[Plan]) -> QuerySet[Plan]:
    """Plans with their work results, indicators and checkpoint targets: four queries in all."""
    indicators = Indicator.objects.order_by("order", "pk").prefetch_related("checkpoint_targets")
    return queryset.select_related(
        "period", "employee", "assessor", "assessor_superior", "position", "unit"
    ).prefetch_related(
        Prefetch("work_results", queryset=work_results_in_order()),
        Prefetch("work_results__indicators", queryset=indicators),
    )


def with_progress(queryset: QuerySet[Plan], *, checkpoint: int) -> QuerySet[Plan]:
    """As ``plans_with_content``, plus the realisations of one checkpoint: five queries in all."""
    return plans_with_content(queryset).prefetch_related(
        Prefetch("work_results__indicators__realisations", queryset=Realisation.objects.filter(checkpoint=checkpoint))
    )


def current_period(*, today: date) -> AppraisalPeriod | None:
    """This year's period, else the latest one."""
    periods = AppraisalPeriod.objects.order_by("-year")
    return periods.filter(year=today.year).first() or periods.first()


def plans_of(employee: Employee) -> QuerySet[Plan]:
    return Plan.objects.filter(employee=employee).select_related("period", "position").order_by("-period__year", "-pk")


def plans_awaiting(assessor: Employee) -> QuerySet[Plan]:
    """Plans submitted to this Pejabat Penilai and not yet decided."""
    return (
        Plan.objects.filter(assessor=assessor, status=Plan.Status.SUBMITTED)
        .select_related("period", "employee", "position")
        .order_by("updated_at", "pk")
    )


@dataclass(frozen=True)
class MonitoringRow:
    """One subordinate on the supervisor's monitoring page."""

    employee: Employee
    plan: Plan | None
    report: PlanReport | None

    @property
    def state(self) -> str:
        """The most urgent thing to follow up, in the order a supervisor would act on it."""
        if self.plan is None:
            return "NO_PLAN"
        if not self.plan.has_been_approved:
            return "NOT_APPROVED"
        if self.report.not_reported:
            return "NOT_REPORTED"
        return "BEHIND" if self.report.is_behind else "ON_TRACK"


STATE_ORDER = ["NO_PLAN", "NOT_APPROVED", "NOT_REPORTED", "BEHIND", "ON_TRACK"]


def monitoring_rows(
    *, supervisor: Employee, period: AppraisalPeriod, checkpoint: Checkpoint, assessed_only: bool = False
) -> list[MonitoringRow]:
    """Every active report of the supervisor (or only those they assess) with their plan's progress; a fixed
    number of queries."""
    people = assessed_by(supervisor) if assessed_only else reports_of(supervisor)
    reports = list(people.order_by("name", "pk"))
    plans = with_progress(
        Plan.objects.filter(period=period, employee__in=[e.pk for e in reports]).order_by("created_at", "pk"),
        checkpoint=checkpoint.number,
    )
    latest: dict[int, Plan] = {}
    for plan in plans:
        current = latest.get(plan.employee_id)
        if current is None or plan.position_id == plan.employee.position_id:
            latest[plan.employee_id] = plan
    rows = [_row(employee, latest.get(employee.pk), checkpoint) for employee in reports]
    return sorted(rows, key=lambda row: STATE_ORDER.index(row.state))


def _row(employee: Employee, plan: Plan | None, checkpoint: Checkpoint) -> MonitoringRow:
    report = plan_report(plan, checkpoint=checkpoint) if plan is not None else None
    return MonitoringRow(employee, plan, report)


# --- Evaluations (docs/appraisal-evaluations.md) ---------------------------------------------

EVALUATION_RELATED = (
    "plan__period",
    "plan__employee__user",
    "plan__assessor__user",
    "plan__assessor_superior__user",
    "plan__unit",
    "plan__position",
    "updated_by__employee",
)


def evaluations_with_content(queryset: QuerySet[Evaluation]) -> QuerySet[Evaluation]:
    """Evaluations with the rows their pages show: values, work results, actions, peers and the objection."""
    return queryset.select_related(*EVALUATION_RELATED, "objection").prefetch_related(
        "behaviour_ratings__value",
        "result_assessments",
        "development_actions__value",
        "development_actions__work_result",
        "peer_requests__peer",
    )


def evaluation_report(evaluation: Evaluation) -> PlanReport:
    """The §7.1 achievement at the evaluation's checkpoint (the annual one uses the last checkpoint)."""
    plan = with_progress(Plan.objects.filter(pk=evaluation.plan_id), checkpoint=evaluation.checkpoint).get()
    return plan_report(plan, checkpoint=plan.period.checkpoint(evaluation.checkpoint))


def _evaluations() -> QuerySet[Evaluation]:
    return Evaluation.objects.select_related("plan__period", "plan__employee", "plan__assessor")


def evaluations_of(employee: Employee) -> QuerySet[Evaluation]:
    return _evaluations().filter(plan__employee=employee).order_by("-plan__period__year", "-checkpoint", "-pk")


def evaluations_to_rate(assessor: Employee) -> QuerySet[Evaluation]:
    """Open evaluations the Pejabat Penilai still has to finish."""
    open_statuses = [Evaluation.Status.SELF_ASSESSMENT, Evaluation.Status.RATING]
    return _evaluations().filter(plan__assessor=assessor, status__in=open_statuses).order_by("created_at", "pk")


def evaluations_for_superior(superior: Employee) -> QuerySet[Evaluation]:
    """Annual results waiting for approval and objections waiting for a decision."""
    waiting = [Evaluation.Status.SUBMITTED, Evaluation.Status.OBJECTED]
    return _evaluations().filter(plan__assessor_superior=superior, status__in=waiting).order_by("updated_at", "pk")


def evaluations_done_by(official: Employee) -> QuerySet[Evaluation]:
    """Evaluations the official has finished: rated as Pejabat Penilai (submitted or later), or approved or
    decided as the superior. They stay listed once delivered; newest activity first."""
    rated = Q(plan__assessor=official, status__in=Evaluation.RATED_STATUSES)
    settled = Q(plan__assessor_superior=official, status__in=[Evaluation.Status.SENT, Evaluation.Status.DECIDED])
    return _evaluations().filter(rated | settled).order_by("-updated_at", "-pk")


def open_peer_requests(peer: Employee) -> QuerySet[PeerRequest]:
    statuses = [Evaluation.Status.SELF_ASSESSMENT, Evaluation.Status.RATING]
    return (
        PeerRequest.objects.filter(peer=peer, answered_at__isnull=True, evaluation__status__in=statuses)
        .select_related("evaluation__plan__employee", "evaluation__plan__period")
        .order_by("invited_at", "pk")
    )


def plan_notes(plan: Plan, *, with_private: bool) -> QuerySet[FeedbackNote]:
    notes = plan.feedback_notes.select_related("work_result", "value", "evidence", "author__employee")
    return notes if with_private else notes.filter(is_private=False)


@dataclass(frozen=True)
class PeerSummary:
    """Peer answers without names: per-value means and the comments, shown from a minimum count."""

    invited: int
    answered: int
    minimum: int
    means: dict[int, Decimal] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        return self.answered >= self.minimum


def peer_summary(evaluation: Evaluation) -> PeerSummary:
    requests = list(evaluation.peer_requests.all())
    answered = [r for r in requests if r.answered_at is not None]
    minimum = settings.APPRAISAL_PEER_MIN_ANSWERS
    if len(answered) < minimum:
        return PeerSummary(len(requests), len(answered), minimum)
    rows = PeerAnswer.objects.filter(request__in=answered).values("value").annotate(mean=Avg("score"))
    comments = sorted(r.comment for r in answered if r.comment)  # sorted, so order does not reveal who
    return PeerSummary(len(requests), len(answered), minimum, {r["value"]: r["mean"] for r in rows}, comments)


def core_values() -> list[CoreValue]:
    return list(CoreValue.objects.order_by("order"))


@dataclass(frozen=True)
class UnitDistribution:
    """A unit's annual predikat in a period against its organisation result (§1.6)."""

    unit: Unit
    period: AppraisalPeriod
    org_result: OrganisationResult | None
    check: DistributionCheck | None
    counts: dict[str, int]
    plans: int
    in_progress: int

    @property
    def rated(self) -> int:
        return sum(self.counts.values())

    @property
    def complete(self) -> bool:
        return self.plans > 0 and self.rated >= self.plans


def unit_distribution(*, unit: Unit, period: AppraisalPeriod) -> UnitDistribution:
    """Predikat of annual evaluations the officials have finished (submitted or later) in the unit."""
    annual = Evaluation.objects.filter(kind=Evaluation.Kind.ANNUAL, plan__period=period, plan__unit=unit)
    rated = annual.filter(status__in=Evaluation.RATED_STATUSES).exclude(predikat="")
    counts = Counter(rated.values_list("predikat", flat=True))
    org_result = OrganisationResult.objects.filter(unit=unit, period=period).select_related("set_by__employee").first()
    check = distribution_check(result=org_result.result, counts=counts) if org_result else None
    plans = Plan.objects.filter(period=period, unit=unit).count()
    in_progress = annual.exclude(status__in=Evaluation.RATED_STATUSES).count()
    return UnitDistribution(unit, period, org_result, check, dict(counts), plans, in_progress)


def distribution_units(user: User) -> list[Unit]:
    """Units whose distribution the user may see: HR every unit; a unit head their unit and those right below."""
    if is_hr(user):
        return list(Unit.objects.filter(is_active=True).order_by("code"))
    own = headed_unit(user)
    if own is None:
        return []
    return [own, *own.children.filter(is_active=True).order_by("code")]


# --- What waits for a person, and a person's record (the home page and HR's employee page) ------


@dataclass(frozen=True)
class Awaiting:
    """Everything waiting for one person, as full lists: each count is the length of the list it heads."""

    plans: list[Plan]
    to_rate: list[Evaluation]
    to_approve: list[Evaluation]
    objections: list[Evaluation]
    peer_requests: list[PeerRequest]

    @property
    def total(self) -> int:
        return sum(len(items) for items in vars(self).values())


def awaiting(employee: Employee) -> Awaiting:
    """Plans to approve, evaluations to write, annual results to approve, objections to decide and peer
    requests to answer; the same reads as the plan and evaluation lists the home page links to."""
    for_superior = list(evaluations_for_superior(employee))
    return Awaiting(
        plans=list(plans_awaiting(employee)),
        to_rate=list(evaluations_to_rate(employee)),
        to_approve=[e for e in for_superior if e.status == Evaluation.Status.SUBMITTED],
        objections=[e for e in for_superior if e.status == Evaluation.Status.OBJECTED],
        peer_requests=list(open_peer_requests(employee)),
    )


def employee_logs(employee: Employee, *, limit: int) -> list[PlanLog | EvaluationLog]:
    """The newest workflow steps of the employee's plans and evaluations, merged: two queries."""
    plan_logs = PlanLog.objects.filter(plan__employee=employee).select_related("plan__period", "actor__employee")
    evaluation_logs = EvaluationLog.objects.filter(evaluation__plan__employee=employee).select_related(
        "evaluation__plan__period", "actor__employee"
    )
    logs = [*plan_logs[:limit], *evaluation_logs[:limit]]
    return sorted(logs, key=lambda log: (log.created_at, log.pk), reverse=True)[:limit]
