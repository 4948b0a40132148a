"""The shared XLSX writer: text that a spreadsheet would evaluate is written as plain text."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation import gettext_lazy

from core.xlsx import XlsxWriter
from tests.core.spreadsheets import HOSTILE, assert_written_as_text, formula_parts, text_cells


def workbook_with(*values: object) -> bytes:
    writer = XlsxWriter()
    writer.add_sheet("Data").append(values)
    return writer.to_bytes()


@pytest.mark.parametrize("text", [HOSTILE, "+62 812", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"])
def test_it_writes_text_a_spreadsheet_would_evaluate_as_plain_text(text):
    # An XML parser reads a bare carriage return back as a line feed.
    assert_written_as_text(workbook_with(text), text.replace("\r", "\n"))


def test_it_keeps_numbers_dates_and_ordinary_text_as_they_are():
    content = workbook_with(-5, Decimal("83.33"), date(2026, 1, 31), "Budi", "a=b")

    [plain] = text_cells(content, "Budi")
    assert formula_parts(content) == []
    assert plain.data_type == "s" and not plain.quotePrefix
    assert [cell.data_type for cell in text_cells(content, -5)] == ["n"]
    assert [cell.data_type for cell in text_cells(content, 83.33)] == ["n"]


def test_it_writes_lazy_translations_as_text_and_drops_characters_xml_cannot_hold():
    content = workbook_with(gettext_lazy("Unit"), "Saran\x00\x07 baik")

    assert text_cells(content, "Unit")
    assert text_cells(content, "Saran baik")


def test_no_other_module_writes_a_workbook():
    """Style rule 30: every export goes through core/xlsx.py, so no module builds its own workbook."""
    root = Path(settings.BASE_DIR)
    outside = {root / ".venv", root / "tests", root / "bench", root / "node_modules"}
    writers = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if not any(folder in path.parents for folder in outside)
        and path != root / "core" / "xlsx.py"
        and re.search(r"\bWorkbook\(|WriteOnlyCell|\.save\(buffer\)", path.read_text(encoding="utf-8"))
    ]
    assert writers == []
