"""The employee's own trend, and the dashboard's XLSX (data, never formulas) and one-page PDF."""

from __future__ import annotations

import io
import re

from django.template.loader import render_to_string
from django.urls import reverse
from openpyxl import load_workbook
from weasyprint import HTML

from appraisal.documents import pdf_response
from leaders.dashboard import reports
from tests.conftest import login


def test_an_employee_sees_their_score_and_predikat_per_period(client, scores, head):
    content = login(client, head.user).get(reverse("leaders:my-trend")).content.decode()
    rows = re.findall(r'data-testid="trend-(\d{4})">(.*?)</tr>', content, re.S)
    assert [year for year, _row in rows] == ["2025", "2026"]
    assert "60,00" in rows[0][1] and "Baik" in rows[0][1]
    assert "80,00" in rows[1][1] and "+20,00" in rows[1][1]


def test_an_employee_without_scores_gets_an_empty_state(client, employee):
    response = login(client, employee.user).get(reverse("leaders:my-trend"))
    assert response.status_code == 200
    assert "Belum ada skor." in response.content.decode()


def test_the_workbook_holds_the_tables_as_data(client, hr_user, scores, unit):
    unit.name = '=HYPERLINK("http://contoh")'  # a hostile name stays text
    unit.save(update_fields=["name"])
    response = login(client, hr_user).get(reverse("leaders:dashboard-xlsx"), {"periode": scores.period.pk})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames == ["Belum lengkap", "Distribusi predikat", "Skor dan IKM", "Kebutuhan pelatihan"]
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    summary = {row[0]: row[1] for row in book["Belum lengkap"].iter_rows(min_row=6, values_only=True)}
    assert summary["Keberatan menunggu putusan"] == 1
    assert summary["Pengaduan lewat batas tanggapan"] == 3
    distribution = list(book["Distribusi predikat"].iter_rows(min_row=6, values_only=True))
    dinkes = next(row for row in distribution if row[0] == unit.name)
    assert dinkes[1:7] == (1, 1, 0, 0, 0, 2)
    assert dinkes[8] == "Melampaui pola"
    ikm = next(row for row in book["Skor dan IKM"].iter_rows(min_row=6, values_only=True) if row[0] == unit.name)
    assert ikm[1:] == (60, 80, 80, 83.33)


def test_the_pdf_summary_renders_on_one_page_in_indonesian(client, hr_user, scores, monkeypatch):
    """The page count comes from WeasyPrint's layout of the very HTML the response was made from."""
    rendered = []

    def recording(template, context, filename):
        rendered.append(render_to_string(template, context))
        return pdf_response(template, context, filename)

    monkeypatch.setattr(reports, "pdf_response", recording)
    client.cookies["django_language"] = "en"
    response = login(client, hr_user).get(reverse("leaders:dashboard-pdf"), {"periode": scores.period.pk})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    (html,) = rendered
    assert "RINGKASAN KINERJA PEGAWAI" in html and "Pengaduan diterima" in html
    assert "Dinas Kesehatan" in html and "83,33" in html
    assert "Unit yang melampaui pola distribusi: Dinas Kesehatan (Baik)." in " ".join(html.split())
    assert len(HTML(string=html).render().pages) == 1


def test_a_unit_head_exports_their_subtree_only(client, head, scores):
    response = login(client, head.user).get(reverse("leaders:dashboard-xlsx"))
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    units = [row[0] for row in book["Distribusi predikat"].iter_rows(min_row=6, max_row=7, values_only=True)]
    assert units == ["Dinas Kesehatan", "Bidang P2P"]
    cells = [value for sheet in book for row in sheet.iter_rows(values_only=True) for value in row]
    assert "Dinas Pendidikan" not in cells


def test_exports_refuse_bad_filters(client, hr_user, world):
    login(client, hr_user)
    for name in ("leaders:dashboard-xlsx", "leaders:dashboard-pdf"):
        assert client.get(reverse(name), {"unit": "abc"}).status_code == 404
