"""Employee import: per-row errors in a dry run, all-or-nothing writes, upsert by NIP, idempotence."""

from __future__ import annotations

from datetime import date

import pytest
from django.db.models import Model

from org.imports.report import Action
from org.imports.services import import_file
from org.models import Employee, Position
from org.nip import build_nip
from tests.factories import EmployeeFactory, UnitFactory
from tests.org.conftest import STAFF_HEADERS, staff_nip


def run(path, user, *, dry_run: bool = False):
    return import_file(kind="pegawai", path=path, acting_user=user, dry_run=dry_run)


def errors_of(report) -> set[tuple[int, str]]:
    return {(issue.row, issue.column) for issue in report.errors}


def message(report, row: int, column: str) -> str:
    return next(issue.message for issue in report.errors if (issue.row, issue.column) == (row, column))


def snapshot(model: type[Model]) -> list[tuple]:
    return list(model.objects.order_by("pk").values_list())


def test_it_creates_employees_positions_and_supervisors_named_later_in_the_file(staff_rows, sheet_file, hr_user):
    report = run(sheet_file(staff_rows), hr_user)

    assert report.applied and not report.issues
    citra = Employee.objects.select_related("supervisor__supervisor", "position").get(name="Citra")
    assert citra.supervisor.name == "Budi"
    assert citra.supervisor.supervisor.name == "Ani"
    assert (citra.position.kind, citra.position.level) == ("PELAKSANA", "PELAKSANA")
    assert citra.rank == "III/a" and citra.gender == "P"
    assert [(c.label, c.created, c.updated) for c in report.counts] == [("pegawai", 3, 0), ("jabatan", 3, 0)]


def test_a_second_import_of_the_same_file_changes_nothing(staff_rows, sheet_file, hr_user):
    path = sheet_file(staff_rows)
    run(path, hr_user)
    employees, positions = snapshot(Employee), snapshot(Position)

    report = run(path, hr_user)

    assert report.changed == 0
    assert {row.action for row in report.rows} == {Action.UNCHANGED}
    assert [(c.created, c.updated, c.unchanged) for c in report.counts] == [(0, 0, 3), (0, 0, 3)]
    assert snapshot(Employee) == employees and snapshot(Position) == positions


def test_it_reports_each_row_error_in_indonesian_and_writes_nothing(unit, staff_rows, sheet_file, hr_user):
    rows = [
        *staff_rows,
        ["19860230 201505 1 001", "NIP salah", "L", "III/c", "DINKES", "Pengelola Data", "", "", ""],
        [staff_nip(5), "Unit salah", "L", "III/c", "TIDAKADA", "Analis", "Fungsional", "Ahli Muda", ""],
        [staff_nip(2), "NIP ganda", "L", "III/c", "DINKES", "Pengelola Data", "", "", ""],
        [staff_nip(6), "Atasan hilang", "L", "III/c", "DINKES", "Pengelola Data", "", "", staff_nip(99)],
    ]

    report = run(sheet_file(rows), hr_user, dry_run=True)

    assert errors_of(report) == {(5, "NIP"), (6, "KODE_UNIT"), (7, "NIP"), (8, "NIP_ATASAN")}
    assert "bukan tanggal lahir yang valid" in message(report, 5, "NIP")
    assert "tidak dikenal" in message(report, 6, "KODE_UNIT")
    assert "sudah ada di baris 3" in message(report, 7, "NIP")
    assert "tidak ada di berkas maupun di database" in message(report, 8, "NIP_ATASAN")
    assert [row.action for row in report.rows][:3] == [Action.CREATE] * 3
    assert not report.applied and not Employee.objects.exists()


def test_the_real_import_is_all_or_nothing(staff_rows, sheet_file, hr_user):
    rows = [*staff_rows, [staff_nip(7), "Golongan salah", "L", "III/z", "DINKES", "Kepala Dinas", "", "", ""]]

    report = run(sheet_file(rows), hr_user)

    assert not report.applied
    assert "tidak dikenal" in message(report, 5, "GOLONGAN")
    assert not Employee.objects.exists() and not Position.objects.exists()


