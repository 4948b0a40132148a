"""Browser journey (Chromium): HR creates an API client and copies its token, which is shown once; the
tool's call appears in HR's log; after HR revokes the client, the same token is refused and logged.

Screenshots of the client page (the token shown once, then the list) land in ``tests/artifacts/``.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.test_browser import _log_in, _shot, browser_context_args, sized_page  # noqa: F401 (fixtures)

from .factories import unit_ikm


def _call(url: str, token: str) -> tuple[int, dict]:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request) as response:  # noqa: S310 (the test's own live server)
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


@pytest.fixture
def ikm(tree):
    return [unit_ikm(unit, year=2026) for unit in tree]


def test_hr_creates_a_client_whose_calls_appear_in_the_log(live_server, sized_page, hr_user, tree, ikm):  # noqa: F811
    page, size = sized_page
    _log_in(page, live_server.url, "hr")
    page.goto(f"{live_server.url}/api/klien/")
    expect(page.get_by_text("Belum ada klien API")).to_be_visible()
    page.get_by_label("Nama aplikasi").fill("Dasbor Bappeda")
    page.get_by_label("Unit yang boleh dibaca").select_option(label=str(tree[0]))
    page.get_by_role("button", name="Buat klien dan token").click()

    token_box = page.get_by_test_id("api-token")
    expect(token_box).to_be_visible()
    token = token_box.input_value()
    assert token.startswith("kin_")
    _shot(page, "api-client-token", size)
    page.get_by_role("link", name="Sudah saya salin").click()
    client_row = page.locator("tr[data-testid^=client-]").filter(has_text="Dasbor Bappeda")
    expect(client_row).to_contain_text("Aktif")
    assert token not in page.content()
    _shot(page, "api-client-list", size)

    status, body = _call(f"{live_server.url}/api/v1/ikm/?year=2026", token)
    assert (status, body["count"]) == (200, 2)

    page.get_by_role("link", name="Log panggilan API").click()
    log = page.get_by_test_id("call-log")
    expect(log).to_contain_text("Dasbor Bappeda")
    expect(log).to_contain_text("/api/v1/ikm/?year=2026")
    expect(log.locator("tbody tr").first).to_contain_text("200")

    page.goto(f"{live_server.url}/api/klien/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Cabut").click()
    expect(client_row).to_contain_text("Dicabut")
    assert _call(f"{live_server.url}/api/v1/ikm/", token)[0] == 401
    page.goto(f"{live_server.url}/api/log/")
    expect(page.get_by_test_id("call-log").locator("tbody tr").first).to_contain_text("401")
