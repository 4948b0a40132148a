"""Real-browser checks (Debian's Chromium through pytest-playwright): log in, browse employees as HR.

Screenshots land in ``tests/artifacts/`` (git-ignored) at desktop and phone sizes, for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.factories import EmployeeFactory, PositionFactory, UnitFactory

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
PASSWORD = "rahasia-123"  # the factories' password


@pytest.fixture
def browser_context_args(browser_context_args):
    """An English-language browser: the UI must still be Indonesian until English is chosen."""
    return {**browser_context_args, "locale": "en-US"}


@pytest.fixture(params=VIEWPORTS, ids=str)
def sized_page(request, page: Page) -> tuple[Page, str]:
    page.set_viewport_size(VIEWPORTS[request.param])
    return page, request.param


@pytest.fixture
def staff_list(unit):
    """Thirty employees in two units, so the list has two pages and a sub-unit."""
    bidang = UnitFactory(code="DINKES-P2P", name="Bidang Pencegahan Penyakit", parent=unit)
    position = PositionFactory(unit=bidang, name="Epidemiolog Kesehatan Ahli Muda")
    EmployeeFactory.create_batch(29, position=position)
    return EmployeeFactory(name="Sri Wahyuningsih", front_title="dr.", back_title="M.Kes.", position=position)


def _shot(page: Page, name: str, size: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}-{size}.png", full_page=True)


def _log_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/akun/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Masuk", exact=True).click()


def test_it_shows_the_login_page(live_server, sized_page):
    page, size = sized_page
    page.goto(f"{live_server.url}/akun/masuk/")
    expect(page.get_by_role("heading", name="Masuk ke Kinerja")).to_be_visible()
    expect(page.locator("#id_username")).to_be_visible()
    expect(page.get_by_role("button", name="Masuk", exact=True)).to_be_in_viewport()
    _shot(page, "login", size)


def test_it_refuses_a_wrong_password_in_the_form(live_server, page: Page, hr_user):
    page.goto(f"{live_server.url}/akun/masuk/")
    page.locator("#id_username").fill("hr")
    page.locator("#id_password").fill("salah")
    page.get_by_role("button", name="Masuk", exact=True).click()
    expect(page.locator(".alert-danger, .alert-block")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/akun/masuk/")


def test_it_lets_hr_log_in_and_search_the_employee_list(live_server, sized_page, hr_user, staff_list):
    page, size = sized_page
    _log_in(page, live_server.url, "hr")
    expect(page.get_by_test_id("panel-hr")).to_be_visible()
    page.goto(f"{live_server.url}/org/pegawai/")
    expect(page.get_by_role("heading", name="Pegawai", exact=True)).to_be_visible()
    expect(page.get_by_text("30 pegawai ditemukan")).to_be_visible()
    expect(page.get_by_test_id("employee-table").locator("tbody tr")).to_have_count(25)
    expect(page.get_by_text("Halaman 1 dari 2")).to_be_visible()
    _shot(page, "employee-list", size)
    page.get_by_label("Cari nama atau NIP").fill("wahyu")
    page.get_by_role("button", name="Cari").click()
    expect(page.get_by_text("1 pegawai ditemukan")).to_be_visible()
    result = page.get_by_test_id("employee-table").locator("tbody tr")
    expect(result.get_by_role("link", name="dr. Sri Wahyuningsih, M.Kes.")).to_be_visible()
    expect(result.get_by_text("Epidemiolog Kesehatan Ahli Muda").locator("visible=true")).to_have_count(1)
    _shot(page, "employee-search", size)


def test_it_opens_the_menu_on_a_phone(live_server, page: Page, hr_user):
    page.set_viewport_size(VIEWPORTS["phone"])
    _log_in(page, live_server.url, "hr")
    menu_link = page.locator("#mainnav").get_by_role("link", name="Pegawai")
    expect(menu_link).to_be_hidden()
    page.get_by_role("button", name="Buka menu").click()
    expect(menu_link).to_be_visible()
    expect(page.locator("#mainnav.collapse.show")).to_be_visible()  # the opening animation has finished
    expect(page.get_by_role("button", name="Keluar")).to_be_hidden()  # still inside the closed user menu
    _shot(page, "menu-open", "phone")
