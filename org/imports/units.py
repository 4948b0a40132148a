"""Units file: upsert by code; the parent (KODE_UNIT_INDUK) may be a unit further down the file."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from org.models import Unit

from .columns import UNITS
from .ledger import Ledger
from .planning import Plan, build_report, field_values, link_self, parse_rows, set_fields, unique_rows, validate
from .reading import Sheet

PARENT_NOT_FOUND = _("Kode unit induk %(key)s tidak ada di berkas maupun di database.")


def plan_units(sheet: Sheet) -> Plan:
    rows, issues = parse_rows(sheet, UNITS)
    kept = unique_rows(rows, key=lambda row: row.values.get("KODE_UNIT") or None, column="KODE_UNIT")
    ledger = Ledger(Unit, UNITS.tracked_fields(), self_link="parent")
    units = _all_units()
    for row in kept:
        unit = units.setdefault(row.values["KODE_UNIT"], Unit())
        row.entry = ledger.track(row.values["KODE_UNIT"], unit, row)
        set_fields(unit, field_values(row, UNITS))
    for row in kept:
        link_self(row, header="KODE_UNIT_INDUK", nodes=units, link="parent", message=PARENT_NOT_FOUND)
    for row in kept:
        validate(row, row.entry.instance, UNITS, exclude=["parent"])
    return build_report(
        UNITS,
        rows,
        issues,
        key=lambda row: row.values.get("KODE_UNIT", ""),
        ledgers={Unit._meta.verbose_name_plural: ledger},
    )


def _all_units() -> dict[str, Unit]:
    """Every unit by code, linked in memory to its parent: the tree is small, so one query."""
    units = list(Unit.objects.all())
    by_pk = {unit.pk: unit for unit in units}
    for unit in units:
        unit.parent = by_pk.get(unit.parent_id)
    return {unit.code: unit for unit in units}
