"""Browser journey (Chromium): HR lands on the home page, opens the dashboard, follows a card to the list
behind its number, opens a person from it, comes back and downloads the workbook and the summary.

Screenshots of the dashboard and of a list land in ``tests/artifacts/`` (git-ignored), at desktop and
phone widths.
"""

from __future__ import annotations

import io

from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.test_browser import _log_in, _shot, browser_context_args, sized_page  # noqa: F401 (fixtures)


def test_hr_follows_a_card_to_a_person_and_exports_the_report(live_server, sized_page, world, hr_user):  # noqa: F811
    page, size = sized_page
    _log_in(page, live_server.url, "hr")
    page.get_by_test_id("dashboard-link").click()
    expect(page.get_by_role("heading", name="Dasbor SDM")).to_be_visible()
    expect(page.get_by_test_id("count-keberatan")).to_have_text("1")
    expect(page.get_by_test_id(f"distribution-{world['head'].unit_id}")).to_contain_text("melampaui pola")
    _shot(page, "leaders-dashboard", size)

    page.get_by_test_id("count-skp").click()
    expect(page.get_by_test_id("list-title")).to_have_text("SKP belum disetujui setelah batas penetapan")
    expect(page.get_by_test_id("item")).to_have_count(4)
    _shot(page, "leaders-dashboard-list", size)
    page.get_by_test_id("item").filter(has_text="Waiting").click()
    expect(page.get_by_text("Waiting").first).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}{world['waiting'].get_absolute_url()}")

    page.go_back()
    page.get_by_test_id("back-to-dashboard").click()
    with page.expect_download() as download:
        page.get_by_test_id("export-xlsx").click()
    book = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    assert "Distribusi predikat" in book.sheetnames
    pdf = page.request.get(live_server.url + page.get_by_test_id("export-pdf").get_attribute("href"))
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")


def test_the_score_table_fits_a_phone_with_the_latest_year_and_the_change(live_server, page, scores, hr_user):
    """Two years of scores and IKM plus the change do not fit 390 px: the phone shows the latest year and
    the change (which already compares with the year before), so nothing is cut off or scrolled away."""
    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, live_server.url, "hr")
    page.goto(f"{live_server.url}/pimpinan/dasbor/")
    table = page.get_by_test_id("scores-table")
    expect(table.get_by_role("columnheader", name="2026")).to_be_visible()
    expect(table.get_by_role("columnheader", name="2025")).to_be_hidden()
    change = table.get_by_role("columnheader", name="Perubahan").bounding_box()
    assert change["x"] + change["width"] <= 390
    row = table.get_by_test_id(f"scores-{scores['head'].unit_id}")
    expect(row.get_by_role("link", name="80,00")).to_be_visible()
    expect(row).to_contain_text("+20,00")
    wrapper = table.locator("xpath=..")
    assert wrapper.evaluate("box => box.scrollWidth <= box.clientWidth")

    page.set_viewport_size({"width": 1280, "height": 800})
    expect(table.get_by_role("columnheader", name="2025")).to_be_visible()
    expect(row.get_by_role("link", name="60,00")).to_be_visible()
