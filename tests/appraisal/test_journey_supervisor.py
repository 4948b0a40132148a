"""Browser journey (Chromium): a supervisor approves a plan, rates it with feedback and adds a development
item, and nothing typed is lost, not even through an expired form (issue points 15 and 17).

Screenshots land in ``tests/artifacts/`` (git-ignored) at desktop and phone sizes.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from appraisal.models import DevelopmentAction, Evaluation, Plan
from appraisal.services.evaluations import evaluation_start
from tests.test_browser import _log_in, _shot, browser_context_args, sized_page  # noqa: F401 (fixtures)

from .conftest import set_status
from .factories import YEAR, open_evaluation

STRENGTHS = "Teliti dan selalu tepat waktu"
IMPROVEMENTS = "Dokumentasi kegiatan perlu lebih lengkap"


def _approve_from_home(page: Page, base_url: str, plan: Plan, size: str) -> None:
    page.on("dialog", lambda dialog: dialog.accept())
    _log_in(page, base_url, "atasan")
    waiting = page.get_by_test_id("awaiting-plans")
    expect(waiting).to_contain_text("Lihat semua (1)")
    _shot(page, "journey-supervisor-home", size)
    waiting.get_by_role("link", name=f"{plan.employee.name} · SKP {YEAR}").click()
    page.get_by_role("button", name="Setujui").click()
    expect(page.get_by_text("SKP disetujui.")).to_be_visible()


def _rate_with_feedback(page: Page) -> None:
    page.get_by_role("radiogroup", name="Rating hasil kerja").get_by_text("Sesuai Ekspektasi").click()
    page.get_by_label("Kekuatan").fill(STRENGTHS)


def _add_development_item(page: Page) -> None:
    panel = page.get_by_test_id("development-panel")
    panel.get_by_label("Bentuk").select_option("PELATIHAN")
    panel.get_by_label("Uraian").fill("Pelatihan analisis data")
    panel.get_by_role("button", name="Tambah").click()
    expect(page.get_by_test_id("development-item")).to_contain_text("Pelatihan analisis data")


def test_a_supervisor_approves_rates_and_adds_a_development_item_without_losing_text(
    live_server,
    sized_page,  # noqa: F811
    plan,
    supervisor,
):
    page, size = sized_page
    set_status(plan, Plan.Status.SUBMITTED)
    _approve_from_home(page, live_server.url, plan, size)

    evaluation = evaluation_start(evaluation=open_evaluation(plan), acting_user=supervisor.user)
    page.goto(f"{live_server.url}/")
    page.get_by_test_id("awaiting-to-rate").get_by_role(
        "link", name=f"{plan.employee.name} · {evaluation.title}"
    ).click()
    page.get_by_role("link", name="Buka formulir penilaian").click()

    _rate_with_feedback(page)
    _add_development_item(page)
    expect(page.get_by_label("Kekuatan")).to_have_value(STRENGTHS)
    expect(page.get_by_text("Isian yang belum disimpan dipulihkan")).to_be_hidden()  # no reload, nothing to restore
    _shot(page, "journey-supervisor-rating", size)

    # The form expires (the CSRF token no longer matches): the friendly page, then the text comes back.
    page.get_by_label("Hal yang perlu ditingkatkan").fill(IMPROVEMENTS)
    page.locator("#rating-form input[name=csrfmiddlewaretoken]").evaluate("input => { input.value = 'kedaluwarsa'; }")
    page.get_by_role("button", name="Simpan rating").click()
    expect(page.get_by_role("heading", name="Formulir sudah kedaluwarsa")).to_be_visible()
    page.get_by_role("link", name="Buka formulir lagi").click()
    expect(page.get_by_text("Isian yang belum disimpan dipulihkan")).to_be_visible()
    expect(page.get_by_label("Kekuatan")).to_have_value(STRENGTHS)
    expect(page.get_by_label("Hal yang perlu ditingkatkan")).to_have_value(IMPROVEMENTS)
    _shot(page, "journey-supervisor-restored", size)

    page.get_by_role("button", name="Simpan rating").click()
    expect(page.get_by_text("Rating disimpan.")).to_be_visible()
    expect(page.get_by_text("Isian yang belum disimpan dipulihkan")).to_be_hidden()
    saved = Evaluation.objects.get(pk=evaluation.pk)
    assert (saved.work_rating, saved.strengths, saved.improvements) == ("SESUAI_EKSPEKTASI", STRENGTHS, IMPROVEMENTS)
    assert DevelopmentAction.objects.get(evaluation=saved).description == "Pelatihan analisis data"
