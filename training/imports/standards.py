"""Position standards file: upsert one (position, competency) row per line; rows not in the file stay.

A position is named by its unit's code and its name (ignoring case), as in the positions file; both
must exist already, like the competency, so a typo is an error rather than a new position.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from org.imports.ledger import Ledger
from org.imports.planning import (
    ParsedRow,
    Plan,
    build_report,
    field_values,
    parse_rows,
    unique_rows,
    unit_of,
    units_by_code,
    validate,
)
from org.imports.positions import position_key
from org.imports.reading import Sheet
from org.models import Position
from training.models import Competency, PositionStandard

from .columns import STANDARDS

UNKNOWN_POSITION = _("Jabatan “%(name)s” tidak ada di unit %(unit)s. Impor jabatannya dulu atau periksa namanya.")
UNKNOWN_COMPETENCY = _("Kode kompetensi “%(code)s” tidak dikenal. Impor kompetensi teknisnya dulu atau periksa kode.")


class Directory:
    """The units, positions, competencies and standards a file names, each read in one query."""

    def __init__(self, rows: list[ParsedRow]):
        self.units = units_by_code(rows)
        positions = Position.objects.filter(unit__in=list(self.units.values()))
        self.positions = {position_key(p.unit_id, p.name): p for p in positions}
        competency_codes = {row.values["KODE_KOMPETENSI"] for row in rows}
        self.competencies = {c.code: c for c in Competency.objects.filter(code__in=competency_codes)}
        standards = PositionStandard.objects.filter(
            Q(position__in=list(self.positions.values())) & Q(competency__in=list(self.competencies.values()))
        )
        self.standards = {(s.position_id, s.competency_id): s for s in standards}

    def position(self, row: ParsedRow) -> Position | None:
        unit = unit_of(row, self.units)
        if unit is None:
            return None
        position = self.positions.get(position_key(unit.pk, row.values["JABATAN"]))
        if position is None:
            row.fail("JABATAN", UNKNOWN_POSITION % {"name": row.values["JABATAN"], "unit": unit.code})
        return position

    def competency(self, row: ParsedRow) -> Competency | None:
        code = row.values["KODE_KOMPETENSI"]
        competency = self.competencies.get(code)
        if competency is None:
            row.fail("KODE_KOMPETENSI", UNKNOWN_COMPETENCY % {"code": code})
        return competency


def plan_standards(sheet: Sheet) -> Plan:
    rows, issues = parse_rows(sheet, STANDARDS)
    kept = unique_rows(rows, key=_row_key, column="KODE_KOMPETENSI")
    directory = Directory(kept)
    ledger = Ledger(PositionStandard, STANDARDS.tracked_fields())
    for row in kept:
        position, competency = directory.position(row), directory.competency(row)
        if position is None or competency is None:
            continue
        standard = directory.standards.get((position.pk, competency.pk))
        standard = standard or PositionStandard(position=position, competency=competency)
        row.entry = ledger.track((position.pk, competency.pk), standard, row)
        for name, value in field_values(row, STANDARDS).items():
            setattr(standard, name, value)
        validate(row, standard, STANDARDS, exclude=["position", "competency"])
    return build_report(
        STANDARDS,
        rows,
        issues,
        key=lambda row: " / ".join(str(row.values.get(h, "")) for h in ("KODE_UNIT", "JABATAN", "KODE_KOMPETENSI")),
        ledgers={PositionStandard._meta.verbose_name_plural: ledger},
    )


def _row_key(row: ParsedRow) -> tuple[str, str, str] | None:
    """The same position and competency twice in one file is a mistake, whatever the case of the name."""
    if {"KODE_UNIT", "JABATAN", "KODE_KOMPETENSI"} <= row.values.keys():
        return row.values["KODE_UNIT"], row.values["JABATAN"].casefold(), row.values["KODE_KOMPETENSI"]
    return None
