"""SIASN's "Export Data ASN" read by the employee import: quirks, mappings kept per source, bad rows."""

from __future__ import annotations

import shutil
from datetime import date, datetime

import pytest
from django.db.models import Model
from django.utils import translation

from org.imports.positions import level_from_name
from org.imports.services import import_file
from org.imports.sources import BAD_DATE, WRONG_KIND, clean_cell, parse_date, proposed_code
from org.models import Employee, ExternalUnit, HeaderMapping, Position, Unit
from org.nip import build_nip
from tests.org.siasn import (
    SAMPLE,
    UNOR_BIDANG,
    UNOR_DINKES,
    UNOR_PUSKESMAS,
    column,
    map_sample,
    run,
    sample_rows,
)


@pytest.fixture(autouse=True)
def _indonesian():
    """The messages are checked as HR reads them, whatever language an earlier test left active."""
    with translation.override("id"):
        yield


def snapshot(*models: type[Model]) -> list[list[tuple]]:
    return [list(model.objects.order_by("pk").values_list()) for model in models]


@pytest.fixture
def sample(tmp_path):
    """The sample file as SIASN gives it: semicolons, UTF-8 with BOM, CRLF."""
    return shutil.copy(SAMPLE, tmp_path / "siasn.csv")


@pytest.fixture(params=["semicolon-bom", "comma", "xlsx"])
def variant(request, sheet_file):
    """The same rows as each form the download takes: CSV with ``;`` and BOM, CSV with ``,``, XLSX."""
    rows = sample_rows()
    if request.param == "semicolon-bom":
        return _with_bom(sheet_file(rows, ext="csv", delimiter=";"))
    if request.param == "comma":
        return sheet_file(rows, ext="csv", delimiter=",")
    return sheet_file(rows)


def _with_bom(path):
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return path


def test_a_first_file_asks_for_every_unknown_unor_and_header_with_a_proposal(unit, sample, hr_user):
    report = run(sample, hr_user, dry_run=True)

    mappings = report.mappings
    assert report.has_errors and not Employee.objects.exists()
    proposals = {item["external_id"]: item for item in mappings["units"]}
    assert set(proposals) == {UNOR_DINKES, UNOR_BIDANG, UNOR_PUSKESMAS}
    assert proposals[UNOR_DINKES]["unit"] == unit.pk
    bidang = proposals[UNOR_BIDANG]
    assert (bidang["unit"], bidang["parent"], bidang["kind"]) == (None, unit.pk, "BIDANG")
    assert bidang["code"] == proposed_code(UNOR_BIDANG)
    assert (proposals[UNOR_PUSKESMAS]["kind"], proposals[UNOR_PUSKESMAS]["rows"]) == ("UPT", 2)
    assert mappings["headers"] == [{"key": "EMAIL_KANTOR", "header": "EMAIL KANTOR"}]
    assert mappings["taken"]["JABATAN"] == "JABATAN NAMA"


def test_a_mapped_file_imports_in_a_dry_run_then_for_real_then_changes_nothing(unit, variant, hr_user):
    map_sample(hr_user, dinkes=unit)

    dry = run(variant, hr_user, dry_run=True)
    assert not dry.errors, dry.errors
    assert [(c.created, c.updated) for c in dry.counts] == [(6, 0), (6, 0)]
    assert not Employee.objects.exists()

    assert run(variant, hr_user).applied
    ratna = Employee.objects.select_related("unit", "position").get(name="Ratna Wulandari")
    assert (ratna.nip, ratna.gender, ratna.front_title, ratna.back_title) == (
        "197204121999032001",
        "P",
        "dr.",
        "M.Kes.",
    )
    assert (ratna.rank, ratna.status, ratna.unit, ratna.email) == (
        "IV/c",
        "AKTIF",
        unit,
        "ratna.wulandari@dinkes.example.go.id",
    )
    assert (ratna.position.name, ratna.position.kind, ratna.position.level) == (
        "Kepala Dinas Kesehatan",
        "STRUKTURAL",
        "JPT_PRATAMA",
    )
    agus = Employee.objects.select_related("unit", "position").get(name="Agus Setiawan")
    assert (agus.gender, agus.rank, agus.unit.code, agus.email, agus.front_title) == ("L", "II/d", "PKM-SKM", "", "")
    assert (agus.position.kind, agus.position.level) == ("PELAKSANA", "PELAKSANA")
    statuses = dict(Employee.objects.values_list("name", "status"))
    assert statuses["Dewi Anggraini"] == "AKTIF" and statuses["Bambang Sutrisno"] == "PENSIUN"
    levels = dict(Position.objects.values_list("name", "level"))
    assert levels["Perawat Ahli Muda"] == "AHLI_MUDA" and levels["Kepala Bidang Pelayanan Kesehatan"] == "ADMINISTRATOR"

    before = snapshot(Employee, Position, Unit)
    again = run(variant, hr_user)
    assert again.applied and again.changed == 0
    assert snapshot(Employee, Position, Unit) == before