def test_it_reports_a_supervisor_cycle_inside_the_file(unit, sheet_file, hr_user):
    rows = [
        STAFF_HEADERS,
        [staff_nip(1), "Satu", "L", "", "DINKES", "Analis", "Fungsional", "Ahli Muda", staff_nip(2)],
        [staff_nip(2), "Dua", "L", "", "DINKES", "Analis", "", "", staff_nip(1)],
        [staff_nip(3), "Diri sendiri", "L", "", "DINKES", "Analis", "", "", staff_nip(3)],
    ]

    report = run(sheet_file(rows), hr_user, dry_run=True)

    assert errors_of(report) == {(2, "NIP_ATASAN"), (3, "NIP_ATASAN"), (4, "NIP_ATASAN")}
    assert "bawahan" in message(report, 2, "NIP_ATASAN")
    assert "pegawai itu sendiri" in message(report, 4, "NIP_ATASAN")


def test_it_reports_a_cycle_closed_through_the_database(head, supervisor, employee, sheet_file, hr_user):
    rows = [STAFF_HEADERS, [head.nip, head.name, "L", "", "DINKES", "Kepala Dinas", "", "", employee.nip]]

    report = run(sheet_file(rows), hr_user, dry_run=True)

    assert errors_of(report) == {(2, "NIP_ATASAN")}


def test_it_accepts_codes_and_display_labels_for_choices(unit, sheet_file, hr_user):
    headers = [*STAFF_HEADERS, "JENIS_PEGAWAI", "STATUS"]
    rows = [
        headers,
        [
            staff_nip(1),
            "Label",
            "Laki-laki",
            "Penata (III/c)",
            "DINKES",
            "Analis",
            "Fungsional Tertentu",
            "Ahli Muda",
            "",
            "pns",
            "Tugas belajar",
        ],
        [staff_nip(2), "Kode", "l", "iii-c", "DINKES", "Analis", "FUNGSIONAL", "AHLI_MUDA", "", "PNS", "TUGAS_BELAJAR"],
    ]

    report = run(sheet_file(rows), hr_user)

    assert report.applied
    values = set(Employee.objects.values_list("gender", "rank", "employment_type", "status", "position__kind"))
    assert values == {("L", "III/c", "PNS", "TUGAS_BELAJAR", "FUNGSIONAL")}


def test_it_updates_only_what_changed_and_names_the_changed_columns(staff_rows, sheet_file, hr_user):
    run(sheet_file(staff_rows, name="awal"), hr_user)
    staff_rows[2][3] = "IV/a"
    staff_rows[2][8] = ""

    report = run(sheet_file(staff_rows, name="ubah"), hr_user)

    budi = Employee.objects.get(name="Budi")
    assert (budi.rank, budi.supervisor) == ("IV/a", None)
    assert [(row.action, row.changed) for row in report.rows] == [
        (Action.UNCHANGED, ()),
        (Action.UPDATE, ("GOLONGAN", "NIP_ATASAN")),
        (Action.UNCHANGED, ()),
    ]


def test_it_keeps_the_values_of_columns_the_file_does_not_have(employee, supervisor, sheet_file, hr_user):
    employee.email = "pegawai@contoh.go.id"
    employee.save()
    rows = [["nip", "Nama", "jenis kelamin", "Kode Unit", "Jabatan", "Kolom Lain"]]
    rows.append([employee.nip, "Nama Baru", "L", "DINKES", "Pengelola Data", "diabaikan"])

    report = run(sheet_file(rows), hr_user)

    employee.refresh_from_db()
    assert report.applied
    assert (employee.name, employee.email, employee.supervisor) == ("Nama Baru", "pegawai@contoh.go.id", supervisor)


def test_it_moves_an_employee_to_a_new_position_in_another_unit(employee, sheet_file, hr_user):
    other = UnitFactory(code="BKPSDM")
    rows = [
        STAFF_HEADERS,
        [employee.nip, employee.name, "L", "III/c", "BKPSDM", "Analis SDM", "Fungsional", "Ahli Pertama", ""],
    ]

    run(sheet_file(rows), hr_user)

    employee.refresh_from_db()
    assert (employee.unit, employee.position.unit, employee.position.name) == (other, other, "Analis SDM")


def test_it_needs_kind_and_level_to_create_a_position(unit, sheet_file, hr_user):
    rows = [STAFF_HEADERS, [staff_nip(1), "Satu", "L", "", "DINKES", "Jabatan Baru", "", "", ""]]

    report = run(sheet_file(rows), hr_user, dry_run=True)

    assert "isi JENIS_JABATAN dan JENJANG" in message(report, 2, "JABATAN")


