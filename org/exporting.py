"""XLSX export of units, positions and employees in the import layout, and empty template files.

An export uses exactly the columns of the import (codes, not translated labels), so a file can go
out to SIASN/e-Kinerja work or to a spreadsheet and come back unchanged (docs/import-export.md).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Model, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.xlsx import DataSheet, XlsxWriter

from .imports.columns import Layout
from .imports.reading import DATA_SHEET
from .models import Employee, Position, Unit

TEXT_FORMAT = "@"
COLUMN_WIDTH = 18
GUIDE_WIDTHS = (20, 8, 60, 60)
BOLD = Font(bold=True)


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
    writer = XlsxWriter()
    sheet = _data_sheet(writer, layout)
    for obj in objects:
        sheet.append([column.export_value(obj) for column in layout.columns])
    return writer.to_bytes()


def template_workbook(layout: Layout) -> bytes:
    """An empty "Data" sheet to fill in, and a "Petunjuk" sheet explaining each column."""
    writer = XlsxWriter()
    _data_sheet(writer, layout)
    guide = writer.add_sheet(_("Petunjuk"))
    for index, width in enumerate(GUIDE_WIDTHS, start=1):
        guide.worksheet.column_dimensions[get_column_letter(index)].width = width
    guide.append([_("Kolom"), _("Wajib"), _("Keterangan"), _("Pilihan")], font=BOLD)
    wrap = Alignment(wrap_text=True, vertical="top")
    for column in layout.columns:
        cells = [column.header, _("Ya") if column.required else "", column.note, _choices_text(column)]
        guide.append(cells, alignment=wrap)
    return writer.to_bytes()


def _data_sheet(writer: XlsxWriter, layout: Layout) -> DataSheet:
    sheet = writer.add_sheet(DATA_SHEET)
    sheet.worksheet.freeze_panes = "A2"
    for index, column in enumerate(layout.columns, start=1):
        dimension = sheet.worksheet.column_dimensions[get_column_letter(index)]
        dimension.width = COLUMN_WIDTH
        if column.header.startswith("NIP"):
            dimension.number_format = TEXT_FORMAT
    sheet.append([column.header for column in layout.columns], font=BOLD)
    return sheet


def _choices_text(column) -> str:
    choices = getattr(column.parse, "choices", None)
    if choices is None:
        return ""
    with translation.override("id"):
        return "; ".join(f"{value} = {label}" for value, label in choices.choices)
