"""Steps shared by the three planners: parse rows, find duplicates, apply the model's own rules."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from org.models import Unit

from .columns import Column, Layout, cell_text, header_key
from .ledger import Entry, Ledger
from .reading import Progress, Sheet
from .report import Action, ImportReport, Issue, RowOutcome

HEADER_SEARCH_ROWS = 10

MISSING_COLUMN = _("Kolom wajib %(column)s tidak ada di baris judul.")
NO_DATA_ROWS = _("Berkas tidak berisi baris data di bawah baris judul.")
VALUE_REQUIRED = _("Wajib diisi.")
DUPLICATE_KEY = _("“%(key)s” sudah ada di baris %(row)d; setiap baris harus unik.")
UNKNOWN_UNIT = _("Kode unit “%(code)s” tidak dikenal. Impor berkas unit kerja dulu atau periksa kodenya.")


@dataclass(eq=False)
class ParsedRow:
    number: int
    values: dict[str, object]
    issues: list[Issue] = field(default_factory=list)
    entry: Entry | None = None

    def fail(self, column: str, message: str, *, warning: bool = False) -> None:
        self.issues.append(Issue(self.number, column, str(message), warning))

    def has_error(self, column: str | None = None) -> bool:
        return any(not issue.warning and column in (None, issue.column) for issue in self.issues)


@dataclass
class Plan:
    """A checked file: the report, and the ledgers to write (in order) if it has no errors."""

    report: ImportReport
    ledgers: list[Ledger]

    def save(self, *, on_progress: Progress | None = None) -> None:
        """Write the ledgers in order; ``on_progress(rows_written, rows_to_write)`` before the first
        statement and after each one, so a long write shows its progress in steps."""
        written, total = 0, sum(ledger.to_write() for ledger in self.ledgers)

        def count(rows: int) -> None:
            nonlocal written
            written += rows
            if on_progress:
                on_progress(written, total)

        count(0)
        for ledger in self.ledgers:
            ledger.save(on_written=count)


def parse_rows(sheet: Sheet, layout: Layout) -> tuple[list[ParsedRow], list[Issue]]:
    """Rows below the header row, with each cell of a known column parsed or reported."""
    if not sheet.rows:
        return [], [Issue(0, "", str(NO_DATA_ROWS))]
    header_row, positions, missing = _locate_header(sheet, layout)
    if missing:
        return [], [Issue(header_row, header, str(MISSING_COLUMN % {"column": header})) for header in missing]
    rows = [
        _parse_row(number, cells, positions, sheet.issues.get(number, []))
        for number, cells in sheet.rows
        if number > header_row
    ]
    return rows, [] if rows else [Issue(0, "", str(NO_DATA_ROWS))]


def _locate_header(sheet: Sheet, layout: Layout) -> tuple[int, dict[Column, int], list[str]]:
    """The first row naming every required column; SIMPEG exports may put a title above it."""
    best: tuple[int, dict[Column, int], list[str]] = (1, {}, [c.header for c in layout.imported if c.required])
    for number, cells in sheet.rows[:HEADER_SEARCH_ROWS]:
        positions = _column_positions(cells, layout)
        missing = [column.header for column in layout.imported if column.required and column not in positions]
        if not missing:
            return number, positions, []
        if number == sheet.rows[0][0]:
            best = (number, positions, missing)
    return best


def _column_positions(cells: tuple[object, ...], layout: Layout) -> dict[Column, int]:
    """Map columns to cell indexes; an exact header wins over an alias naming the same column."""
    keys = [header_key(cell) for cell in cells]
    positions: dict[Column, int] = {}
    for column in layout.imported:
        for name in (column.header, *column.aliases):
            if name in keys:
                positions[column] = keys.index(name)
                break
    return positions


def _parse_row(number: int, cells: tuple[object, ...], positions: dict[Column, int], found: list[Issue]) -> ParsedRow:
    row = ParsedRow(number, {}, list(found))
    for column, index in positions.items():
        raw = cells[index] if index < len(cells) else None
        if column.required and not cell_text(raw):
            row.fail(column.header, VALUE_REQUIRED)
            continue
        try:
            value = column.parse(raw)
        except ValidationError as exc:
            row.fail(column.header, exc.messages[0])
            continue
        if value is not None:
            row.values[column.header] = value
    return row


def unique_rows(rows: list[ParsedRow], key: Callable[[ParsedRow], Hashable | None], column: str) -> list[ParsedRow]:
    """Rows with a key, the first of each key only; repeats are reported against the first."""
    first: dict[Hashable, int] = {}
    kept = []
    for row in rows:
        value = key(row)
        if value is None:
            continue
        if value in first:
            row.fail(column, DUPLICATE_KEY % {"key": row.values[column], "row": first[value]})
            continue
        first[value] = row.number
        kept.append(row)
    return kept


def field_values(row: ParsedRow, layout: Layout, *, prefix: str = "", skip: tuple[str, ...] = ()) -> dict[str, object]:
    """Values the row gives for attributes under ``prefix`` (``"position."``), by attribute name."""
    return {
        column.path.removeprefix(prefix): row.values[column.header]
        for column in layout.imported
        if column.header in row.values
        and column.path.startswith(prefix)
        and "." not in column.path.removeprefix(prefix)
        and column.path.removeprefix(prefix) not in skip
    }


def set_fields(instance: models.Model, values: dict[str, object]) -> None:
    for name, value in values.items():
        setattr(instance, name, value)


def units_by_code(rows: list[ParsedRow]) -> dict[str, Unit]:
    codes = {row.values["KODE_UNIT"] for row in rows if "KODE_UNIT" in row.values}
    return {unit.code: unit for unit in Unit.objects.filter(code__in=codes)}


def unit_of(row: ParsedRow, units: dict[str, Unit]) -> Unit | None:
    code = row.values.get("KODE_UNIT")
    unit = units.get(code)
    if code and unit is None:
        row.fail("KODE_UNIT", UNKNOWN_UNIT % {"code": code})
    return unit


def link_self(row: ParsedRow, *, header: str, nodes: dict[str, models.Model], link: str, message: str) -> None:
    """Point ``link`` at the node the row names, which may come from a later row or the database."""
    if header not in row.values:
        return
    key = row.values[header]
    target = nodes.get(key) if key else None
    if key and target is None:
        row.fail(header, message % {"key": key})
        return
    setattr(row.entry.instance, link, target)


def validate(row: ParsedRow, instance: models.Model, layout: Layout, *, exclude: list[str]) -> None:
    """Run the model's own field and row rules, reporting each message under its file column.

    A column that already has an error from parsing keeps only that one message.
    """
    errors: dict[str, list[str]] = {}
    for check in (lambda: instance.clean_fields(exclude=exclude), instance.clean):
        try:
            check()
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                errors.setdefault(name, []).extend(messages)
    for name, messages in errors.items():
        column = "" if name == NON_FIELD_ERRORS else layout.header_for(name)
        if not row.has_error(column):
            for message in messages:
                row.fail(column, message)


def build_report(
    layout: Layout,
    rows: list[ParsedRow],
    issues: list[Issue],
    *,
    key: Callable[[ParsedRow], object],
    ledgers: dict[str, Ledger],
    write_order: list[Ledger] | None = None,
) -> Plan:
    """The plan for a checked file. ``ledgers`` maps entity labels to ledgers, the file's own entity first."""
    primary = next(iter(ledgers.values()))
    report = ImportReport(
        kind=layout.kind,
        rows=[_outcome(row, layout, primary, key) for row in rows],
        issues=issues + [issue for row in rows for issue in row.issues],
        counts=[ledger.count(label) for label, ledger in ledgers.items()],
    )
    return Plan(report, write_order or list(ledgers.values()))


def _outcome(row: ParsedRow, layout: Layout, ledger: Ledger, key: Callable) -> RowOutcome:
    label = str(key(row) or "")
    if row.entry is None or row.has_error():
        return RowOutcome(row.number, label, Action.ERROR)
    if row.entry.is_new:
        return RowOutcome(row.number, label, Action.CREATE)
    changed = tuple(dict.fromkeys(layout.header_for(name) for name in ledger.changed_fields(row.entry)))
    return RowOutcome(row.number, label, Action.UPDATE if changed else Action.UNCHANGED, changed)
