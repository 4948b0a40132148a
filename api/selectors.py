"""What a client may read: its units, and the rows of each endpoint within them (docs/api.md)."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound

from appraisal.exchange.skp import released_annual_results
from appraisal.models import Evaluation
from org.models import Employee, Unit
from org.selectors import unit_subtree_ids
from scoring.models import EmployeeScore, UnitScore

from .models import ApiCall, ApiClient

UNKNOWN_UNIT = _("Unit tidak ditemukan dalam cakupan klien ini.")


def unit_ids(client: ApiClient, unit_code: str | None) -> list[int] | None:
    """The units a call reads: the client's scope, narrowed to a unit's subtree; ``None`` is every unit.

    A unit outside the scope answers like an unknown one (404), so a client learns nothing beyond it.
    """
    scope = None if client.all_units else unit_subtree_ids(client.unit)
    if not unit_code:
        return scope
    unit = Unit.objects.filter(code=unit_code).first()
    if unit is None or (scope is not None and unit.pk not in scope):
        raise NotFound(UNKNOWN_UNIT)
    return unit_subtree_ids(unit)


def _in_units(queryset: QuerySet, ids: list[int] | None, field: str = "unit_id") -> QuerySet:
    return queryset if ids is None else queryset.filter(**{f"{field}__in": ids})


def employees(*, ids: list[int] | None, year: int | None) -> QuerySet[Employee]:
    """Employees of the units; with a year, only those whose annual result of that year is out."""
    queryset = _in_units(Employee.objects.select_related("unit"), ids).order_by("nip")
    if year is not None:
        results = released_annual_results().filter(plan__employee=OuterRef("pk"), plan__period__year=year)
        queryset = queryset.filter(Exists(results))
    return queryset


def annual_results(employees: list[Employee], *, year: int | None) -> dict[int, list[Evaluation]]:
    """Each employee's released annual results, newest year first, in one query for the page."""
    results = released_annual_results().filter(plan__employee__in=employees).order_by("-plan__period__year")
    if year is not None:
        results = results.filter(plan__period__year=year)
    grouped: dict[int, list[Evaluation]] = defaultdict(list)
    for result in results:
        grouped[result.plan.employee_id].append(result)
    return grouped


def employee_scores(*, ids: list[int] | None, year: int | None, checkpoint: int | None) -> QuerySet[EmployeeScore]:
    queryset = EmployeeScore.objects.filter(score__isnull=False).select_related("employee", "unit", "period")
    return _periods(_in_units(queryset, ids), year, checkpoint).order_by("period__year", "checkpoint", "employee__nip")


def unit_ikm(*, ids: list[int] | None, year: int | None, checkpoint: int | None) -> QuerySet[UnitScore]:
    queryset = UnitScore.objects.filter(ikm__isnull=False).select_related("unit", "period")
    return _periods(_in_units(queryset, ids), year, checkpoint).order_by("period__year", "checkpoint", "unit__code")


def _periods(queryset: QuerySet, year: int | None, checkpoint: int | None) -> QuerySet:
    if year is not None:
        queryset = queryset.filter(period__year=year)
    if checkpoint is not None:
        queryset = queryset.filter(checkpoint=checkpoint)
    return queryset


def calls(*, client: ApiClient | None = None) -> QuerySet[ApiCall]:
    queryset = ApiCall.objects.select_related("client")
    return queryset if client is None else queryset.filter(client=client)
