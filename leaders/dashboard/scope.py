"""What one reading of the dashboard covers: a period, the units the reader chose inside their scope,
a position kind and the moment "late" is measured at (docs/leaders.md, "HR dashboard").

Two kinds of rows are narrowed differently. Rows about a person now (plans not yet approved, JP,
training needs) follow the employee's current unit and position; rows about a plan (evaluations,
objections, the predikat) follow the unit and position the plan recorded when it was made, like the
distribution page, so a later transfer does not move a past result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.http import urlencode

from appraisal.models import AppraisalPeriod, Plan
from org.models import Employee, EmployeeQuerySet, Unit
from org.selectors import unit_subtree_ids


@dataclass(frozen=True)
class Scope:
    period: AppraisalPeriod
    unit: Unit | None  # the unit whose subtree is read; ``None``: every unit (HR only)
    unit_ids: frozenset[int] | None  # that subtree; ``None``: every unit
    position_kind: str
    now: datetime
    today: date

    @classmethod
    def of(cls, *, period: AppraisalPeriod, unit: Unit | None, position_kind: str, now: datetime, today: date) -> Scope:
        ids = frozenset(unit_subtree_ids(unit)) if unit is not None else None
        return cls(period, unit, ids, position_kind, now, today)

    @classmethod
    def at_now(cls, *, period: AppraisalPeriod, unit: Unit | None, position_kind: str = "") -> Scope:
        now = timezone.now()
        return cls.of(period=period, unit=unit, position_kind=position_kind, now=now, today=timezone.localdate(now))

    def query(self) -> str:
        """The filters as a query string, so every link keeps them."""
        params = {"periode": self.period.pk, "unit": self.unit.pk if self.unit else "", "jenis": self.position_kind}
        return urlencode({name: value for name, value in params.items() if value != ""})

    def employees(self) -> EmployeeQuerySet:
        """Active employees in the units and of the position kind, by where they work now."""
        return Employee.objects.active().filter(**self.employee_lookups())

    def employee_lookups(self, prefix: str = "") -> dict:
        """Lookups that narrow employees (or rows reached through ``prefix``) to the units and kind they
        are in now; being active is the caller's (``employees()``, ``org.selectors.employed_now``)."""
        lookups: dict = {}
        if self.unit_ids is not None:
            lookups[f"{prefix}unit_id__in"] = self.unit_ids
        if self.position_kind:
            lookups[f"{prefix}position__kind"] = self.position_kind
        return lookups

    @cached_property
    def staff_count(self) -> int:
        """How many ``employees()`` holds; counted once per reading, two cards start from it."""
        return self.employees().count()

    def plan_lookups(self, prefix: str = "") -> dict:
        """Lookups that narrow plans (or rows reached through ``prefix``) to the period, units and kind
        the plan recorded."""
        lookups: dict = {f"{prefix}period": self.period}
        if self.unit_ids is not None:
            lookups[f"{prefix}unit_id__in"] = self.unit_ids
        if self.position_kind:
            lookups[f"{prefix}position__kind"] = self.position_kind
        return lookups

    def plan_set(self) -> QuerySet[Plan]:
        return Plan.objects.filter(**self.plan_lookups())
