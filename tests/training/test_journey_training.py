"""Browser journey (Chromium): the employee reads a recommendation's reasons and records a completed
activity with its certificate; the supervisor accepts the recommendation and verifies the activity;
the employee's JP bar moves and the level the certificate showed enters the profile.

Screenshots of the employee's development page and of the team view land in ``tests/artifacts/``
(git-ignored), at desktop and phone widths.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from playwright.sync_api import expect

from tests.test_browser import _log_in, _shot, browser_context_args, sized_page  # noqa: F401 (fixtures)
from training.models import DevelopmentForm

from .development_factories import PDF, RecommendationFactory, private_media  # noqa: F401 (fixture)
from .factories import AssessmentFactory, CompetencyFactory, PositionStandardFactory, ProgrammeCompetencyFactory

pytestmark = pytest.mark.usefixtures("private_media")


@pytest.fixture(autouse=True)
def _mid_june():
    with time_machine.travel(datetime(2026, 6, 15, 3, 0, tzinfo=UTC), tick=True):
        yield


@pytest.fixture
def development(employee):
    """A communication gap, and the course recommended for it. The seeded forms are gone once an
    earlier browser test has flushed the database, so the one used here is made again."""
    DevelopmentForm.objects.get_or_create(code="pelatihan-klasikal", defaults={"name": "Pelatihan klasikal"})
    communication = CompetencyFactory(code="M.03", name="Komunikasi")
    PositionStandardFactory(position=employee.position, competency=communication, required_level=3)
    AssessmentFactory(employee=employee, competency=communication, level=1, assessed_on=date(2025, 11, 3))
    target = ProgrammeCompetencyFactory(competency=communication, programme__title="Komunikasi Efektif")
    return RecommendationFactory(employee=employee, programme=target.programme)


def test_an_activity_recorded_and_verified_moves_the_jp_bar(live_server, sized_page, development, supervisor):  # noqa: F811
    page, size = sized_page
    _log_in(page, live_server.url, "pegawai")
    page.goto(f"{live_server.url}/pelatihan/saya/")
    recommendation = page.get_by_test_id(f"recommendation-{development.pk}")
    expect(recommendation).to_contain_text("Komunikasi Efektif")
    expect(recommendation).to_contain_text("M.03 Komunikasi level 1, jabatan butuh 3")
    expect(page.get_by_test_id("jp-bar")).to_have_attribute("data-jp", "0")

    form = page.get_by_test_id("record-form")
    form.locator("[name=programme]").select_option(label=f"{development.programme.code} {development.programme.title}")
    form.locator("[name=form]").select_option(index=1)
    form.locator("[name=title]").fill("Komunikasi Efektif angkatan II")
    form.locator("[name=organiser]").fill("BPSDM Provinsi")
    form.locator("[name=starts_on]").fill("2026-06-01")
    form.locator("[name=ends_on]").fill("2026-06-03")
    form.locator("[name=jp]").fill("24")
    form.locator("[name=certificate]").set_input_files(
        {"name": "sertifikat.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    form.locator("[name='outcome-0-competency']").select_option(label="M.03 Komunikasi")
    form.locator("[name='outcome-0-achieved_level']").fill("2")
    page.get_by_test_id("record-submit").click()
    expect(page.get_by_text("Kegiatan dicatat dan menunggu verifikasi atasan.")).to_be_visible()
    expect(page.get_by_test_id("records")).to_contain_text("Menunggu verifikasi")
    _shot(page, "training-development-employee", size)

    page.context.clear_cookies()
    _log_in(page, live_server.url, "atasan")
    page.goto(f"{live_server.url}/pelatihan/tim/")
    member = page.get_by_test_id(f"member-{development.employee_id}")
    expect(member).to_contain_text("Komunikasi Efektif angkatan II")
    _shot(page, "training-team", size)
    member.get_by_test_id(f"accept-{development.pk}").click()
    expect(page.get_by_text("Rekomendasi diterima.")).to_be_visible()
    member.get_by_role("button", name="Verifikasi").click()
    expect(page.get_by_text("Catatan diverifikasi; JP-nya dihitung.")).to_be_visible()

    page.context.clear_cookies()
    _log_in(page, live_server.url, "pegawai")
    page.goto(f"{live_server.url}/pelatihan/saya/")
    expect(page.get_by_test_id("jp-bar")).to_have_attribute("data-jp", "24")
    expect(page.get_by_test_id("records")).to_contain_text("Terverifikasi")
    expect(page.get_by_test_id("profile-table")).to_contain_text("Hasil pelatihan terverifikasi")
    expect(page.get_by_test_id(f"recommendation-{development.pk}")).to_contain_text("Diterima")
    _shot(page, "training-development-verified", size)