def test_the_kept_mappings_map_the_next_file_without_asking(unit, sample, hr_user):
    map_sample(hr_user, dinkes=unit, email_column="")

    report = run(sample, hr_user)

    assert report.applied and report.mappings is None
    assert ExternalUnit.objects.get(external_id=UNOR_BIDANG).unit.parent == unit
    assert HeaderMapping.objects.get(header="EMAIL_KANTOR").column == ""
    assert not Employee.objects.exclude(email="").exists()  # the ignored header is not read


def test_an_existing_unit_is_proposed_under_the_satker_when_names_repeat(unit, sample, hr_user):
    other_opd = Unit.objects.create(code="DISDIK", name="Dinas Pendidikan", kind="DINAS")
    Unit.objects.create(code="X-YANKES", name="Bidang Pelayanan Kesehatan", kind="BIDANG", parent=other_opd)
    ours = Unit.objects.create(code="YANKES", name="Bidang  pelayanan kesehatan", kind="BIDANG", parent=unit)

    proposals = {item["external_id"]: item for item in run(sample, hr_user, dry_run=True).mappings["units"]}

    assert proposals[UNOR_BIDANG]["unit"] == ours.pk


def test_bad_rows_get_clear_messages_under_the_siasn_column_and_nothing_is_written(unit, sheet_file, hr_user):
    map_sample(hr_user, dinkes=unit)
    rows = sample_rows()
    rows[1][column(rows, "TANGGAL LAHIR")] = "31-02-1972"
    rows[2][column(rows, "JENIS KELAMIN")] = "X"
    rows[3][column(rows, "KEDUDUKAN HUKUM NAMA")] = "Entah"
    rows[4][column(rows, "JABATAN NAMA")] = "null"
    rows[6][column(rows, "GOL AKHIR NAMA")] = "III/z"
    before = snapshot(Employee, Position)

    report = run(sheet_file(rows, ext="csv", delimiter=";"), hr_user)

    assert not report.applied and report.mappings is None
    messages = {(issue.row, issue.column): issue.message for issue in report.errors}
    assert messages[(2, "TANGGAL LAHIR")] == BAD_DATE % {"value": "31-02-1972"}
    assert messages[(3, "JENIS KELAMIN")].startswith("Nilai “X” tidak dikenal")
    assert messages[(4, "KEDUDUKAN HUKUM NAMA")].startswith("Nilai “Entah” tidak dikenal")
    assert messages[(5, "JABATAN NAMA")] == "Wajib diisi."
    assert messages[(7, "GOL AKHIR NAMA")].startswith("Nilai “III/z” tidak dikenal")
    assert snapshot(Employee, Position) == before


def test_an_unknown_unor_in_an_otherwise_mapped_file_is_asked_for_again(unit, sheet_file, hr_user):
    map_sample(hr_user, dinkes=unit)
    rows = sample_rows()
    rows[5][column(rows, "UNOR ID")] = "'ffff0000ffff0000"
    rows[5][column(rows, "UNOR NAMA")] = "Seksi Baru"

    report = run(sheet_file(rows, ext="csv", delimiter=";"), hr_user)

    assert not report.applied
    assert [(item["external_id"], item["kind"]) for item in report.mappings["units"]] == [("ffff0000ffff0000", "SEKSI")]
    assert report.mappings["headers"] == []
    assert not Employee.objects.exists()


