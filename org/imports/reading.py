"""Read an uploaded CSV or XLSX file into numbered rows of raw cell values, within fixed bounds.

Cells keep their spreadsheet type (a float NIP must be caught later). CSV files from Indonesian
Excel use ``;`` and are often not UTF-8, so the delimiter is sniffed and cp1252 is the fallback.

An upload is untrusted, so reading is bounded before and while it happens (docs/import-export.md):
the unpacked size of the XLSX parts is checked from the archive's directory before any XML is
parsed (``zipfile`` never inflates a part past its declared size), the sheet's own ``<dimension>``
is ignored, and rows (blank ones included), cells per row and characters per cell are counted as
they stream past, so a refusal costs at most the bound.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import ParseError

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .report import Issue

FILE_UNREADABLE = _("Berkas tidak dapat dibaca sebagai %(format)s. Simpan ulang sebagai .xlsx atau .csv.")
FILE_UNSUPPORTED = _("Jenis berkas %(ext)s tidak didukung; gunakan .xlsx atau .csv.")
FILE_TOO_MANY_ROWS = _(
    "Berkas berisi lebih dari %(limit)d baris (baris kosong ikut dihitung); "
    "hapus baris kosong di bawah data atau bagi menjadi beberapa berkas."
)
FILE_TOO_MANY_COLUMNS = _("Baris %(row)d berisi lebih dari %(limit)d kolom; hapus kolom yang tidak dipakai.")
FILE_CELL_TOO_LONG = _("Sel di baris %(row)d berisi lebih dari %(limit)d karakter; periksa isi berkas.")
FILE_TOO_LARGE_UNPACKED = _(
    "Isi berkas XLSX terlalu besar setelah dibuka (lebih dari %(limit)d MB); "
    "simpan ulang hanya lembar data atau bagi menjadi beberapa berkas."
)
DATA_SHEET = "Data"
MB = 1024 * 1024
PROGRESS_EVERY = 1000
# What a broken or hostile file raises while its sheet streams: all mean "cannot be read".
UNREADABLE_ERRORS = (InvalidFileException, zipfile.BadZipFile, ParseError, KeyError, ValueError, OSError, EOFError)

Progress = Callable[[int, int], None]


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is shown to the user."""


@dataclass(frozen=True)
class Sheet:
    """Non-blank rows as (spreadsheet row number, cell values), and what was found in a row's cells
    before the layout parses them (a source's own date format, by row number)."""

    rows: list[tuple[int, tuple[object, ...]]]
    issues: dict[int, list[Issue]] = field(default_factory=dict)


def read_sheet(path: Path, *, on_progress: Progress | None = None) -> Sheet:
    """The file's non-blank rows; ``on_progress(rows_read, rows_expected)`` is called every so often."""
    readers = {".xlsx": _xlsx_rows, ".csv": _csv_rows}
    ext = path.suffix.lower()
    if ext not in readers:
        raise ImportFileError(FILE_UNSUPPORTED % {"ext": ext or "?"})
    max_rows, max_columns = settings.ORG_IMPORT_MAX_ROWS, settings.ORG_IMPORT_MAX_COLUMNS
    rows, expected = [], 0
    for number, cells, estimate in readers[ext](path, max_columns=max_columns):
        if number > max_rows:
            raise ImportFileError(FILE_TOO_MANY_ROWS % {"limit": max_rows})
        if trimmed := _checked(number, cells, max_columns):
            rows.append((number, trimmed))
        if on_progress and number % PROGRESS_EVERY == 0:
            expected = expected or min(estimate or max_rows, max_rows)
            on_progress(number, max(expected, number))
    return Sheet(rows)


def _checked(number: int, cells: tuple[object, ...], max_columns: int) -> tuple[object, ...]:
    """The row without its trailing blank cells, once every bound is checked; ``()`` for a blank row."""
    width = next((index + 1 for index in range(len(cells) - 1, -1, -1) if cells[index] not in (None, "")), 0)
    if width > max_columns:
        raise ImportFileError(FILE_TOO_MANY_COLUMNS % {"row": number, "limit": max_columns})
    limit = settings.ORG_IMPORT_MAX_CELL_CHARS
    if any(isinstance(cell, str) and len(cell) > limit for cell in cells[:width]):
        raise ImportFileError(FILE_CELL_TOO_LONG % {"row": number, "limit": limit})
    return tuple(cells[:width])


def _xlsx_rows(path: Path, *, max_columns: int) -> Iterator[tuple[int, tuple[object, ...], int | None]]:
    """The sheet named "Data" (as in our template) or else the first one, row by row.

    Rows come one per number, gaps filled with empty rows, so blank rows count like any other;
    cells past ``max_columns + 1`` are never built.
    """
    _check_unpacked_size(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except UNREADABLE_ERRORS:
        raise ImportFileError(FILE_UNREADABLE % {"format": "XLSX"}) from None
    try:
        sheet = workbook[DATA_SHEET] if DATA_SHEET in workbook.sheetnames else workbook.worksheets[0]
        estimate = sheet.max_row if isinstance(sheet.max_row, int) else None
        # A forged <dimension> would pad every row to 16,384 cells and add a million empty rows.
        sheet.reset_dimensions()
        rows = sheet.iter_rows(values_only=True, max_col=max_columns + 1)
        for number, cells in enumerate(rows, start=1):
            yield number, cells, estimate
    except UNREADABLE_ERRORS:
        raise ImportFileError(FILE_UNREADABLE % {"format": "XLSX"}) from None
    finally:
        workbook.close()


def _check_unpacked_size(path: Path) -> None:
    """Refuse an archive whose parts unpack past the bound (a zip bomb, a 200 MB shared string)."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise ImportFileError(FILE_UNREADABLE % {"format": "XLSX"}) from None
    limit = settings.ORG_IMPORT_MAX_UNPACKED_MB
    if unpacked > limit * MB:
        raise ImportFileError(FILE_TOO_LARGE_UNPACKED % {"limit": limit})


def _csv_rows(path: Path, *, max_columns: int) -> Iterator[tuple[int, tuple[object, ...], int | None]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    first_line = text.lstrip().split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    estimate = text.count("\n") + 1
    try:
        for number, cells in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
            yield number, tuple(cells[: max_columns + 1]), estimate
    except csv.Error:
        raise ImportFileError(FILE_UNREADABLE % {"format": "CSV"}) from None
