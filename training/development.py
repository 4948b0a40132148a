"""Reads of the development pages: an employee's profile against their position's standard, their JP
ledger, their recommendations, a supervisor's team and HR's below-20-JP list.

Each read runs a fixed number of queries, for one employee or a whole team alike.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from appraisal.models import AppraisalPeriod
from org.models import Employee

from . import rules
from .inputs import jp_shortfalls
from .models import (
    Competency,
    CompetencyAssessment,
    DevelopmentRecord,
    DevelopmentRecordCompetency,
    Recommendation,
    attach_needs,
)
from .selectors import standards_for_positions

OUTCOMES = Prefetch("outcomes", queryset=DevelopmentRecordCompetency.objects.select_related("competency"))


def year_by() -> rules.YearBy:
    return rules.YearBy(settings.TRAINING_JP_YEAR_BY)


def minimum_jp() -> Decimal:
    return Decimal(settings.TRAINING_MINIMUM_JP)


@dataclass(frozen=True)
class ProfileRow:
    """One competency of the standard: what is required, the evidence of the current level, the gap."""

    competency: Competency
    required: int
    criticality: int
    current: CompetencyAssessment | None

    @property
    def level(self) -> int | None:
        return self.current.level if self.current else None

    @property
    def gap(self) -> int:
        return max(self.required - (self.level or 0), 0)


@dataclass(frozen=True)
class Profile:
    rows: list[ProfileRow]
    jpm: Decimal | None
    standard: list[rules.StandardRow] = field(default_factory=list)

    @property
    def gaps(self) -> list[ProfileRow]:
        return [row for row in self.rows if row.gap]


def profiles(employees: Iterable[Employee]) -> dict[int, Profile]:
    """Each employee's profile against their position's standard, with JPM (§7.3); four queries."""
    employees = list(employees)
    standards = standards_for_positions({employee.position_id for employee in employees})
    wanted = {s.competency_id for standard in standards.values() for s in standard.values()}
    competencies = Competency.objects.in_bulk(wanted)
    latest = (
        CompetencyAssessment.objects.filter(employee__in=employees, competency_id__in=wanted, is_valid=True)
        .order_by("employee_id", "competency_id", "-assessed_on", "-created_at", "-pk")
        .distinct("employee_id", "competency_id")
    )
    current = {(row.employee_id, row.competency_id): row for row in latest}
    result = {}
    for employee in employees:
        rows = sorted(
            (
                ProfileRow(
                    competencies[s.competency_id],
                    s.required_level,
                    s.criticality,
                    current.get((employee.pk, s.competency_id)),
                )
                for s in standards.get(employee.position_id, {}).values()
            ),
            key=lambda row: (-row.gap * row.criticality, row.competency.code),
        )
        standard = [
            rules.StandardRow(rules.Competency(row.competency.code, row.competency.name), row.required, row.level)
            for row in rows
        ]
        result[employee.pk] = Profile(rows, rules.jpm(standard), standard)
    return result


def unit_jpm(found: Iterable[Profile]) -> Decimal | None:
    """The pooled JPM of a group of employees (a unit, a team): Σ min(actual, required) / Σ required
    over every row of their standards, not the mean of their JPMs, so a position requiring more
    weighs more and an employee without a standard adds nothing (docs/training.md). No query."""
    return rules.jpm(row for profile in found for row in profile.standard)


@dataclass(frozen=True)
class Ledger:
    """An employee's records with the year each counts in, and the verified JP of ``year``."""

    year: int
    records: list[DevelopmentRecord]
    verified: Decimal
    pending: Decimal
    minimum: Decimal = field(default_factory=minimum_jp)

    @property
    def percent(self) -> int:
        """The progress bar's width: the share of the minimum done, at most 100."""
        return min(int(self.verified * 100 / self.minimum), 100) if self.minimum else 100

    @property
    def missing(self) -> Decimal:
        return max(self.minimum - self.verified, Decimal(0))


