"""XLSX export of units, positions and employees in the import layout, and empty template files.

An export uses exactly the columns of the import (codes, not translated labels), so a file can go
out to SIASN/e-Kinerja work or to a spreadsheet and come back unchanged (docs/import-export.md).
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.db.models import Model, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .imports.columns import Layout
from .imports.reading import DATA_SHEET
from .models import Employee, Position, Unit

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEXT_FORMAT = "@"
COLUMN_WIDTH = 18
GUIDE_WIDTHS = (20, 8, 60, 60)


def export_queryset(kind: str) -> QuerySet:
    """Everything of one kind, with what the columns read, in a stable order."""
    querysets = {
        "unit": lambda: Unit.objects.select_related("parent").order_by("code"),
        "jabatan": lambda: Position.objects.select_related("unit").order_by("unit__code", "name"),
        "pegawai": lambda: Employee.objects.select_related("unit", "position", "supervisor").order_by("name", "pk"),
    }
    return querysets[kind]()


def export_workbook(layout: Layout, objects: Iterable[Model]) -> bytes:
    """One sheet named "Data": the header row, then one row per object (streamed, write-only)."""
    workbook = Workbook(write_only=True)
    sheet = _data_sheet(workbook, layout)
    for obj in objects:
        sheet.append([column.export_value(obj) for column in layout.columns])
    return _to_bytes(workbook)


def template_workbook(layout: Layout) -> bytes:
    """An empty "Data" sheet to fill in, and a "Petunjuk" sheet explaining each column."""
    workbook = Workbook(write_only=True)
    _data_sheet(workbook, layout)
    guide = workbook.create_sheet(_("Petunjuk"))
    for index, width in enumerate(GUIDE_WIDTHS, start=1):
        guide.column_dimensions[get_column_letter(index)].width = width
    guide.append(_bold_row(guide, [_("Kolom"), _("Wajib"), _("Keterangan"), _("Pilihan")]))
    wrap = Alignment(wrap_text=True, vertical="top")
    for column in layout.columns:
        cells = [column.header, _("Ya") if column.required else "", str(column.note), _choices_text(column)]
        guide.append([_cell(guide, value, alignment=wrap) for value in cells])
    return _to_bytes(workbook)


def _data_sheet(workbook: Workbook, layout: Layout):
    sheet = workbook.create_sheet(DATA_SHEET)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(layout.columns, start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = COLUMN_WIDTH
        if column.header.startswith("NIP"):
            dimension.number_format = TEXT_FORMAT
    sheet.append(_bold_row(sheet, [column.header for column in layout.columns]))
    return sheet


def _choices_text(column) -> str:
    choices = getattr(column.parse, "choices", None)
    if choices is None:
        return ""
    with translation.override("id"):
        return "; ".join(f"{value} = {label}" for value, label in choices.choices)


def _bold_row(sheet, values: list[str]) -> list[WriteOnlyCell]:
    return [_cell(sheet, value, font=Font(bold=True)) for value in values]


def _cell(sheet, value: object, **styles) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    for name, style in styles.items():
        setattr(cell, name, style)
    return cell


def _to_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
