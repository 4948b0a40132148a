"""Both lists as XLSX: the page's filters, the evidence in words, and never a formula."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from org.models import Employee
from tests.conftest import login
from tests.core.spreadsheets import HOSTILE, assert_written_as_text

URL = reverse("leaders:recognition-export")


def content(response) -> bytes:
    return b"".join(response.streaming_content)


def rows(data: bytes) -> list[tuple]:
    return list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))


def test_the_top_performers_sheet_has_ranks_scores_and_reasons(client, dataset, hr_user):
    response = login(client, hr_user).get(URL, {"daftar": "terbaik", "unit": dataset.people["andi"].unit.parent_id})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'pegawai-terbaik-{dataset.period.year}.xlsx"')
    sheet = rows(content(response))
    assert sheet[0][0] == "Pegawai berkinerja terbaik"
    assert sheet[2][1] == "Dinas Kesehatan beserta sub-unit; semua jenis jabatan"
    body = sheet[5:]
    assert [(row[0], row[1], row[6], row[7]) for row in body] == [
        (1, "Andi", 95, "Sangat Baik"),
        (2, "Budi", 92, "Baik"),
        (2, "Citra", 92, "Baik"),
    ]
    assert "Masuk karena nilainya sama dengan batas kuota 2 orang" in body[2][9]


def test_the_coaching_sheet_names_each_condition(client, dataset, hr_user):
    response = login(client, hr_user).get(URL, {"daftar": "pembinaan", "jenis": "FUNGSIONAL"})
    body = rows(content(response))[5:]
    assert [(row[1], row[5], row[6], row[10]) for row in body] == [("Gita", "Baik", 69.99, "Belum ada rencana")]
    assert body[0][8].startswith("R (capaian hasil kerja) 69,99, di bawah 70,00")


@pytest.mark.parametrize("which", ["terbaik", "pembinaan"])
def test_a_name_that_looks_like_a_formula_stays_text(client, dataset, hr_user, which):
    who = "andi" if which == "terbaik" else "dewi"
    Employee.objects.filter(pk=dataset.people[who].pk).update(name=HOSTILE)
    response = login(client, hr_user).get(URL, {"daftar": which})
    assert_written_as_text(content(response))


def test_a_unit_head_exports_only_their_scope(client, dataset, head):
    login(client, head.user)
    assert client.get(URL, {"unit": dataset.other_unit.pk}).status_code == 404
    names = [row[1] for row in rows(content(client.get(URL)))[5:]]
    assert names == ["Andi", "Budi", "Citra"]
