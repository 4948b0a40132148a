"""Role-scoped reads of plans and progress, preloading what the pages show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from org.models import Employee
from org.selectors import reports_of

from .models import AppraisalPeriod, Checkpoint, Indicator, Plan, Realisation, Section, WorkResult
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


def monitoring_rows(*, supervisor: Employee, period: AppraisalPeriod, checkpoint: Checkpoint) -> list[MonitoringRow]:
    """Every active report of the supervisor with their plan's progress; a fixed number of queries."""
    reports = list(reports_of(supervisor).order_by("name", "pk"))
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
