"""Units (upsert by code, parents anywhere in the file) and positions (upsert by unit and name)."""

from __future__ import annotations

from org.imports.report import Action
from org.imports.services import import_file
from org.models import Position, Unit
from tests.factories import PositionFactory, UnitFactory

UNIT_HEADERS = ["KODE_UNIT", "NAMA_UNIT", "JENIS_UNIT", "KODE_UNIT_INDUK", "AKTIF"]
POSITION_HEADERS = ["KODE_UNIT", "JABATAN", "JENIS_JABATAN", "JENJANG", "KEPALA_UNIT"]


def run(kind, path, user, *, dry_run: bool = False):
    return import_file(kind=kind, path=path, acting_user=user, dry_run=dry_run)


def issues_of(report) -> set[tuple[int, str]]:
    return {(issue.row, issue.column) for issue in report.errors}


def test_it_builds_the_unit_tree_with_parents_named_later(sheet_file, hr_user):
    rows = [
        UNIT_HEADERS,
        ["DINKES.1", "Bidang Pelayanan", "Bidang", "DINKES", ""],
        ["DINKES.1.1", "Seksi Rujukan", "seksi", "DINKES.1", "Tidak"],
        ["DINKES", "Dinas Kesehatan", "DINAS", "", "Ya"],
    ]

    report = run("unit", sheet_file(rows), hr_user)

    assert report.applied
    section = Unit.objects.select_related("parent__parent").get(code="DINKES.1.1")
    assert (section.kind, section.is_active, section.parent.parent.code) == ("SEKSI", False, "DINKES")


def test_a_second_unit_import_changes_nothing(sheet_file, hr_user):
    path = sheet_file([UNIT_HEADERS, ["B", "Bidang", "Bidang", "A", ""], ["A", "Dinas", "Dinas", "", ""]])
    run("unit", path, hr_user)
    before = list(Unit.objects.order_by("pk").values_list())

    report = run("unit", path, hr_user)

    assert report.changed == 0 and {row.action for row in report.rows} == {Action.UNCHANGED}
    assert list(Unit.objects.order_by("pk").values_list()) == before


def test_it_reports_unit_errors_per_row(sheet_file, hr_user):
    UnitFactory(code="LAMA", parent=UnitFactory(code="INDUK"))
    rows = [
        UNIT_HEADERS,
        ["A", "Satu", "Dinas", "B", ""],
        ["B", "Dua", "Dinas", "A", ""],
        ["A", "Ganda", "Dinas", "", ""],
        ["C", "Tiga", "Kantor", "", ""],
        ["D", "Empat", "Dinas", "TIDAKADA", "mungkin"],
        ["INDUK", "Induk", "Dinas", "LAMA", ""],
    ]

    report = run("unit", sheet_file(rows), hr_user)

    assert issues_of(report) == {
        (2, "KODE_UNIT_INDUK"),
        (3, "KODE_UNIT_INDUK"),
        (4, "KODE_UNIT"),
        (5, "JENIS_UNIT"),
        (6, "KODE_UNIT_INDUK"),
        (6, "AKTIF"),
        (7, "KODE_UNIT_INDUK"),
    }
    assert not report.applied and Unit.objects.count() == 2


def test_it_upserts_positions_by_unit_and_name_ignoring_case(sheet_file, hr_user):
    unit = UnitFactory(code="DINKES")
    analyst = PositionFactory(unit=unit, name="Analis Kebijakan", kind="FUNGSIONAL", level="AHLI_MUDA")
    rows = [
        POSITION_HEADERS,
        ["DINKES", "analis kebijakan", "Fungsional", "Ahli Madya", ""],
        ["DINKES", "Kepala Dinas", "Struktural", "JPT Pratama", "Ya"],
    ]

    report = run("jabatan", sheet_file(rows), hr_user)

    analyst.refresh_from_db()
    assert (analyst.level, analyst.name) == ("AHLI_MADYA", "Analis Kebijakan")
    assert Position.objects.get(name="Kepala Dinas").is_unit_head
    assert [(row.action, row.changed) for row in report.rows] == [(Action.UPDATE, ("JENJANG",)), (Action.CREATE, ())]
    assert run("jabatan", sheet_file(rows), hr_user).changed == 0


def test_it_keeps_one_head_per_unit(sheet_file, hr_user):
    unit = UnitFactory(code="DINKES")
    PositionFactory(unit=unit, name="Kepala Dinas", is_unit_head=True)
    rows = [
        POSITION_HEADERS,
        ["DINKES", "Sekretaris", "Struktural", "Administrator", "Ya"],
        ["X", "Analis", "Fungsional", "Ahli Muda", ""],
    ]

    report = run("jabatan", sheet_file(rows), hr_user)

    assert issues_of(report) == {(2, "KEPALA_UNIT"), (3, "KODE_UNIT")}
    assert "Kepala Dinas, Sekretaris" in report.errors[0].message


def test_it_moves_the_head_flag_within_one_file(sheet_file, hr_user):
    unit = UnitFactory(code="DINKES")
    old_head = PositionFactory(unit=unit, name="Kepala Dinas", is_unit_head=True)
    rows = [
        POSITION_HEADERS,
        ["DINKES", "Plt Kepala Dinas", "Struktural", "JPT Pratama", "Ya"],
        ["DINKES", "Kepala Dinas", "Struktural", "JPT Pratama", "Tidak"],
    ]

    report = run("jabatan", sheet_file(rows), hr_user)

    assert report.applied
    old_head.refresh_from_db()
    assert not old_head.is_unit_head
    assert Position.objects.get(is_unit_head=True).name == "Plt Kepala Dinas"
