"""Employee files of any size (the large-import tests and ``bench/imports.py``): one head per unit first,
then staff reporting to their unit's head; every NIP valid and distinct."""

from __future__ import annotations

from datetime import date, timedelta

from org.nip import build_nip

HEADERS = ["NIP", "NAMA", "JENIS_KELAMIN", "GOLONGAN", "KODE_UNIT", "JABATAN", "JENIS_JABATAN", "JENJANG"]
HEADERS += ["NIP_ATASAN", "EMAIL"]
SERIALS = 900  # serials per birth date


def bulk_nip(index: int) -> str:
    return build_nip(
        birth_date=date(1970, 1, 1) + timedelta(days=index // SERIALS),
        appointment_year=2000,
        appointment_month=1,
        is_female=index % 2 == 1,
        serial=index % SERIALS + 1,
    )


def bulk_staff_rows(count: int, unit_codes: list[str]) -> list[list[object]]:
    """A header and ``count`` employees spread over the units."""
    heads = len(unit_codes)
    rows: list[list[object]] = [HEADERS]
    for index in range(count):
        code = unit_codes[index % heads]
        if index < heads:
            job, supervisor = ["Kepala Bidang", "Struktural", "Administrator"], ""
        else:
            job, supervisor = ["Pengelola Data", "Pelaksana", "Pelaksana"], bulk_nip(index % heads)
        sex = "P" if index % 2 else "L"
        rows.append(
            [bulk_nip(index), f"Pegawai {index}", sex, "III/a", code, *job, supervisor, f"p{index}@contoh.go.id"]
        )
    return rows
