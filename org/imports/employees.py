"""Employees file: upsert by NIP, with unit, position and assessing official (NIP_ATASAN) per row.

Every employee is loaded once as an in-memory graph, so a supervisor may be named before their own
row, and ``Employee.clean()`` (NIP rules, position of the unit, no supervisor cycles) runs per row
without a query per row.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from org.models import Employee, Position

from .columns import EMPLOYEES
from .ledger import Ledger
from .planning import (
    ParsedRow,
    Plan,
    build_report,
    field_values,
    link_self,
    parse_rows,
    set_fields,
    unique_rows,
    unit_of,
    units_by_code,
    validate,
)
from .positions import PositionBook
from .reading import Sheet

SUPERVISOR_NOT_FOUND = _("NIP atasan %(key)s tidak ada di berkas maupun di database.")
NOT_VALIDATED_BY_CLEAN = ["nip", "unit", "position", "supervisor", "user"]


def plan_employees(sheet: Sheet) -> Plan:
    rows, issues = parse_rows(sheet, EMPLOYEES)
    kept = unique_rows(rows, key=lambda row: row.values.get("NIP") or None, column="NIP")
    units = units_by_code(kept)
    book = PositionBook(units.values())
    ledger = Ledger(Employee, EMPLOYEES.tracked_fields(), self_link="supervisor")
    people = _everyone()
    for row in kept:
        employee = people.setdefault(row.values["NIP"], Employee())
        row.entry = ledger.track(row.values["NIP"], employee, row)
        set_fields(employee, field_values(row, EMPLOYEES))
        _place(row, employee, units, book)
    book.finish()
    for row in kept:
        link_self(row, header="NIP_ATASAN", nodes=people, link="supervisor", message=SUPERVISOR_NOT_FOUND)
    for row in kept:
        _check(row)
    return build_report(
        EMPLOYEES,
        rows,
        issues,
        key=lambda row: row.values.get("NIP", ""),
        ledgers={Employee._meta.verbose_name_plural: ledger, Position._meta.verbose_name_plural: book.ledger},
        write_order=[book.ledger, ledger],
    )


def _everyone() -> dict[str, Employee]:
    """All employees by NIP, each linked in memory to their supervisor (one query)."""
    employees = list(Employee.objects.select_related("position"))
    by_pk = {employee.pk: employee for employee in employees}
    for employee in employees:
        employee.supervisor = by_pk.get(employee.supervisor_id)
    return {employee.nip: employee for employee in employees}


def _place(row: ParsedRow, employee: Employee, units: dict, book: PositionBook) -> None:
    unit = unit_of(row, units)
    if unit is None or "JABATAN" not in row.values:
        return
    employee.unit = unit
    values = field_values(row, EMPLOYEES, prefix="position.", skip=("name",))
    employee.position = book.resolve(row, unit=unit, name=row.values["JABATAN"], values=values).instance


def _check(row: ParsedRow) -> None:
    """The model's rules, plus the NIP's soft warnings (a serial of 000, appointment before 18)."""
    employee = row.entry.instance
    validate(row, employee, EMPLOYEES, exclude=NOT_VALIDATED_BY_CLEAN)
    if not row.has_error("NIP"):
        for warning in employee.parse_nip().warnings:
            row.fail("NIP", warning, warning=True)
