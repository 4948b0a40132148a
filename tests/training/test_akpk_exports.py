"""The AKPK files: the workbook read back (content, and no cell a formula) and the leadership's PDF."""

from __future__ import annotations

import io
import subprocess

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.training.akpk_example import EKO_NAME, build

HEADER_ROW = 5  # title, period, scope, a blank row, then the form's columns


@pytest.fixture
def example(db):
    return build()


def _workbook(client, user, **params):
    client.force_login(user)
    response = client.get(reverse("training:akpk-export"), params)
    assert response.status_code == 200
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def _rows(sheet) -> list[tuple]:
    return [row for row in sheet.iter_rows(min_row=HEADER_ROW, values_only=True) if any(v is not None for v in row)]


def test_the_workbook_has_the_akpk_form_at_every_level(client, hr_user, example):
    book = _workbook(client, hr_user)
    assert book.sheetnames == ["Individu", "Jabatan", "Unit kerja", "Organisasi"]
    individual = book["Individu"]
    assert individual["A2"].value == "Periode" and individual["B2"].value == 2026
    assert individual["B3"].value == "Semua unit kerja; semua jenis jabatan"
    header, *rows = _rows(individual)
    assert header == (
        "No",
        "Nama",
        "NIP",
        "Jabatan",
        "Unit kerja",
        "Kompetensi",
        "Level saat ini",
        "Level dibutuhkan",
        "Kesenjangan",
        "Prioritas",
        "Dasar kebutuhan",
        "Bentuk pengembangan yang diusulkan",
        "JP",
    )
    ani = example.employees["Ani"]
    assert rows[0] == (
        1,
        "Ani",
        ani.nip,
        "Analis Kesehatan",
        "Dinas Kesehatan",
        "M.03 Komunikasi",
        1,
        3,
        2,
        2,
        "Kesenjangan kompetensi",
        "Pelatihan klasikal: Pelayanan Prima (PB)",
        24,
    )
    assert [(row[1], row[5][:8], row[9]) for row in rows] == [
        ("Ani", "M.03 Kom", 2),
        ("Ani", "T.KES.01", 2),
        ("Budi", "T.KES.01", 6),
        ("Citra", "M.05 Pel", 1),
        ("Dedi", "M.05 Pel", 2),
        ("Dedi", "M.03 Kom", 1),
        (EKO_NAME, "M.03 Kom", 2),
    ]
    organisation = _rows(book["Organisasi"])
    assert organisation[1:4] == [
        (1, "M.03 Komunikasi", "Manajerial", 3, 3, 5),
        (2, "T.KES.01 Pelayanan Kesehatan Dasar", "Teknis", 2, 2, 8),
        (3, "M.05 Pelayanan Publik", "Manajerial", 2, 2, 3),
    ]
    assert organisation[-1] == ("Jumlah", None, None, 7, 5, 16)
    assert _rows(book["Unit kerja"])[1:] == [
        (
            1,
            "Dinas Kesehatan",
            6,
            4,
            14,
            _top("T.KES.01 Pelayanan Kesehatan Dasar", "M.03 Komunikasi", "M.05 Pelayanan Publik"),
        ),
        (2, "  Bidang Pelayanan", 3, 2, 4, _top("M.05 Pelayanan Publik", "M.03 Komunikasi", counts=(2, 1))),
        (3, "Dinas Pendidikan", 1, 1, 2, _top("M.03 Komunikasi", counts=(1,))),
    ]
    assert _rows(book["Jabatan"])[1][:8] == (
        1,
        "Analis Kesehatan",
        "Dinas Kesehatan",
        "T.KES.01 Pelayanan Kesehatan Dasar",
        3,
        2,
        2,
        2,
    )


def _top(*labels: str, counts: tuple[int, ...] = (2, 2, 2)) -> str:
    return "; ".join(f"{label} ({count})" for label, count in zip(labels, counts, strict=True))


def test_no_cell_of_the_workbook_is_a_formula(client, hr_user, example):
    book = _workbook(client, hr_user)
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert cells
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    eko = next(cell for cell in book["Individu"]["B"] if cell.value == EKO_NAME)
    assert eko.data_type == "s" and eko.quotePrefix  # kept as typed, shown as text


def test_the_workbook_follows_the_filters(client, hr_user, example):
    book = _workbook(client, hr_user, unit=example.pelayanan.pk, jenis="PELAKSANA")
    assert book["Individu"]["B3"].value == "Bidang Pelayanan beserta sub-unit; Pelaksana"
    assert [row[1] for row in _rows(book["Individu"])[1:]] == ["Citra", "Dedi", "Dedi"]


def _pdf_text(content: bytes) -> str:
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


def test_the_summary_pdf_has_the_totals_and_the_plan(client, hr_user, example):
    client.force_login(hr_user)
    response = client.get(reverse("training:akpk-summary"), {"anggaran": "60"})
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = _pdf_text(response.content)
    assert "RINGKASAN ANALISIS KEBUTUHAN PENGEMBANGAN KOMPETENSI (AKPK)" in text
    assert "Periode 2026" in text
    assert "Pegawai dalam cakupan 6" in text
    assert "Pegawai dengan kebutuhan 5" in text
    assert "Jumlah kebutuhan 7" in text
    assert "Jumlah prioritas 16" in text
    assert "1 M.03 Komunikasi Manajerial 3 3 5" in text
    assert "Dinas Kesehatan 6 4 14" in text
    assert "dalam anggaran 60 JP" in text
    assert "2 program menutup 5 dari 7 kebutuhan dengan 56 JP peserta." in text


def test_a_unit_heads_summary_covers_their_unit(client, example):
    client.force_login(example.head.user)
    text = _pdf_text(client.get(reverse("training:akpk-summary")).content)
    assert "Dinas Kesehatan beserta sub-unit; semua jenis jabatan" in text
    assert "Jumlah kebutuhan 6" in text
    assert "Dinas Pendidikan" not in text