def ledger(employee: Employee, *, year: int) -> Ledger:
    """JP per calendar year by §7.3 (``rules.jp_year``: the year of the end date by default); two queries."""
    records = list(
        DevelopmentRecord.objects.filter(employee=employee)
        .select_related("form", "programme", "verified_by__employee")
        .prefetch_related(
            Prefetch("outcomes", queryset=DevelopmentRecordCompetency.objects.select_related("competency"))
        )
        .order_by("-ends_on", "-pk")
    )
    by = year_by()
    for record in records:
        record.counts_in = rules.jp_year(starts_on=record.starts_on, ends_on=record.ends_on, by=by)
    totals = {
        status: rules.jp_totals((_activity(record) for record in records if record.status == status), by=by).get(
            (employee.pk, year), Decimal(0)
        )
        for status in (DevelopmentRecord.Status.VERIFIED, DevelopmentRecord.Status.SUBMITTED)
    }
    return Ledger(year, records, totals[DevelopmentRecord.Status.VERIFIED], totals[DevelopmentRecord.Status.SUBMITTED])


def _activity(record: DevelopmentRecord) -> rules.Activity:
    return rules.Activity(record.employee_id, record.starts_on, record.ends_on, Decimal(record.jp))


def recommendation_list(employee: Employee) -> list[Recommendation]:
    """The recommendations of the latest period that has any for the employee, by rank."""
    latest = Recommendation.objects.filter(employee=employee).order_by("-period__year").values("period_id")[:1]
    found = list(
        Recommendation.objects.filter(employee=employee, period_id__in=latest)
        .select_related("programme__form", "period", "decided_by__employee")
        .order_by("rank", "pk")
    )
    attach_needs(found)
    return found


@dataclass(frozen=True)
class Member:
    """One subordinate on the team view."""

    employee: Employee
    profile: Profile
    pending: list[Recommendation]
    awaiting: list[DevelopmentRecord]


@dataclass(frozen=True)
class Team:
    members: list[Member]

    @property
    def jpm(self) -> Decimal | None:
        return unit_jpm(member.profile for member in self.members)


def team(employees: QuerySet[Employee]) -> Team:
    """Each subordinate's gaps, proposed recommendations and records awaiting verification; eight queries."""
    staff = list(employees.order_by("name"))
    pending: dict[int, list[Recommendation]] = defaultdict(list)
    for recommendation in (
        Recommendation.objects.filter(employee__in=staff, status=Recommendation.Status.PROPOSED)
        .select_related("programme__form", "period")
        .order_by("-period__year", "rank", "pk")
    ):
        pending[recommendation.employee_id].append(recommendation)
    attach_needs([r for rows in pending.values() for r in rows])
    awaiting: dict[int, list[DevelopmentRecord]] = defaultdict(list)
    for record in (
        DevelopmentRecord.objects.filter(employee__in=staff, status=DevelopmentRecord.Status.SUBMITTED)
        .select_related("form")
        .prefetch_related(OUTCOMES)
        .order_by("ends_on", "pk")
    ):
        awaiting[record.employee_id].append(record)
    found = profiles(staff)
    return Team([Member(e, found[e.pk], pending[e.pk], awaiting[e.pk]) for e in staff])


@dataclass(frozen=True)
class ShortfallRow:
    employee: Employee
    shortfall: rules.Shortfall


def shortfall_list(period: AppraisalPeriod, *, unit_ids: list[int] | None = None) -> list[rules.Shortfall]:
    """Active employees below the minimum JP in the period's year (trainrules' read), within the units."""
    rows = jp_shortfalls(period, minimum=minimum_jp(), year_by=year_by())
    if unit_ids is None:
        return rows
    inside = set(Employee.objects.active().filter(unit_id__in=unit_ids).values_list("pk", flat=True))
    return [row for row in rows if row.employee_id in inside]


def shortfall_rows(shortfalls: Iterable[rules.Shortfall]) -> list[ShortfallRow]:
    """One page of the list with the employees it names; one query."""
    shortfalls = list(shortfalls)
    employees = Employee.objects.select_related("unit", "position").in_bulk([row.employee_id for row in shortfalls])
    return [ShortfallRow(employees[row.employee_id], row) for row in shortfalls]
