"""Browser journey (Chromium), from a rating to the JP bar (issue 12, "done when"): the supervisor
rates Kolaboratif below expectation on the real rating page and sends the evaluation; the period's
scores are computed and the training recompute scoring queued after the run is carried out; the
employee sees a recommendation naming that reason (rule 2: Kolaboratif maps to M.02 Kerjasama); the
supervisor accepts it; the employee records the certificate, the supervisor verifies it and the
employee's JP bar moves.

Screenshots land in ``tests/artifacts/`` (git-ignored): the development page at desktop and phone
widths, before and after the verification.
"""

from __future__ import annotations

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from appraisal.models import CoreValue, Evaluation, Plan
from core.models import OutboxJob
from scoring.models import ScoreRun
from scoring.services import score_run_execute
from tests.appraisal.factories import IndicatorFactory, PeriodFactory, PlanFactory, WorkResultFactory, open_evaluation
from tests.test_browser import VIEWPORTS, _log_in, _shot, browser_context_args  # noqa: F401 (fixture)
from training import tasks
from training.models import Competency, Recommendation

from .development_factories import private_media  # noqa: F401 (fixture)
from .factories import AssessmentFactory, PositionStandardFactory, ProgrammeCompetencyFactory, ProgrammeFactory, form
from .journey import open_as, record_activity

pytestmark = pytest.mark.usefixtures("private_media")

LOW_VALUE = "Kolaboratif"
REASON = "Nilai Kolaboratif dinilai Di Bawah Ekspektasi"


def _seeded() -> None:
    """The core values and the competency dictionary, seeded again: an earlier browser test may have
    flushed the database, and both seeds are idempotent."""
    for module in ("appraisal.migrations.0003_core_values", "training.migrations.0002_seed_dictionary"):
        importlib.import_module(module).seed(apps, None)


@pytest.fixture
def evaluation(employee, supervisor) -> Evaluation:
    """The employee's approved plan with its periodic evaluation open for the supervisor's rating; the
    position's own standard (M.02 at level 2, met) so only rule 2 raises a need; one M.02 course."""
    _seeded()
    teamwork = Competency.objects.get(code="M.02")
    PositionStandardFactory(position=employee.position, competency=teamwork, required_level=2)
    AssessmentFactory(employee=employee, competency=teamwork, level=2, assessed_on=date(2025, 11, 3))
    ProgrammeCompetencyFactory(
        competency=teamwork, programme=ProgrammeFactory(code="KT", title="Kerja Sama Tim", form=form(), jp=24)
    )
    plan = PlanFactory(
        period=PeriodFactory(), employee=employee, status=Plan.Status.APPROVED, approved_at=timezone.now()
    )
    IndicatorFactory(work_result=WorkResultFactory(plan=plan))
    return open_evaluation(plan, kind=Evaluation.Kind.PERIODIC, checkpoint=2)


def _rate_and_send(page: Page, base_url: str, evaluation: Evaluation) -> None:
    """The supervisor's rating through the page: one value below expectation, the rest as expected."""
    page.on("dialog", lambda dialog: dialog.accept())
    _log_in(page, base_url, "atasan")
    page.goto(base_url + reverse("appraisal:evaluation-detail", args=[evaluation.pk]))
    start = page.get_by_role("button", name="Mulai menilai")
    if start.count():
        start.click()
    page.goto(base_url + reverse("appraisal:evaluation-rate", args=[evaluation.pk]))
    for group in ["Rating hasil kerja", "Rating perilaku kerja", *CoreValue.objects.values_list("name", flat=True)]:
        rating = "Di Bawah Ekspektasi" if group == LOW_VALUE else "Sesuai Ekspektasi"
        page.get_by_role("radiogroup", name=group, exact=True).get_by_text(rating, exact=True).click()
    page.get_by_label("Kekuatan").fill("Teliti dan tepat waktu")
    page.get_by_label("Hal yang perlu ditingkatkan").fill("Kerja sama dengan tim lain")
    page.get_by_role("button", name="Simpan rating").click()
    expect(page.get_by_text("Rating disimpan.")).to_be_visible()
    page.goto(base_url + reverse("appraisal:evaluation-detail", args=[evaluation.pk]))
    page.get_by_role("button", name="Sampaikan ke pegawai").click()
    expect(page.get_by_role("button", name="Sampaikan ke pegawai")).to_be_hidden()
    expect(page.get_by_text("Disampaikan ke pegawai", exact=True)).to_be_visible()


def _compute(evaluation: Evaluation) -> None:
    """The period's score run, in-process, then the recompute it queued through the outbox."""
    run = ScoreRun.objects.create(period=evaluation.plan.period)
    score_run_execute(run_id=run.pk)
    job = OutboxJob.objects.get(task=tasks.recommendations_compute.name, args=[evaluation.plan.period_id])
    tasks.recommendations_compute(*job.args)


def _development_shots(page: Page, name: str) -> None:
    for size, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        _shot(page, name, size)
    page.set_viewport_size(VIEWPORTS["desktop"])


def test_a_value_rated_below_expectation_ends_in_verified_jp(live_server, page, evaluation, employee, supervisor):
    page.set_viewport_size(VIEWPORTS["desktop"])
    _rate_and_send(page, live_server.url, evaluation)
    assert Evaluation.objects.get(pk=evaluation.pk).status == Evaluation.Status.SENT
    _compute(evaluation)
    recommendation = Recommendation.objects.get(employee=employee)

    open_as(page, live_server.url, "pegawai", "/pelatihan/saya/")
    item = page.get_by_test_id(f"recommendation-{recommendation.pk}")
    expect(item).to_contain_text("Kerja Sama Tim")
    expect(item).to_contain_text(REASON)
    expect(page.get_by_test_id("jp-bar")).to_have_attribute("data-jp", "0")
    _development_shots(page, "training-journey-recommended")

    open_as(page, live_server.url, "atasan", "/pelatihan/tim/")
    member = page.get_by_test_id(f"member-{employee.pk}")
    expect(member).to_contain_text(REASON)
    member.get_by_test_id(f"accept-{recommendation.pk}").click()
    expect(page.get_by_text("Rekomendasi diterima.")).to_be_visible()

    open_as(page, live_server.url, "pegawai", "/pelatihan/saya/")
    expect(page.get_by_test_id(f"recommendation-{recommendation.pk}")).to_contain_text("Diterima")
    record_activity(
        page,
        programme="KT Kerja Sama Tim",
        title="Kerja Sama Tim angkatan I",
        starts_on="2026-05-04",
        ends_on="2026-05-06",
        jp=24,
    )

    open_as(page, live_server.url, "atasan", "/pelatihan/tim/")
    page.get_by_test_id(f"member-{employee.pk}").get_by_role("button", name="Verifikasi").click()
    expect(page.get_by_text("Catatan diverifikasi; JP-nya dihitung.")).to_be_visible()

    open_as(page, live_server.url, "pegawai", "/pelatihan/saya/")
    expect(page.get_by_test_id("jp-bar")).to_have_attribute("data-jp", "24")
    expect(page.get_by_test_id("records")).to_contain_text("Terverifikasi")
    _development_shots(page, "training-journey-verified")
