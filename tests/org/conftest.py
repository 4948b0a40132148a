"""Fixtures for the import/export tests: spreadsheet files written on the fly, and a private media root."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from org.nip import build_nip

STAFF_HEADERS = [
    "NIP",
    "NAMA",
    "JENIS_KELAMIN",
    "GOLONGAN",
    "KODE_UNIT",
    "JABATAN",
    "JENIS_JABATAN",
    "JENJANG",
    "NIP_ATASAN",
]


def staff_nip(serial: int, *, is_female: bool = False) -> str:
    return build_nip(
        birth_date=date(1980, 1, 1), appointment_year=2005, appointment_month=3, is_female=is_female, serial=serial
    )


@pytest.fixture
def import_media(settings, tmp_path) -> Path:
    """Uploads waiting for confirmation go under a throw-away PRIVATE_MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def sheet_file(tmp_path):
    """Write rows (the first is the header) to an .xlsx or .csv file and return its path."""

    def write(rows: list[list[object]], *, ext: str = "xlsx", name: str = "berkas", delimiter: str = ",") -> Path:
        path = tmp_path / f"{name}.{ext}"
        if ext == "xlsx":
            workbook = Workbook()
            for row in rows:
                workbook.active.append(row)
            workbook.save(path)
        else:
            with path.open("w", newline="", encoding="utf-8") as handle:
                csv.writer(handle, delimiter=delimiter).writerows(rows)
        return path

    return write


@pytest.fixture
def staff_rows(unit) -> list[list[object]]:
    """A header and a three-level chain in the unit DINKES, each subordinate before their supervisor."""
    return [
        STAFF_HEADERS,
        [
            staff_nip(3, is_female=True),
            "Citra",
            "P",
            "III/a",
            "DINKES",
            "Pengelola Data",
            "Pelaksana",
            "Pelaksana",
            staff_nip(2),
        ],
        [
            staff_nip(2),
            "Budi",
            "L",
            "III/d",
            "DINKES",
            "Kepala Bidang",
            "Struktural",
            "Administrator",
            staff_nip(1, is_female=True),
        ],
        [staff_nip(1, is_female=True), "Ani", "P", "IV/b", "DINKES", "Kepala Dinas", "Struktural", "JPT Pratama", ""],
    ]