def test_a_birth_date_the_nip_contradicts_is_a_warning(unit, sheet_file, hr_user):
    map_sample(hr_user, dinkes=unit)
    rows = sample_rows()
    rows[1][column(rows, "TANGGAL LAHIR")] = "13-04-1972"

    report = run(sheet_file(rows, ext="csv", delimiter=";"), hr_user, dry_run=True)

    assert not report.errors
    assert [(w.row, w.column, w.message) for w in report.warnings] == [
        (2, "TANGGAL LAHIR", "Tanggal lahir 13-04-1972 berbeda dengan tanggal lahir di NIP (12-04-1972).")
    ]


def test_a_siasn_file_uploaded_as_another_kind_says_which_kind_it_is(unit, sample, hr_user):
    report = import_file(kind="unit", path=sample, acting_user=hr_user, dry_run=True)

    assert [issue.message for issue in report.errors] == [str(WRONG_KIND)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("'198503152010011001", "198503152010011001"),
        ("null", ""),
        (" NULL ", ""),
        ("'null", ""),
        (7, 7),
        ("III/c", "III/c"),
    ],
)
def test_it_cleans_siasn_cells(raw, expected):
    assert clean_cell(raw) == expected


def test_it_reads_siasn_dates():
    assert parse_date("15-03-1985") == date(1985, 3, 15)
    assert parse_date("5/3/1985") == date(1985, 3, 5)
    assert parse_date("") is None
    for bad in ("1985-03-15", "32-01-2000", "kemarin"):
        with pytest.raises(Exception, match="HH-BB-TTTT"):
            parse_date(bad)


@pytest.mark.parametrize(
    ("kind", "name", "level"),
    [
        ("FUNGSIONAL", "Pranata Komputer Ahli Muda", "AHLI_MUDA"),
        ("FUNGSIONAL", "Perawat  Terampil", "TERAMPIL"),
        ("FUNGSIONAL", "Analis Kebijakan", ""),
        ("PELAKSANA", "Pengadministrasi Umum", "PELAKSANA"),
        ("STRUKTURAL", "Kepala Dinas Kesehatan", "JPT_PRATAMA"),
        ("STRUKTURAL", "Inspektur Pembantu Wilayah I", "ADMINISTRATOR"),
        ("STRUKTURAL", "Inspektur", "JPT_PRATAMA"),
        ("STRUKTURAL", "Sekretaris Camat", "PENGAWAS"),
        ("STRUKTURAL", "Sekretaris", "ADMINISTRATOR"),
        ("STRUKTURAL", "Kepala Sub Bagian Umum", "PENGAWAS"),
        ("STRUKTURAL", "Direktur", ""),
    ],
)
def test_a_new_positions_level_comes_from_its_name(kind, name, level):
    assert level_from_name(kind, name) == level


def test_a_new_struktural_post_with_no_level_in_its_name_is_refused_clearly(unit, sheet_file, hr_user):
    map_sample(hr_user, dinkes=unit)
    rows = sample_rows()
    rows[1][column(rows, "JABATAN NAMA")] = "Direktur"

    report = run(sheet_file(rows, ext="csv", delimiter=";"), hr_user)

    assert not report.applied
    assert {(issue.row, issue.column) for issue in report.errors} == {(2, "JABATAN NAMA")}


def test_real_spreadsheet_dates_are_read_as_dates():
    assert parse_date(datetime(1985, 3, 15)) == date(1985, 3, 15)  # noqa: DTZ001 - openpyxl's cells are naive
    assert parse_date(date(1985, 3, 15)) == date(1985, 3, 15)


@pytest.mark.parametrize("size", [20, 200])
def test_a_siasn_file_uses_a_fixed_number_of_queries_whatever_the_size(
    size, unit, sheet_file, hr_user, django_assert_max_num_queries
):
    map_sample(hr_user, dinkes=unit)
    rows = sample_rows()
    template = rows[3]  # Sri Lestari, a functional post in a mapped UNOR
    nip, name, born = column(rows, "NIP BARU"), column(rows, "NAMA"), column(rows, "TANGGAL LAHIR")
    for serial in range(1, size + 1):
        row = list(template)
        row[nip] = "'" + build_nip(
            birth_date=date(1985, 11, 5), appointment_year=2010, appointment_month=1, is_female=True, serial=serial + 10
        )
        row[name], row[born] = f"Pegawai {serial}", "05-11-1985"
        rows.append(row)

    with django_assert_max_num_queries(20):
        report = run(sheet_file(rows, ext="csv", delimiter=";"), hr_user)

    assert report.applied, report.errors
    assert Employee.objects.count() == size + 6
