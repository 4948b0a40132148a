"""HR recomputes a period in a real browser; a real Celery worker carries the run out; the scores appear."""

from __future__ import annotations

from datetime import datetime, time

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Page, expect

from scoring.models import ScoreRun
from tests.scoring.conftest import TODAY
from tests.test_browser import VIEWPORTS, _log_in, _shot


@pytest.fixture(autouse=True)
def _in_the_fourth_quarter():
    """The worked example is scored at checkpoint 4, so the run must happen once it has begun."""
    with time_machine.travel(timezone.make_aware(datetime.combine(TODAY, time(10))), tick=True):
        yield


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", VIEWPORTS)
def test_hr_recomputes_and_sees_the_scores_with_their_legend(
    live_server, page: Page, worker, outbox_dispatcher, hr_user, period, worked_example, size
):
    page.set_viewport_size(VIEWPORTS[size])
    _log_in(page, live_server.url, "hr")
    page.goto(f"{live_server.url}/skor/periode/{period.pk}/")
    expect(page.get_by_text("Belum pernah dihitung.")).to_be_visible()
    page.get_by_role("button", name="Hitung ulang sekarang").click()
    status = page.locator("#run-status")
    expect(status).to_have_attribute("data-status", "SUCCESS", timeout=60_000)  # polled by htmx every second
    expect(status.get_by_text("Selesai")).to_be_visible()
    assert ScoreRun.objects.get().status == ScoreRun.Status.SUCCESS
    _shot(page, "score-run-done", size)
    page.get_by_role("link", name="Kembali ke skor periode").click()
    expect(page.get_by_text("Terakhir dihitung")).to_be_visible()
    expect(page.get_by_text("Belum pernah dihitung")).to_have_count(0)
    rows = page.get_by_test_id("score-table").locator("tbody tr")
    expect(rows).to_have_count(3)  # every active employee: the worked example and the two officials above
    expect(rows.first).to_contain_text(worked_example.name)
    expect(rows.first).to_contain_text("88,33")
    legend = page.get_by_test_id("score-legend")
    expect(legend).to_be_visible()
    expect(legend).to_contain_text("Kepuasan masyarakat")
    expect(legend).to_contain_text("Butuh Perbaikan")
    _shot(page, "period-scores", size)
