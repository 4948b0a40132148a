"""Browser journey (Chromium): HR opens the talent map, clicks a box, opens a person, calibrates them
with a reason (after first forgetting it) and sees the move in the person's history.

Screenshots of the map and of the person page land in ``tests/artifacts/`` (git-ignored), at desktop
and phone widths.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from appraisal.predikat import Predikat
from leaders.talent.services import talent_map_compute
from tests.appraisal.factories import PeriodFactory
from tests.factories import HrUserFactory
from tests.test_browser import _log_in, _shot, browser_context_args, sized_page  # noqa: F401 (fixtures)

from .factories import annual_result, jpm_of


@pytest.fixture
def talent_map(employee, supervisor):
    """The employee in box 5 (Baik, JPM 68: on the cut-off), the supervisor in box 9."""
    period = PeriodFactory(year=2026)
    annual_result(employee, 2026, Predikat.BAIK)
    jpm_of(employee, 17)
    annual_result(supervisor, 2025, Predikat.SANGAT_BAIK)
    jpm_of(supervisor, 25)
    talent_map_compute(period=period)
    return HrUserFactory(username="bkpsdm")


def test_hr_calibrates_a_person_from_the_map(live_server, sized_page, talent_map, employee):  # noqa: F811
    page, size = sized_page
    _log_in(page, live_server.url, "bkpsdm")
    page.goto(f"{live_server.url}/pimpinan/talenta/")
    expect(page.get_by_test_id("box-5-count")).to_have_text("1")
    expect(page.get_by_test_id("box-9-count")).to_have_text("1")
    _shot(page, "talent-map", size)

    page.get_by_test_id("box-5").get_by_role("link").click()
    expect(page.get_by_test_id("list-title")).to_contain_text("Kotak 5")
    page.get_by_test_id(f"person-{employee.pk}").click()
    expect(page.get_by_test_id("final-box")).to_contain_text("Kotak 5")
    expect(page.get_by_test_id("why")).to_contain_text("JPM 68")

    form = page.get_by_test_id("calibration-form")
    form.locator("[name=to_box]").select_option("8")
    form.locator("[name=reason]").fill("   ")  # only spaces: the browser lets it through, the server does not
    form.get_by_role("button", name="Simpan kalibrasi").click()
    expect(page.get_by_text("Alasan kalibrasi wajib diisi")).to_be_visible()
    expect(page.get_by_test_id("no-calibrations")).to_be_visible()

    form = page.get_by_test_id("calibration-form")
    form.locator("[name=to_box]").select_option("8")
    form.locator("[name=reason]").fill("Rapat kalibrasi 12 Mei: memimpin integrasi layanan.")
    form.get_by_role("button", name="Simpan kalibrasi").click()
    expect(page.get_by_text("Kalibrasi disimpan.")).to_be_visible()
    expect(page.get_by_test_id("final-box")).to_contain_text("Kotak 8")
    expect(page.get_by_test_id("computed-box")).to_contain_text("Kotak 5")
    history = page.get_by_test_id("calibrations")
    expect(history).to_contain_text("Rapat kalibrasi 12 Mei")
    expect(history).to_contain_text("bkpsdm")
    _shot(page, "talent-person", size)

    page.goto(f"{live_server.url}/pimpinan/talenta/")
    expect(page.get_by_test_id("box-8-count")).to_have_text("1")
    expect(page.get_by_test_id("box-5-count")).to_have_text("0")