def test_it_refuses_rows_that_disagree_about_a_position(unit, sheet_file, hr_user):
    rows = [
        STAFF_HEADERS,
        [staff_nip(1), "Satu", "L", "", "DINKES", "Analis", "Fungsional", "Ahli Muda", ""],
        [staff_nip(2), "Dua", "L", "", "DINKES", "analis", "Fungsional", "Ahli Madya", ""],
    ]

    report = run(sheet_file(rows), hr_user, dry_run=True)

    assert errors_of(report) == {(3, "JENJANG")}
    assert "baris 2" in message(report, 3, "JENJANG")


def test_it_refuses_a_nip_that_excel_stored_as_a_number(unit, sheet_file, hr_user):
    rows = [STAFF_HEADERS, [float(staff_nip(1)), "Satu", "L", "", "DINKES", "Analis", "Fungsional", "Ahli Muda", ""]]

    report = run(sheet_file(rows), hr_user, dry_run=True)

    assert "tersimpan sebagai angka" in message(report, 2, "NIP")


def test_it_checks_the_sex_digit_against_the_gender(unit, sheet_file, hr_user):
    rows = [STAFF_HEADERS, [staff_nip(1), "Satu", "P", "", "DINKES", "Analis", "Fungsional", "Ahli Muda", ""]]

    report = run(sheet_file(rows), hr_user, dry_run=True)

    assert message(report, 2, "NIP") == "Jenis kelamin tidak sesuai dengan angka ke-15 NIP."


def test_it_warns_about_an_unusual_nip_without_blocking(unit, sheet_file, hr_user):
    rows = [STAFF_HEADERS, [staff_nip(0), "Nol", "L", "", "DINKES", "Analis", "Fungsional", "Ahli Muda", ""]]

    report = run(sheet_file(rows), hr_user)

    assert report.applied
    assert [(issue.row, issue.column) for issue in report.warnings] == [(2, "NIP")]


def test_it_does_not_apply_pns_rules_to_a_pppk_number(unit, sheet_file, hr_user):
    pppk_number = "19900101" + "202121" + "1" + "001"  # appointment part is not checked for PPPK
    rows = [
        [*STAFF_HEADERS, "JENIS_PEGAWAI"],
        [pppk_number, "Satu", "L", "IX", "DINKES", "Analis", "Fungsional", "Ahli Pertama", "", "PPPK"],
        ["19900101" + "209913" + "1" + "002", "Dua", "L", "IX", "DINKES", "Analis", "", "", "", "PPPK"],
    ]

    report = run(sheet_file(rows), hr_user)

    assert report.applied
    assert Employee.objects.filter(employment_type="PPPK").count() == 2


def test_it_reports_model_field_rules_under_their_column(unit, sheet_file, hr_user):
    rows = [
        [*STAFF_HEADERS, "EMAIL"],
        [staff_nip(1), "Satu", "L", "", "DINKES", "Analis", "Fungsional", "Ahli Muda", "", "bukan-email"],
    ]

    report = run(sheet_file(rows), hr_user, dry_run=True)

    assert errors_of(report) == {(2, "EMAIL")}


@pytest.mark.parametrize("size", [50, 400])
def test_it_uses_a_fixed_number_of_queries_whatever_the_size(
    size, unit, sheet_file, hr_user, django_assert_max_num_queries
):
    EmployeeFactory.create_batch(5)
    boss = build_nip(birth_date=date(1975, 5, 5), appointment_year=2000, appointment_month=1, is_female=False, serial=1)
    rows = [STAFF_HEADERS]
    for serial in range(1, size + 1):
        nip = build_nip(
            birth_date=date(1985, 5, 5), appointment_year=2010, appointment_month=1, is_female=False, serial=serial
        )
        rows.append(
            [nip, f"P{serial}", "L", "III/a", "DINKES", f"Analis {serial % 7}", "Fungsional", "Ahli Muda", boss]
        )
    rows.append([boss, "Atasan", "L", "IV/a", "DINKES", "Kepala", "Struktural", "Administrator", ""])

    with django_assert_max_num_queries(16):
        report = run(sheet_file(rows), hr_user)

    assert report.applied
    assert Employee.objects.filter(supervisor__nip=boss).count() == size
