"""Reading an upload stays within its bounds: unpacked size, rows (blank ones too), cells, characters."""

from __future__ import annotations

import tracemalloc

import pytest

from org.imports.reading import read_sheet
from org.imports.services import import_file
from tests.org.conftest import STAFF_HEADERS, staff_nip
from tests.org.hostile_xlsx import MB, blank_rows, huge_shared_string, rows_of_cells, sheet_xml, write_xlsx


def refusal(path, user) -> str:
    """The one file-level message of a dry run (row 0), which must be the only error."""
    report = import_file(kind="pegawai", path=path, acting_user=user, dry_run=True)
    assert [issue.row for issue in report.errors] == [0]
    return report.errors[0].message


def test_it_refuses_a_shared_string_that_unpacks_past_the_bound_before_parsing_it(settings, tmp_path, hr_user):
    settings.ORG_IMPORT_MAX_UNPACKED_MB = 1
    path = huge_shared_string(tmp_path / "bom.xlsx", megabytes=4)
    assert path.stat().st_size < 100 * 1024

    tracemalloc.start()
    try:
        message = refusal(path, hr_user)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert "terlalu besar setelah dibuka (lebih dari 1 MB)" in message
    assert peak < MB / 2


def test_it_refuses_a_cell_longer_than_the_bound(settings, tmp_path, hr_user):
    settings.ORG_IMPORT_MAX_CELL_CHARS = 1000
    path = rows_of_cells(tmp_path / "panjang.xlsx", [["1", "A" * 1001]])

    assert refusal(path, hr_user) == "Sel di baris 2 berisi lebih dari 1000 karakter; periksa isi berkas."


def test_blank_rows_count_toward_the_row_limit(settings, tmp_path, hr_user):
    settings.ORG_IMPORT_MAX_ROWS = 100
    path = blank_rows(tmp_path / "kosong.xlsx", count=2000)

    assert "lebih dari 100 baris (baris kosong ikut dihitung)" in refusal(path, hr_user)


def test_a_row_far_below_the_data_counts_every_row_in_between(settings, tmp_path, hr_user):
    settings.ORG_IMPORT_MAX_ROWS = 100
    far_row = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    path = write_xlsx(tmp_path / "jauh.xlsx", sheet=sheet_xml([far_row]))

    assert "lebih dari 100 baris" in refusal(path, hr_user)


def test_blank_lines_of_a_csv_count_too(settings, tmp_path, hr_user):
    settings.ORG_IMPORT_MAX_ROWS = 100
    path = tmp_path / "kosong.csv"
    path.write_text(";".join(STAFF_HEADERS) + "\n" * 500)

    assert "lebih dari 100 baris" in refusal(path, hr_user)


def test_it_refuses_a_row_with_more_cells_than_the_bound(settings, tmp_path, hr_user):
    settings.ORG_IMPORT_MAX_COLUMNS = 5
    path = rows_of_cells(tmp_path / "lebar.xlsx", [["1", "2", "3", "4", "5", "6"]])

    assert refusal(path, hr_user) == "Baris 2 berisi lebih dari 5 kolom; hapus kolom yang tidak dipakai."


def test_it_ignores_a_forged_dimension_instead_of_padding_every_row(settings, tmp_path):
    settings.ORG_IMPORT_MAX_COLUMNS = 20
    path = rows_of_cells(tmp_path / "dimensi.xlsx", [["1", "Satu"]], dimension="A1:XFD3000")

    sheet = read_sheet(path)

    assert sheet.rows == [(1, ("NIP", "NAMA")), (2, ("1", "Satu"))]


@pytest.mark.parametrize(
    "sheet",
    [
        [b"<worksheet><sheetData><row r='1'><c r='A1' t='inlineStr'><is><t>NIP"],  # cut off mid-element
        sheet_xml([b"<row r='A'/>"]),  # not a row number
    ],
)
def test_a_sheet_that_breaks_while_streaming_is_reported_not_raised(tmp_path, hr_user, sheet):
    path = write_xlsx(tmp_path / "rusak.xlsx", sheet=sheet)

    assert "tidak dapat dibaca sebagai XLSX" in refusal(path, hr_user)


def test_it_reports_progress_while_reading(tmp_path, sheet_file, unit):
    rows = [STAFF_HEADERS] + [[staff_nip(n), "X", "L", "", "DINKES", "Analis", "", "", ""] for n in range(1, 2500)]
    seen = []

    read_sheet(sheet_file(rows), on_progress=lambda done, expected: seen.append((done, expected)))

    assert seen == [(1000, 2500), (2000, 2500)]
