"""HR's AKPK page in a real browser at desktop and phone widths: the levels, a bad budget kept with
its message, a budget that plans; screenshots for a person to look at."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps
from playwright.sync_api import Page, expect

from tests.test_browser import VIEWPORTS, _log_in, _shot
from tests.training.akpk_example import build
from training.models import DevelopmentForm


def _dictionary() -> None:
    """A transactional test starts from a flushed database: seed the dictionary and forms again."""
    if not DevelopmentForm.objects.exists():
        import_module("training.migrations.0002_seed_dictionary").seed(apps, None)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", VIEWPORTS)
def test_hr_reads_the_akpk_and_plans_within_a_budget(live_server, page: Page, hr_user, size):
    _dictionary()
    build()
    page.set_viewport_size(VIEWPORTS[size])
    _log_in(page, live_server.url, "hr")
    page.goto(f"{live_server.url}/pelatihan/akpk/")
    expect(page.get_by_test_id("akpk-total-needs")).to_have_text("7")
    rows = page.get_by_test_id("akpk-organisation-table").locator("tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text("M.03 Komunikasi")
    _shot(page, "akpk-organisation", size)
    views = page.get_by_test_id("akpk-views")
    views.get_by_role("link", name="Unit kerja").click()
    expect(page.get_by_test_id("akpk-unit-table").locator("tbody tr")).to_have_count(3)
    _shot(page, "akpk-units", size)
    views.get_by_role("link", name="Jabatan").click()
    expect(page.get_by_test_id("akpk-position-table").locator("tbody tr")).to_have_count(5)
    _shot(page, "akpk-positions", size)
    views.get_by_role("link", name="Individu").click()
    expect(page.get_by_test_id("akpk-individual-table").locator("tbody tr")).to_have_count(7)
    _shot(page, "akpk-individual", size)
    views.get_by_role("link", name="Rencana program").click()
    budget = page.get_by_label("Anggaran JP")
    budget.fill("nol")
    page.get_by_role("button", name="Susun rencana").click()
    expect(page.get_by_text("Anggaran harus berupa bilangan bulat JP yang lebih dari 0")).to_be_visible()
    expect(budget).to_have_value("nol")
    budget.fill("60")
    page.get_by_role("button", name="Susun rencana").click()
    expect(page.get_by_test_id("akpk-plan-totals")).to_contain_text("5 dari 7")
    expect(page.get_by_test_id("akpk-plan-table").locator("tbody tr")).to_have_count(2)
    _shot(page, "akpk-plan", size)
