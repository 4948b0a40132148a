"""Role-scoped reads of the organisation."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, QuerySet

from .models import Employee, Unit


def unit_subtree_ids(unit: Unit) -> list[int]:
    """The unit and all units below it; one query over the (small) unit table."""
    return unit_subtrees([unit])[unit.pk]


def unit_subtrees(units: list[Unit]) -> dict[int, list[int]]:
    """Each unit's subtree ids (itself first) from one query, so a list of units costs no more than one."""
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Unit.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    subtrees = {}
    for unit in units:
        ids, stack = [], [unit.pk]
        while stack:
            pk = stack.pop()
            ids.append(pk)
            stack.extend(children.get(pk, []))
        subtrees[unit.pk] = ids
    return subtrees


def unit_tree_rows() -> list[tuple[Unit, int, int]]:
    """Every unit in tree order as (unit, depth, number of employees), for an indented listing."""
    units = list(Unit.objects.annotate(employee_count=Count("employees")).order_by("code"))
    by_parent: dict[int | None, list[Unit]] = {}
    for unit in units:
        by_parent.setdefault(unit.parent_id, []).append(unit)
    rows: list[tuple[Unit, int, int]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for unit in by_parent.get(parent_id, []):
            rows.append((unit, depth, unit.employee_count))
            walk(unit.pk, depth + 1)

    walk(None, 0)
    return rows


def reports_of(supervisor: Employee) -> QuerySet[Employee]:
    """Active people a supervisor assesses, with what their rows show."""
    return Employee.objects.active().reports_of(supervisor).select_related("unit", "position", "supervisor")


def assessed_by(official: Employee) -> QuerySet[Employee]:
    """The direct half of ``reports_of``: active people whose Pejabat Penilai is this official."""
    return reports_of(official).filter(supervisor=official)


def employed_now(employee: str = "employee") -> Exists:
    """Rows (a plan, a placement…) whose employee is active now, written as "no inactive employee":
    at a Pemda's size the few inactive people are the cheap side to look up, where joining every
    row to its employee costs a pass over both tables."""
    return ~left_now(employee)


def left_now(employee: str = "employee") -> Exists:
    """Rows whose employee is not active now: a lookup among the few inactive people, whom an index
    holds apart (``employee_inactive``)."""
    return Exists(Employee.objects.exclude(status=Employee.Status.AKTIF).filter(pk=OuterRef(employee)))
