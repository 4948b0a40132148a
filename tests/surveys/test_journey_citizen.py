"""A citizen's journey in a real browser (Debian's Chromium), on a phone: scan the counter's QR code,
answer the survey, file a complaint, and come back to it by typing its number.

Screenshots land in ``tests/artifacts/`` (git-ignored), for a person to look at.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from surveys import qr
from surveys.models import Complaint, QrScanDay, Response
from tests.surveys.factories import ServiceFactory

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
PHONE = {"width": 390, "height": 844}
ANSWERS = [4, 3, 4, 2, 4, 3, 4, 4, 3]  # U1..U9, as the citizen taps them


@pytest.fixture
def browser_context_args(browser_context_args):
    """An English-language phone browser: the form must still open in Indonesian."""
    return {**browser_context_args, "locale": "en-US", "viewport": PHONE, "is_mobile": True, "has_touch": True}


@pytest.fixture
def ktp(unit):
    return ServiceFactory(unit=unit, name="KTP-el", slug="ktp-el")


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"journey-{name}-phone.png", full_page=True)


def _tap_answer(page: Page, element: int, value: int) -> None:
    page.locator(f'label.opt:has(input[name="u{element}"][value="{value}"])').tap()


def _scan(page: Page, live_server, unit, service) -> None:
    """What the phone's camera opens: the QR code's URL, on this test server instead of SITE_URL."""
    printed = urlsplit(qr.public_form_url(unit, service=service))
    page.goto(f"{live_server.url}{printed.path}?{printed.query}")


def test_a_citizen_scans_the_qr_code_and_answers_the_survey_on_a_phone(live_server, page: Page, unit, ktp):
    _scan(page, live_server, unit, ktp)
    expect(page.get_by_role("heading", name="Bagaimana pelayanan kami hari ini?")).to_be_visible()
    expect(page.get_by_text("Langkah 1 dari 4")).to_be_visible()
    _shot(page, "1-first-step")
    for step in range(3):
        for element in range(step * 3 + 1, step * 3 + 4):
            _tap_answer(page, element, ANSWERS[element - 1])
        if step == 2:
            _shot(page, "2-third-step-answered")
        page.get_by_role("button", name="Lanjut").tap()
    expect(page.get_by_role("heading", name="Tentang Anda (boleh dikosongkan)")).to_be_visible()
    expect(page.get_by_test_id("language-switch")).to_be_visible()  # still there on the last step
    page.get_by_label("Usia (tahun)").fill("34")
    page.get_by_label("Saran dan masukan").fill("Tambah kursi di ruang tunggu.")
    page.get_by_role("button", name="EN", exact=True).tap()  # switch language, answers kept
    expect(page.get_by_text("Step 4 of 4")).to_be_visible()
    expect(page.get_by_label("Age (years)")).to_have_value("34")
    page.get_by_role("button", name="ID", exact=True).tap()
    expect(page.get_by_text("Langkah 4 dari 4")).to_be_visible()
    _shot(page, "3-last-step")
    page.get_by_role("button", name="Kirim jawaban").tap()
    expect(page.get_by_role("heading", name="Terima kasih!")).to_be_visible()
    _shot(page, "4-thanks")

    response = Response.objects.get()
    assert [response.answers()[f"U{i}"] for i in range(1, 10)] == ANSWERS
    assert (response.service, response.source, response.age) == (ktp, Response.Source.QR, 34)
    assert response.suggestion == "Tambah kursi di ruang tunggu."
    assert QrScanDay.objects.get(unit=unit, service=ktp).count == 1  # one phone, one scan, however many pages


def test_enter_in_a_text_field_sends_the_last_step_not_the_language_switch(live_server, page: Page, unit):
    page.goto(f"{live_server.url}/survei/u/{unit.code}/")
    for step in range(3):
        for element in range(step * 3 + 1, step * 3 + 4):
            _tap_answer(page, element, 4)
        page.get_by_role("button", name="Lanjut").tap()
    page.get_by_label("Usia (tahun)").fill("51")
    page.get_by_label("Usia (tahun)").press("Enter")
    expect(page.get_by_role("heading", name="Terima kasih!")).to_be_visible()
    assert Response.objects.get().age == 51


def test_a_citizen_files_a_complaint_and_looks_it_up_by_its_number(live_server, page: Page, unit):
    page.goto(f"{live_server.url}/survei/u/{unit.code}/aduan/")
    page.get_by_label("Isi pengaduan atau saran").fill("Antrean KTP-el tidak bergerak selama dua jam.")
    page.get_by_label("Nama (boleh dikosongkan)").fill("Sri")
    page.get_by_label("Nomor telepon atau e-mail (boleh dikosongkan)").fill("sri@example.com")
    page.locator('input[name="consent"]').check()
    _shot(page, "5-complaint-form")
    page.get_by_role("button", name="Kirim", exact=True).tap()
    expect(page.get_by_role("heading", name="Status pengaduan")).to_be_visible()
    expect(page.get_by_text("kami tidak menyimpan nama")).to_have_count(0)
    _shot(page, "6-complaint-status")
    reference = Complaint.objects.get().reference

    page.get_by_role("link", name=re.compile(r"survei.lacak")).tap()
    page.get_by_label("Nomor pengaduan").fill("salah-nomor-99")
    page.get_by_role("button", name="Lihat").tap()
    expect(page.get_by_test_id("lookup-error")).to_contain_text("Tidak ada pengaduan dengan nomor itu")
    _shot(page, "7-lookup-wrong-number")
    page.get_by_label("Nomor pengaduan").fill(reference.upper())
    page.get_by_role("button", name="Lihat").tap()
    expect(page.get_by_text(reference.upper(), exact=True)).to_be_visible()
    expect(page.get_by_text("Belum ada tanggapan.", exact=False)).to_be_visible()
    _shot(page, "8-lookup-found")
