"""Read an uploaded CSV or XLSX file into numbered rows of raw cell values.

Cells keep their spreadsheet type (a float NIP must be caught later). CSV files from Indonesian
Excel use ``;`` and are often not UTF-8, so the delimiter is sniffed and cp1252 is the fallback.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

FILE_UNREADABLE = _("Berkas tidak dapat dibaca sebagai %(format)s. Simpan ulang sebagai .xlsx atau .csv.")
FILE_UNSUPPORTED = _("Jenis berkas %(ext)s tidak didukung; gunakan .xlsx atau .csv.")
FILE_TOO_MANY_ROWS = _("Berkas berisi lebih dari %(limit)d baris; bagi menjadi beberapa berkas.")
DATA_SHEET = "Data"


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is shown to the user."""


@dataclass(frozen=True)
class Sheet:
    """Non-blank rows as (spreadsheet row number, cell values)."""

    rows: list[tuple[int, tuple[object, ...]]]


def read_sheet(path: Path) -> Sheet:
    readers = {".xlsx": _xlsx_rows, ".csv": _csv_rows}
    ext = path.suffix.lower()
    if ext not in readers:
        raise ImportFileError(FILE_UNSUPPORTED % {"ext": ext or "?"})
    limit = settings.ORG_IMPORT_MAX_ROWS
    rows = []
    for number, cells in readers[ext](path):
        if any(cell not in (None, "") for cell in cells):
            rows.append((number, tuple(cells)))
        if len(rows) > limit:
            raise ImportFileError(FILE_TOO_MANY_ROWS % {"limit": limit})
    return Sheet(rows)


def _xlsx_rows(path: Path):
    """The sheet named "Data" (as in our template) or else the first one."""
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ImportFileError(FILE_UNREADABLE % {"format": "XLSX"}) from None
    try:
        sheet = workbook[DATA_SHEET] if DATA_SHEET in workbook.sheetnames else workbook.worksheets[0]
        yield from enumerate(sheet.iter_rows(values_only=True), start=1)
    finally:
        workbook.close()


def _csv_rows(path: Path):
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    first_line = text.lstrip().split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    try:
        yield from enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1)
    except csv.Error:
        raise ImportFileError(FILE_UNREADABLE % {"format": "CSV"}) from None
