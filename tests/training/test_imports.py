"""Importing technical competencies and position standards: dry run, row errors, all or nothing."""

from __future__ import annotations

import pytest

from org.imports.report import Action
from org.imports.services import import_file
from tests.factories import PositionFactory, UnitFactory
from tests.training.factories import CompetencyFactory, PositionStandardFactory
from training.models import Competency, CompetencyLevel, PositionStandard

pytestmark = pytest.mark.django_db

COMPETENCY_HEADERS = ["KODE", "NAMA", "DESKRIPSI", "LEVEL_1", "LEVEL_2", "LEVEL_3", "LEVEL_4", "LEVEL_5"]
STANDARD_HEADERS = ["KODE_UNIT", "JABATAN", "KODE_KOMPETENSI", "LEVEL", "KEKRITISAN"]


def levels(prefix: str) -> list[str]:
    return [f"{prefix} {n}a\n{prefix} {n}b" for n in range(1, 6)]


def run(sheet_file, hr_user, kind: str, rows: list[list[object]], *, dry_run: bool = False):
    return import_file(kind=kind, path=sheet_file(rows), acting_user=hr_user, dry_run=dry_run)


def errors(report) -> dict[tuple[int, str], str]:
    return {(issue.row, issue.column): issue.message for issue in report.errors}


@pytest.fixture
def dukcapil(db):
    unit = UnitFactory(code="DUKCAPIL", name="Dinas Kependudukan")
    return PositionFactory(unit=unit, name="Pengadministrasi Perkantoran", kind="PELAKSANA", level="PELAKSANA")


def test_it_imports_technical_competencies_with_their_five_levels(sheet_file, hr_user):
    rows = [COMPETENCY_HEADERS, ["T.ADM.01", "Administrasi Kependudukan", "Layanan adminduk", *levels("Adm")]]

    report = run(sheet_file, hr_user, "kompetensi", rows)

    assert report.applied and not report.errors
    competency = Competency.objects.get(code="T.ADM.01")
    assert competency.kind == Competency.Kind.TECHNICAL
    assert CompetencyLevel.objects.get(competency=competency, level=3).indicator_list() == ["Adm 3a", "Adm 3b"]
    assert [(c.label, c.created) for c in report.counts] == [("kompetensi", 1), ("level kompetensi", 5)]


def test_it_updates_changed_indicators_and_leaves_a_reimport_unchanged(sheet_file, hr_user):
    rows = [COMPETENCY_HEADERS, ["T.ADM.01", "Administrasi Kependudukan", "", *levels("Adm")]]
    run(sheet_file, hr_user, "kompetensi", rows)

    assert run(sheet_file, hr_user, "kompetensi", rows).changed == 0
    rows[1][5] = "Baru"
    report = run(sheet_file, hr_user, "kompetensi", rows)

    assert [(c.label, c.updated) for c in report.counts] == [("kompetensi", 0), ("level kompetensi", 1)]
    assert [(row.action, row.changed) for row in report.rows] == [(Action.UPDATE, ("LEVEL_3",))]
    assert CompetencyLevel.objects.get(competency__code="T.ADM.01", level=3).indicators == "Baru"


def test_it_reports_bad_competency_rows_in_indonesian_and_writes_nothing(sheet_file, hr_user):
    rows = [
        COMPETENCY_HEADERS,
        ["T.GOOD.01", "Baik", "", *levels("G")],
        ["M.05", "Pelayanan Publik", "", *levels("M")],
        ["T.BLANK.01", "Kosong", "", *levels("B")[:4], ""],
        ["T.GOOD.01", "Ulang", "", *levels("U")],
        ["T." + "X" * 30, "Panjang", "", *levels("P")],
    ]

    report = run(sheet_file, hr_user, "kompetensi", rows)

    found = errors(report)
    assert "kompetensi manajerial bawaan" in found[(3, "KODE")]
    assert found[(4, "LEVEL_5")] == "Wajib diisi."
    assert "sudah ada di baris 2" in found[(5, "KODE")]
    assert (6, "KODE") in found
    assert not report.applied
    assert not Competency.objects.filter(code__startswith="T.").exists()
    assert Competency.objects.get(code="M.05").kind == Competency.Kind.MANAGERIAL


