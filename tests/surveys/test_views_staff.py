"""What HR and unit heads do on the staff pages: results, review, exports, QR, poster, kiosks, replies."""

from __future__ import annotations

import html
import re
import subprocess
from datetime import UTC, datetime
from io import BytesIO
from urllib.parse import parse_qs

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from surveys.clients import KIOSK_COOKIE
from surveys.models import Complaint, KioskDevice, Officer, Response, ResponseReview, Service
from tests.surveys.factories import ComplaintFactory, KioskDeviceFactory, ResponseFactory, ServiceFactory
from tests.surveys.test_ikm import WORKED_EXAMPLE


@pytest.fixture
def example(unit):
    """The worked example of domain.md §2.4, this year, plus one flagged burst response."""
    moment = timezone.now()
    for answers in WORKED_EXAMPLE:
        ResponseFactory.with_answers(answers, unit=unit, submitted_at=moment, gender="P", age=40)
    return ResponseFactory.with_answers([1] * 9, unit=unit, submitted_at=moment, suspicious_reason="Lonjakan")


def test_the_results_page_shows_index_grade_priorities_and_sample(client, hr_user, unit, example):
    client.force_login(hr_user)
    ResponseFactory.with_answers([1] * 9, unit=unit, submitted_at=datetime(2020, 1, 1, tzinfo=UTC))
    response = client.get(reverse("surveys:result-detail", args=[unit.code]), {"population": "100"})
    html = response.content.decode()
    assert response.context["result"].responses == 4
    assert "Sampel minimum: 80" in html
    assert "U3" in response.context["chart"]["elements"]["priorities"]
    assert "Cara menghitung" in html


def test_excluding_the_burst_brings_the_example_back_to_83_33(client, hr_user, unit, example):
    client.force_login(hr_user)
    client.post(reverse("surveys:response-exclude", args=[example.pk]), {"reason": "Lonjakan satu perangkat"})
    response = client.get(reverse("surveys:result-detail", args=[unit.code]))
    result = response.context["result"]
    assert (str(result.score), result.grade.letter, result.excluded) == ("83.33", "B", 1)
    assert "83.33" in response.content.decode()


def test_an_exclusion_needs_a_reason(client, hr_user, unit, example):
    client.force_login(hr_user)
    client.post(reverse("surveys:response-exclude", args=[example.pk]), {"reason": ""})
    example.refresh_from_db()
    assert example.excluded_at is None


def test_hr_excludes_a_ticked_burst_at_once(client, hr_user, unit, example):
    client.force_login(hr_user)
    second = ResponseFactory(unit=unit, suspicious_reason="Lonjakan")
    url = reverse("surveys:response-exclude-many", args=[unit.code])
    response = client.post(url, {"ids": [example.pk, second.pk], "reason": "Lonjakan", "query": "tampil=dicurigai"})
    assert response["Location"].endswith("?tampil=dicurigai")
    assert Response.objects.filter(excluded_at__isnull=False).count() == 2
    assert ResponseReview.objects.count() == 2


def test_only_hr_excludes_a_burst_at_once(client, unit_head, unit, example):
    client.force_login(unit_head.user)
    url = reverse("surveys:response-exclude-many", args=[unit.code])
    assert client.post(url, {"ids": [example.pk], "reason": "x"}).status_code == 403


def test_the_review_list_filters_flagged_responses(client, hr_user, unit, example):
    client.force_login(hr_user)
    page = client.get(reverse("surveys:response-list", args=[unit.code]))
    assert [r.pk for r in page.context["page"].object_list] == [example.pk]
    everything = client.get(reverse("surveys:response-list", args=[unit.code]), {"tampil": "semua"})
    assert everything.context["page"].paginator.count == 4


def test_the_overview_compares_units_for_a_quarter(client, hr_user, unit, other_unit, example):
    client.force_login(hr_user)
    quarter = (timezone.localdate().month - 1) // 3 + 1
    response = client.get(reverse("surveys:result-index"), {"year": timezone.localdate().year, "quarter": quarter})
    rows = dict(response.context["rows"])
    assert rows[unit].responses == 4 and rows[other_unit].responses == 0
    assert response.context["rows_chart"]["labels"] == [unit.name, other_unit.name]


