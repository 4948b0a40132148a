"""Reading exchange files: headers as SIMPEG writes them, CSV dialects, and files that cannot be read."""

from __future__ import annotations

import pytest

from org.imports.services import import_file
from org.models import Employee
from tests.org.conftest import STAFF_HEADERS, staff_nip


def run(path, user, *, dry_run: bool = True):
    return import_file(kind="pegawai", path=path, acting_user=user, dry_run=dry_run)


def test_it_reads_headers_in_any_case_with_aliases_extra_columns_and_a_title_above(unit, sheet_file, hr_user):
    rows = [
        ["DAFTAR NOMINATIF PEGAWAI"],
        ["No", "Nip Baru", "nama pegawai", "JK", "Tgl Lahir", "kode unit", "Nama Jabatan", "Jenis Jabatan", "Jenjang"],
        [1, staff_nip(1), "Satu", "L", "1980-01-01", "DINKES", "Analis", "Fungsional", "Ahli Muda"],
    ]

    report = run(sheet_file(rows), hr_user, dry_run=False)

    assert report.applied and not report.issues
    assert Employee.objects.get().name == "Satu"
    assert report.rows[0].row == 3


def test_it_reads_a_semicolon_csv_saved_by_indonesian_excel_in_cp1252(unit, tmp_path, hr_user):
    path = tmp_path / "pegawai.csv"
    lines = [";".join(STAFF_HEADERS), f"'{staff_nip(1)};Désy;L;III/c;DINKES;Analis;Fungsional;Ahli Muda;"]
    path.write_bytes("\r\n".join(lines).encode("cp1252"))

    report = run(path, hr_user, dry_run=False)

    assert report.applied
    assert Employee.objects.get().name == "Désy"


def test_it_reads_a_utf8_csv_with_a_byte_order_mark(unit, tmp_path, hr_user):
    path = tmp_path / "pegawai.csv"
    lines = [",".join(STAFF_HEADERS), f"{staff_nip(1)},Ñoman,L,III/c,DINKES,Analis,Fungsional,Ahli Muda,"]
    path.write_bytes("\n".join(lines).encode("utf-8-sig"))

    report = run(path, hr_user, dry_run=False)

    assert report.applied
    assert Employee.objects.get().name == "Ñoman"


def test_it_names_the_required_columns_that_are_missing(unit, sheet_file, hr_user):
    report = run(sheet_file([["NIP", "NAMA"], [staff_nip(1), "Satu"]]), hr_user)

    assert {issue.column for issue in report.errors} == {"JENIS_KELAMIN", "KODE_UNIT", "JABATAN"}
    assert all("Kolom wajib" in issue.message for issue in report.errors)


def test_it_reports_blank_required_cells(unit, sheet_file, hr_user):
    row = [staff_nip(1), "", "L", "", "DINKES", "Analis", "Fungsional", "Ahli Muda", ""]
    report = run(sheet_file([STAFF_HEADERS, row]), hr_user)

    assert [(issue.row, issue.column, issue.message) for issue in report.errors] == [(2, "NAMA", "Wajib diisi.")]


def test_it_reports_a_file_with_only_a_header(sheet_file, hr_user):
    report = run(sheet_file([STAFF_HEADERS]), hr_user)

    assert [issue.row for issue in report.errors] == [0]
    assert "tidak berisi baris data" in report.errors[0].message


@pytest.mark.parametrize(("name", "content"), [("rusak.xlsx", b"bukan zip"), ("lama.xls", b"\xd0\xcf\x11\xe0")])
def test_it_reports_a_file_it_cannot_read(name, content, tmp_path, hr_user):
    path = tmp_path / name
    path.write_bytes(content)

    report = run(path, hr_user)

    assert report.has_errors and report.errors[0].row == 0
    assert ".xlsx" in report.errors[0].message


def test_it_refuses_a_file_with_too_many_rows(settings, unit, sheet_file, hr_user):
    settings.ORG_IMPORT_MAX_ROWS = 2
    rows = [STAFF_HEADERS] + [[staff_nip(n), "X", "L", "", "DINKES", "Analis", "", "", ""] for n in range(1, 4)]

    report = run(sheet_file(rows), hr_user)

    assert "lebih dari 2 baris" in report.errors[0].message
