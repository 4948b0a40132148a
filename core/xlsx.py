"""The one XLSX writer of every export: cells are data, never formulas (style.md #30).

openpyxl turns any string that starts with ``=`` into a formula, and Excel or LibreOffice evaluate
text starting with ``+``, ``-`` or ``@`` (and a leading tab or carriage return hides the rest) once
someone edits the cell. A citizen's suggestion, an imported name or a service name is therefore
written as a string cell with the "quote prefix" style: the value stays exactly what was stored (an
export still re-imports unchanged), the spreadsheet shows it as text, and editing it keeps it text.
Numbers, dates and booleans keep their type; only strings are neutralised.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.http import FileResponse
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
STRING = "s"


class DataSheet:
    """A write-only sheet whose rows go through :func:`data_cell`; ``worksheet`` is there for layout."""

    def __init__(self, worksheet: WriteOnlyWorksheet) -> None:
        self.worksheet = worksheet

    def append(self, values: Iterable[object], **styles: object) -> None:
        """One row; ``styles`` (``font=``, ``alignment=``) apply to each of its cells."""
        self.worksheet.append([data_cell(self.worksheet, value, **styles) for value in values])


class XlsxWriter:
    """A streamed (write-only) workbook; add sheets, append rows, then take the bytes."""

    def __init__(self) -> None:
        self._workbook = Workbook(write_only=True)

    def add_sheet(self, title: object) -> DataSheet:
        return DataSheet(self._workbook.create_sheet(str(title)[:31]))

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self._workbook.save(buffer)
        return buffer.getvalue()


def xlsx_response(content: bytes, filename: str) -> FileResponse:
    """A workbook as a download."""
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)


def data_cell(worksheet: WriteOnlyWorksheet, value: object, **styles: object) -> Cell:
    """A cell holding ``value`` as data: text is never a formula, and characters XML cannot hold are dropped."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(worksheet, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        cell.data_type = STRING
        cell.quotePrefix = True
    for name, style in styles.items():
        setattr(cell, name, style)
    return cell