def test_the_report_export_is_a_workbook_with_the_figures(client, hr_user, unit, example):
    client.force_login(hr_user)
    example.delete()
    response = client.get(reverse("surveys:result-export-report", args=[unit.code]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(BytesIO(response.content))
    summary = {row[0]: row[1] for row in book["Ringkasan"].iter_rows(values_only=True)}
    assert summary["IKM (skala 25–100)"] == 83.33  # a number in the sheet, not text
    assert summary["Mutu pelayanan"] == "B (Baik)"
    assert {"Unsur", "Per layanan", "Per petugas", "Per bulan", "Profil responden"} <= set(book.sheetnames)


def test_the_raw_export_has_one_row_per_response_and_no_address(client, hr_user, unit, example):
    client.force_login(hr_user)
    response = client.get(reverse("surveys:result-export-responses", args=[unit.code]))
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 5
    assert rows[0][5:14] == ("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9")
    assert not any("hash" in str(cell).lower() for cell in rows[0])


@pytest.mark.parametrize(
    ("fmt", "content_type", "magic"), [("svg", "image/svg+xml", b"<svg"), ("png", "image/png", b"\x89PNG")]
)
def test_the_qr_code_comes_as_svg_or_png(client, hr_user, unit, fmt, content_type, magic):
    client.force_login(hr_user)
    service = ServiceFactory(unit=unit)
    response = client.get(reverse("surveys:qr-image", args=[unit.code, fmt]), {"layanan": service.slug, "unduh": "1"})
    assert response["Content-Type"] == content_type
    assert magic in response.content[:200]
    assert "attachment" in response["Content-Disposition"]


def test_an_unknown_qr_format_is_404(client, hr_user, unit):
    client.force_login(hr_user)
    assert client.get(reverse("surveys:qr-image", args=[unit.code, "gif"])).status_code == 404


def test_the_poster_is_an_a4_pdf(client, hr_user, unit):
    client.force_login(hr_user)
    response = client.get(reverse("surveys:poster", args=[unit.code]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", "-"], input=response.content, capture_output=True, check=True).stdout.decode()
    assert "Pages:           1" in info
    assert "(A4)" in info


def test_a_unit_head_adds_and_renames_a_service_but_not_its_slug(client, unit_head, unit):
    client.force_login(unit_head.user)
    client.post(reverse("surveys:service-create", args=[unit.code]), {"name": "Izin Usaha", "description": ""})
    service = Service.objects.get()
    assert service.slug == "izin-usaha"
    url = reverse("surveys:service-update", args=[service.pk])
    client.post(url, {"name": "Izin Usaha (NIB)", "slug": "lain", "description": "", "is_active": ""})
    service.refresh_from_db()
    assert (service.name, service.slug, service.is_active) == ("Izin Usaha (NIB)", "izin-usaha", False)


def test_a_reserved_slug_is_refused(client, unit_head, unit):
    client.force_login(unit_head.user)
    response = client.post(reverse("surveys:service-create", args=[unit.code]), {"name": "x", "slug": "aduan"})
    assert response.status_code == 400
    assert not Service.objects.exists()


def test_an_officer_link_is_issued_only_for_the_units_employees(client, unit_head, unit, employee, outsider):
    client.force_login(unit_head.user)
    client.post(reverse("surveys:officer-issue", args=[unit.code, employee.pk]))
    assert Officer.objects.get().employee == employee
    assert client.post(reverse("surveys:officer-issue", args=[unit.code, outsider.pk])).status_code == 404


def test_a_kiosk_is_registered_activated_once_and_revoked(client, unit_head, unit):
    client.force_login(unit_head.user)
    client.post(reverse("surveys:kiosk-create", args=[unit.code]), {"name": "Tablet loket 1"})
    kiosk = KioskDevice.objects.get()
    assert kiosk.created_by == unit_head.user
    tablet = client.__class__()
    activate = reverse("surveys:kiosk-activate", args=[kiosk.secret])
    assert tablet.get(activate).status_code == 200
    response = tablet.post(activate)
    assert response["Location"] == reverse("surveys:survey-form", args=[unit.code]) + "?kiosk=1"
    assert KIOSK_COOKIE in response.cookies and response.cookies[KIOSK_COOKIE]["max-age"] > 3600 * 24 * 365
    assert client.__class__().post(activate).status_code == 400
    client.post(reverse("surveys:kiosk-revoke", args=[kiosk.pk]))
    kiosk.refresh_from_db()
    assert kiosk.revoked_at is not None


def test_an_unknown_kiosk_secret_is_404(client):
    assert client.get(reverse("surveys:kiosk-activate", args=["tidak-ada"])).status_code == 404


def test_the_answering_head_replies_and_the_citizen_sees_it(client, unit_head, unit):
    complaint = ComplaintFactory(unit=unit)
    client.force_login(unit_head.user)
    client.post(
        reverse("surveys:complaint-reply", args=[complaint.pk]), {"body": "Sudah kami perbaiki.", "resolves": "on"}
    )
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.RESOLVED
    status = client.__class__().get(reverse("surveys:complaint-status", args=[complaint.reference]))
    assert "Sudah kami perbaiki." in status.content.decode()


def test_an_empty_reply_is_refused(client, unit_head, unit):
    complaint = ComplaintFactory(unit=unit)
    client.force_login(unit_head.user)
    assert client.post(reverse("surveys:complaint-reply", args=[complaint.pk]), {"body": ""}).status_code == 400
    complaint.refresh_from_db()
    assert complaint.first_response_at is None


def test_the_complaint_list_filters_by_status(client, hr_user, unit):
    ComplaintFactory(unit=unit)
    ComplaintFactory(
        unit=unit, status=Complaint.Status.RESOLVED, first_response_at=timezone.now(), resolved_at=timezone.now()
    )
    client.force_login(hr_user)
    response = client.get(reverse("surveys:complaint-list"), {"status": "SELESAI"})
    assert response.context["page"].paginator.count == 1


def test_a_kiosk_registered_elsewhere_is_listed_on_its_unit(client, hr_user, unit, other_unit):
    KioskDeviceFactory(unit=other_unit, created_by=hr_user, name="Tablet Disduk")
    client.force_login(hr_user)
    assert "Tablet Disduk" not in client.get(reverse("surveys:unit-setup", args=[unit.code])).content.decode()


def test_a_subunit_heads_breadcrumb_leads_only_to_pages_they_may_open(client, subunit_head, subunit, unit):
    client.force_login(subunit_head.user)
    page = client.get(reverse("surveys:result-detail", args=[subunit.code]))
    crumbs = page.content.decode().split('aria-label="breadcrumb"')[1].split("</nav>")[0]
    assert unit.name in crumbs  # the OPD is still named
    links = re.findall(r'href="([^"]+)"', crumbs)
    assert reverse("surveys:result-detail", args=[unit.code]) not in "".join(links)
    assert [client.get(link.replace("&amp;", "&")).status_code for link in links] == [200] * len(links)


def test_hr_gets_the_link_to_the_opd_above(client, hr_user, subunit, unit):
    client.force_login(hr_user)
    html = client.get(reverse("surveys:result-detail", args=[subunit.code])).content.decode()
    assert f'href="{reverse("surveys:result-detail", args=[unit.code])}"' in html


def test_the_review_list_keeps_its_filters_in_page_and_tab_links(client, monkeypatch, hr_user, unit, example):
    monkeypatch.setattr("surveys.views.results.RESPONSES_PER_PAGE", 1)
    client.force_login(hr_user)
    url = reverse("surveys:response-list", args=[unit.code])
    year = timezone.localdate().year
    first = client.get(url, {"tampil": "semua", "year": year})
    assert f"?tampil=semua&amp;year={year}&amp;page=2" in first.content.decode()
    second = client.get(url, {"tampil": "semua", "year": year, "page": 2})
    assert second.context["page"].number == 2
    tabs = re.findall(r'class="nav-link[^"]*" href="\?([^"]*)"', second.content.decode())
    assert {"year": [str(year)], "tampil": ["dicurigai"]} in [parse_qs(html.unescape(tab)) for tab in tabs]
    assert all("page=" not in tab for tab in tabs)  # a tab starts at page 1