def test_it_checks_a_competency_file_in_a_dry_run_without_writing(sheet_file, hr_user):
    rows = [COMPETENCY_HEADERS, ["T.ADM.01", "Administrasi Kependudukan", "", *levels("Adm")]]

    report = run(sheet_file, hr_user, "kompetensi", rows, dry_run=True)

    assert not report.errors and not report.applied and report.changed == 6
    assert not Competency.objects.filter(code="T.ADM.01").exists()


def test_it_imports_position_standards_by_unit_position_and_competency(sheet_file, hr_user, dukcapil):
    technical = CompetencyFactory(code="T.ADM.01")
    PositionStandardFactory(position=dukcapil, competency=Competency.objects.get(code="M.03"), required_level=2)
    rows = [
        STANDARD_HEADERS,
        ["DUKCAPIL", "pengadministrasi perkantoran", "T.ADM.01", 3, 2],
        ["DUKCAPIL", "Pengadministrasi Perkantoran", "M.03", "3", ""],
    ]

    report = run(sheet_file, hr_user, "standar", rows)

    assert report.applied and not report.errors
    standards = {s.competency.code: (s.required_level, s.criticality) for s in dukcapil.competency_standards.all()}
    assert standards == {"T.ADM.01": (3, 2), "M.03": (3, 1)}
    assert [(c.created, c.updated) for c in report.counts] == [(1, 1)]
    assert technical.position_standards.count() == 1


def test_it_reports_bad_standard_rows_in_indonesian_and_writes_nothing(sheet_file, hr_user, dukcapil):
    rows = [
        STANDARD_HEADERS,
        ["DUKCAPIL", "Pengadministrasi Perkantoran", "M.01", 3, 1],
        ["NOWHERE", "Pengadministrasi Perkantoran", "M.02", 2, 1],
        ["DUKCAPIL", "Juru Masak", "M.03", 2, 1],
        ["DUKCAPIL", "Pengadministrasi Perkantoran", "T.NONE", 2, 1],
        ["DUKCAPIL", "Pengadministrasi Perkantoran", "M.04", 6, 1],
        ["DUKCAPIL", "Pengadministrasi Perkantoran", "M.05", "tiga", 1],
        ["DUKCAPIL", "Pengadministrasi Perkantoran", "M.06", 2, 0],
        ["DUKCAPIL", "PENGADMINISTRASI PERKANTORAN", "M.01", 2, 1],
    ]

    report = run(sheet_file, hr_user, "standar", rows)

    found = errors(report)
    assert "Kode unit “NOWHERE” tidak dikenal" in found[(3, "KODE_UNIT")]
    assert "Jabatan “Juru Masak” tidak ada di unit DUKCAPIL" in found[(4, "JABATAN")]
    assert "Kode kompetensi “T.NONE” tidak dikenal" in found[(5, "KODE_KOMPETENSI")]
    assert found[(6, "LEVEL")] == "Level “6” tidak sah; isi angka bulat 1 sampai 5."
    assert found[(7, "LEVEL")] == "Level “tiga” tidak sah; isi angka bulat 1 sampai 5."
    assert found[(8, "KEKRITISAN")] == "“0” bukan angka bulat positif."
    assert "sudah ada di baris 2" in found[(9, "KODE_KOMPETENSI")]
    assert (2, "KODE_KOMPETENSI") not in found
    assert not report.applied
    assert not PositionStandard.objects.exists()


def test_it_reports_a_missing_column_for_the_whole_file(sheet_file, hr_user, dukcapil):
    report = run(sheet_file, hr_user, "standar", [["KODE_UNIT", "JABATAN", "LEVEL"], ["DUKCAPIL", "X", 1]])

    assert errors(report) == {(1, "KODE_KOMPETENSI"): "Kolom wajib KODE_KOMPETENSI tidak ada di baris judul."}
    assert not PositionStandard.objects.exists()
