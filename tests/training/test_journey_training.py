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

from .development_factories import RecommendationFactory, private_media  # noqa: F401 (fixture)
from .factories import AssessmentFactory, CompetencyFactory, PositionStandardFactory, ProgrammeCompetencyFactory
from .journey import open_as, record_activity

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

    record_activity(
        page,
        programme=f"{development.programme.code} {development.programme.title}",
        title="Komunikasi Efektif angkatan II",
        starts_on="2026-06-01",
        ends_on="2026-06-03",
        jp=24,
        outcome=("M.03 Komunikasi", 2),
    )
    expect(page.get_by_test_id("records")).to_contain_text("Menunggu verifikasi")
    _shot(page, "training-development-employee", size)

    open_as(page, live_server.url, "atasan", "/pelatihan/tim/")
    member = page.get_by_test_id(f"member-{development.employee_id}")
    expect(member).to_contain_text("Komunikasi Efektif angkatan II")
    _shot(page, "training-team", size)
    member.get_by_test_id(f"accept-{development.pk}").click()
    expect(page.get_by_text("Rekomendasi diterima.")).to_be_visible()
    member.get_by_role("button", name="Verifikasi").click()
    expect(page.get_by_text("Catatan diverifikasi; JP-nya dihitung.")).to_be_visible()

    open_as(page, live_server.url, "pegawai", "/pelatihan/saya/")
    expect(page.get_by_test_id("jp-bar")).to_have_attribute("data-jp", "24")
    expect(page.get_by_test_id("records")).to_contain_text("Terverifikasi")
    expect(page.get_by_test_id("profile-table")).to_contain_text("Hasil pelatihan terverifikasi")
    expect(page.get_by_test_id(f"recommendation-{development.pk}")).to_contain_text("Diterima")
    _shot(page, "training-development-verified", size)
