"""The Content-Security-Policy in a real browser (Debian's Chromium): every main page of the demo, for
every role, loads without a CSP violation or a script error, and the behaviour that moved out of inline
handlers (confirmation dialogs, auto-submitting selects) still works.

Screenshots of the login and password pages land in ``tests/artifacts/`` at desktop and phone sizes.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from appraisal.models import AppraisalPeriod
from org.demo.organisation import DEMO_PASSWORD
from tests.appraisal.factories import PeriodFactory
from tests.scoring.conftest import core_values

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
ROLES = ["pegawai", "atasan", "kepala", "bkpsdm", "admin"]
PAGES_PER_ROLE = 30
# Links that download a file, end the session or change something on GET are not pages to look at.
SKIPPED = (".xlsx", ".pdf", ".svg", ".png", "/pdf/", "/ekspor/", "/impor/templat/", "/unduh/", "unduh=",
           "/akun/keluar/", "/admin/logout/", "/api/schema/")  # fmt: skip


PASSWORD = "rahasia-123"  # the factories' password


@pytest.fixture
def watched(page: Page) -> tuple[Page, list[str]]:
    """The page, and every CSP violation or uncaught script error it reports."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    return page, problems


def _log_in(page: Page, base_url: str, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{base_url}/akun/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Masuk", exact=True).click()
    expect(page.locator("#mainnav")).to_be_attached()


def _same_site_links(page: Page, base_url: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    local = [href.split("#")[0] for href in hrefs if href.startswith(base_url)]
    return [href for href in local if not any(part in href for part in SKIPPED)]


def _crawl(page: Page, base_url: str, start: str) -> list[str]:
    """Visit pages breadth-first from ``start`` through the links each shows: one of each kind, at most
    PAGES_PER_ROLE."""
    queue, seen = [base_url + start], set()
    while queue and len(seen) < PAGES_PER_ROLE:
        url = queue.pop(0)
        key = re.sub(r"[0-9]+", "#", urlsplit(url).path)  # one page of each kind: /org/pegawai/#/
        if key in seen:
            continue
        seen.add(key)
        page.goto(url)
        queue += _same_site_links(page, base_url)
    return sorted(seen)


def test_the_main_pages_load_without_csp_violations_for_every_role(live_server, watched):
    core_values()  # an earlier browser test flushed the rows a data migration made
    call_command("seed_demo", verbosity=0)
    page, problems = watched
    for role in ROLES:
        page.context.clear_cookies()
        _log_in(page, live_server.url, role, DEMO_PASSWORD)
        visited = _crawl(page, live_server.url, "/admin/" if role == "admin" else "/")
        assert len(visited) >= 5, (role, visited)
        assert not problems, f"{role} on {visited}: {problems}"


def test_the_public_pages_load_without_csp_violations(live_server, unit, watched):
    page, problems = watched
    for path in ("/akun/masuk/", "/akun/lupa-kata-sandi/", f"/survei/u/{unit.code}/", f"/survei/u/{unit.code}/aduan/"):
        page.goto(live_server.url + path)
        expect(page.locator("body")).to_be_visible()
    page.goto(f"{live_server.url}/survei/u/{unit.code}/")
    # The inline stylesheet (allowed by its nonce) gives the public form its own maximum width.
    assert page.locator("main.wrap").evaluate("node => getComputedStyle(node).maxWidth") != "none"
    assert not problems, problems


def test_a_confirmation_dialog_still_guards_a_form(live_server, hr_user, watched):
    PeriodFactory()
    page, problems = watched
    _log_in(page, live_server.url, "hr")
    page.goto(f"{live_server.url}/kinerja/periode/")
    period = AppraisalPeriod.objects.filter(status=AppraisalPeriod.Status.OPEN).order_by("-year").first()
    page.get_by_placeholder("Alasan (wajib, dicatat)").first.fill("Uji dialog konfirmasi")
    button = page.get_by_role("button", name="Tutup periode").first
    page.once("dialog", lambda dialog: dialog.dismiss())
    button.click()
    expect(page).to_have_url(f"{live_server.url}/kinerja/periode/")
    assert AppraisalPeriod.objects.get(pk=period.pk).is_open
    messages: list[str] = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.accept()))
    button.click()
    page.wait_for_load_state("networkidle")
    assert messages and messages[0].startswith("Tutup periode ini?")
    assert not AppraisalPeriod.objects.get(pk=period.pk).is_open
    assert not problems, problems


def test_the_language_select_still_switches_by_itself(live_server, db, watched):
    page, problems = watched
    page.goto(f"{live_server.url}/akun/masuk/")
    page.locator("#language-select").select_option("en")
    expect(page.get_by_role("heading", name="Log in to Kinerja")).to_be_visible()
    assert not problems, problems


@pytest.mark.parametrize("size", VIEWPORTS)
def test_the_password_pages_look_right(live_server, employee, watched, size):
    page, problems = watched
    page.set_viewport_size(VIEWPORTS[size])
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(f"{live_server.url}/akun/masuk/")
    page.get_by_role("link", name="Lupa kata sandi?").click()
    expect(page.get_by_role("heading", name="Lupa kata sandi")).to_be_visible()
    page.screenshot(path=ARTIFACTS / f"password-reset-{size}.png", full_page=True)
    _log_in(page, live_server.url, "pegawai")
    page.goto(f"{live_server.url}/akun/kata-sandi/")
    expect(page.get_by_role("heading", name="Ubah kata sandi")).to_be_visible()
    page.screenshot(path=ARTIFACTS / f"password-change-{size}.png", full_page=True)
    assert not problems, problems
