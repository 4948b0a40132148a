"""Positions: the positions file, and the positions an employee file names.

A position is found by (unit, name) ignoring case. The employee file may create positions that do
not exist yet (when it says what kind and level they are), so both files share ``PositionBook``.
A new position whose level is not given takes it from its name where the name says it (SIASN has
no JENJANG column): see ``level_from_name``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from org.models import Position, Unit

from .columns import POSITIONS
from .ledger import Entry, Ledger, Written, unwatched
from .planning import (
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
from .reading import Sheet

POSITION_CONFLICT = _("Berbeda dengan baris %(row)d untuk jabatan yang sama (di sana: %(value)s).")
POSITION_NEEDS_KIND = _("Jabatan “%(name)s” belum ada di unit %(unit)s; isi JENIS_JABATAN dan JENJANG agar dibuat.")
SECOND_UNIT_HEAD = _("Unit %(unit)s akan punya lebih dari satu jabatan kepala: %(names)s.")


# Struktural names and their level (UU 20/2023: JPT, administrator, pengawas), matched against the
# start of the name, first match wins: "Sekretaris Camat" before "Sekretaris", "Inspektur Pembantu"
# before "Inspektur". A name none of them starts is left for the file's JENJANG column.
STRUCTURAL_LEVELS = (
    (("sekretaris camat", "sekretaris kelurahan", "kepala seksi", "kepala sub", "kepala upt", "lurah"), "PENGAWAS"),
    (("inspektur pembantu",), "ADMINISTRATOR"),
    (
        ("sekretaris daerah", "sekretaris dprd", "asisten", "staf ahli", "kepala dinas", "kepala badan", "inspektur"),
        "JPT_PRATAMA",
    ),
    (("sekretaris", "kepala bidang", "kepala bagian", "camat"), "ADMINISTRATOR"),
)
FUNCTIONAL_GRADES = ("Ahli Utama", "Ahli Madya", "Ahli Muda", "Ahli Pertama", "Penyelia", "Mahir", "Terampil", "Pemula")


def level_from_name(kind: str, name: str) -> str:
    """The level a position's name states, or "" (pelaksana posts are always PELAKSANA).

    Functional names end in their grade ("Pranata Komputer Ahli Muda"); struktural names start with
    the post ("Kepala Bidang ...", see ``STRUCTURAL_LEVELS``).
    """
    text = re.sub(r"\s+", " ", name).strip().casefold()
    if kind == Position.Kind.PELAKSANA:
        return Position.Level.PELAKSANA
    if kind == Position.Kind.FUNGSIONAL:
        grade = next((grade for grade in FUNCTIONAL_GRADES if text.endswith(grade.casefold())), "")
        return grade.upper().replace(" ", "_")
    if kind == Position.Kind.STRUKTURAL:
        return next((level for starts, level in STRUCTURAL_LEVELS if text.startswith(starts)), "")
    return ""


def position_key(unit_id: int, name: str) -> tuple[int, str]:
    return unit_id, name.casefold()


class PositionLedger(Ledger):
    def save(self, *, on_written: Written = unwatched) -> None:
        """Demote former heads first: the one-head-per-unit index is checked row by row."""
        demoted = [
            entry.instance.pk
            for entry in self.entries.values()
            if not entry.is_new and entry.before["is_unit_head"] and not entry.instance.is_unit_head
        ]
        Position.objects.filter(pk__in=demoted).update(is_unit_head=False)
        super().save(on_written=on_written)


class PositionBook:
    """The positions of the units a file names (one query), and the changes rows make to them."""

    def __init__(self, units: Iterable[Unit]):
        self.units = {unit.pk: unit for unit in units}
        self.ledger = PositionLedger(Position, ["kind", "level", "is_unit_head"])
        self.positions = {
            position_key(position.unit_id, position.name): position
            for position in Position.objects.filter(unit__in=list(self.units))
        }
        self.claims: dict[tuple, tuple[object, int]] = {}

    def resolve(self, row: ParsedRow, *, unit: Unit, name: str, values: dict[str, object]) -> Entry:
        """The position the row names, with the row's values applied unless an earlier row said otherwise."""
        key = position_key(unit.pk, name)
        position = self.positions.setdefault(key, Position(unit=unit, name=name))
        entry = self.ledger.track(key, position, row)
        for field_name, value in values.items():
            claimed, first_row = self.claims.setdefault((key, field_name), (value, row.number))
            if claimed == value:
                setattr(position, field_name, value)
            else:
                row.fail(POSITIONS.header_for(field_name), POSITION_CONFLICT % {"row": first_row, "value": claimed})
        return entry

    def finish(self) -> None:
        """Check new and changed positions once every row has been read."""
        for entry in self.ledger.entries.values():
            position = entry.instance
            if entry.is_new and position.kind and not position.level:
                position.level = level_from_name(position.kind, position.name)
            if entry.is_new and not (position.kind and position.level):
                params = {"name": position.name, "unit": self.units[position.unit_id]}
                entry.row.fail("JABATAN", POSITION_NEEDS_KIND % params)
            elif entry.is_new or self.ledger.changed_fields(entry):
                validate(entry.row, position, POSITIONS, exclude=["unit"])
        self._check_heads()

    def _check_heads(self) -> None:
        heads = defaultdict(list)
        for position in self.positions.values():
            if position.is_unit_head:
                heads[position.unit_id].append(position.name)
        for entry in self.ledger.entries.values():
            names = heads[entry.instance.unit_id]
            if entry.instance.is_unit_head and len(names) > 1 and "KEPALA_UNIT" in entry.row.values:
                params = {"unit": self.units[entry.instance.unit_id], "names": ", ".join(sorted(names))}
                entry.row.fail("KEPALA_UNIT", SECOND_UNIT_HEAD % params)


def plan_positions(sheet: Sheet) -> Plan:
    rows, issues = parse_rows(sheet, POSITIONS)
    kept = unique_rows(rows, key=_row_key, column="JABATAN")
    units = units_by_code(kept)
    book = PositionBook(units.values())
    for row in kept:
        unit = unit_of(row, units)
        if unit is not None:
            values = field_values(row, POSITIONS, skip=("name",))
            row.entry = book.resolve(row, unit=unit, name=row.values["JABATAN"], values=values)
    book.finish()
    return build_report(
        POSITIONS,
        rows,
        issues,
        key=lambda row: " / ".join(str(row.values.get(h, "")) for h in ("KODE_UNIT", "JABATAN")),
        ledgers={Position._meta.verbose_name_plural: book.ledger},
    )


def _row_key(row: ParsedRow) -> tuple[str, str] | None:
    if "KODE_UNIT" in row.values and "JABATAN" in row.values:
        return row.values["KODE_UNIT"], row.values["JABATAN"].casefold()
    return None
