"""Fixtures for the org tests: the employee file of a three-level chain (files: ``tests/conftest.py``), and a
private directory server for the directory login."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from org.nip import build_nip
from tests.org.directory_server import DirectoryServer

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


@pytest.fixture(scope="session")
def directory_server(tmp_path_factory) -> Iterator[DirectoryServer]:
    """A private slapd with the people of ``tests.org.directory_server``, for the whole session."""
    server = DirectoryServer(tmp_path_factory.mktemp("slapd"))
    server.start()
    yield server
    server.stop()
