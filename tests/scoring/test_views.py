"""Score pages: HR overview and recompute button, progress, and each employee's own page."""

from datetime import timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import formats, timezone, translation

from scoring.models import ScoreRun
from scoring.services import scores_compute
from tests.factories import EmployeeFactory
from tests.scoring.conftest import TODAY


def test_hr_sees_the_period_with_its_scores_and_units(client, hr_user, period, worked_example):
    scores_compute(period=period, today=TODAY)
    client.force_login(hr_user)
    response = client.get(reverse("scoring:period-scores", args=[period.pk]), {"titik": 4})
    content = response.content.decode()
    assert response.status_code == 200
    assert worked_example.name in content
    assert "88,33" in content  # Indonesian decimal comma
    assert "Hitung ulang sekarang" in content


def test_the_recompute_button_records_a_run_and_shows_its_progress(client, hr_user, period):
    client.force_login(hr_user)
    response = client.post(reverse("scoring:run-start", args=[period.pk]))
    run = ScoreRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("scoring:run-detail", args=[run.pk])
    assert (run.scope, run.status, run.requested_by) == (ScoreRun.Scope.PERIOD, ScoreRun.Status.QUEUED, hr_user)
    status = client.get(reverse("scoring:run-status", args=[run.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in status  # keeps polling while queued
    assert "menunggu worker" in status


def test_a_finished_run_stops_polling_and_a_failed_one_shows_its_error(client, hr_user, period):
    done = ScoreRun.objects.create(period=period, status=ScoreRun.Status.SUCCESS, rows_changed=4, statements=15)
    failed = ScoreRun.objects.create(period=period, status=ScoreRun.Status.FAILED, error="OperationalError: putus")
    client.force_login(hr_user)
    assert "hx-trigger" not in client.get(reverse("scoring:run-status", args=[done.pk])).content.decode()
    assert "OperationalError: putus" in client.get(reverse("scoring:run-detail", args=[failed.pk])).content.decode()


def test_an_employee_sees_how_their_score_was_made(client, period, worked_example):
    scores_compute(period=period, today=TODAY)
    client.force_login(worked_example.user)
    response = client.get(reverse("scoring:my-scores"), follow=True)
    content = response.content.decode()
    assert response.status_code == 200
    assert "88,33" in content  # Indonesian decimal comma
    assert "tidak menggantikan predikat kinerja resmi" in content
    assert "0,4444" in content  # R's weight after leaving out P: 0.40 / 0.90


def test_an_outsider_cannot_see_someone_elses_scores(client, outsider, employee):
    client.force_login(outsider.user)
    assert client.get(reverse("scoring:employee-scores", args=[employee.pk])).status_code == 404


def test_hr_without_an_employee_record_is_refused_its_own_score_page(client, hr_user):
    client.force_login(hr_user)
    assert client.get(reverse("scoring:my-scores")).status_code == 403


def test_the_weights_rows_rescale_what_is_present(period, worked_example):
    scores_compute(period=period, today=TODAY)
    score = worked_example.scores.get(checkpoint=4)
    rows = {code: effective for code, _weight, _value, effective in score.weight_rows()}
    assert rows["P"] is None
    assert sum(value for value in rows.values() if value is not None) == Decimal(1)


def test_it_says_never_computed_only_until_a_run_of_any_scope_wrote_scores(client, hr_user, period, worked_example):
    client.force_login(hr_user)
    pages = [reverse("scoring:period-scores", args=[period.pk]), reverse("scoring:period-list")]
    assert all("Belum pernah dihitung" in client.get(url).content.decode() for url in pages)
    # The every-minute job of marked employees keeps no run and leaves the unit aggregates to the others.
    scores_compute(period=period, employee_ids=[worked_example.pk], today=TODAY)
    assert all("Belum pernah dihitung" in client.get(url).content.decode() for url in pages)
    scores_compute(period=period, unit=worked_example.unit, today=TODAY)  # one unit, no whole-period run
    for url in pages:
        content = client.get(url, {"titik": 4}).content.decode()
        assert "Belum pernah dihitung" not in content
        assert "Terakhir dihitung" in content
    later = timezone.now() + timedelta(days=3)  # a later run that changed no row still counts
    ScoreRun.objects.create(period=period, status=ScoreRun.Status.SUCCESS, started_at=later, finished_at=later)
    with translation.override("id"):
        shown = formats.date_format(timezone.localtime(later), "j M Y H:i")
    assert f"Terakhir dihitung: {shown}" in client.get(pages[0]).content.decode()


def test_the_period_page_explains_every_abbreviation_it_shows(client, hr_user, period, worked_example):
    scores_compute(period=period, today=TODAY)
    client.force_login(hr_user)
    content = client.get(reverse("scoring:period-scores", args=[period.pk]), {"titik": 4}).content.decode()
    legend = content[content.index('data-testid="score-legend"') :]
    for code in ["R", "E", "S", "B", "C", "P", "SB", "BP", "K", "SK"]:
        assert f'<dt class="col-3 col-sm-2">{code}</dt>' in legend
    assert "Butuh Perbaikan" in legend and "Sangat Kurang" in legend
    assert "Sebaran predikat (SB/B/BP/K/SK)" in content
    assert "0 / 1 / 0 / 0 / 0" in content  # the worked example's Baik, in the unit's distribution


def test_each_checkpoint_links_to_the_achievement_detail_of_that_checkpoint(client, period, worked_example):
    scores_compute(period=period, today=TODAY)
    client.force_login(worked_example.user)
    content = client.get(reverse("scoring:employee-scores", args=[worked_example.pk])).content.decode()
    plan = worked_example.plans.get()
    detail = reverse("appraisal:plan-achievement", args=[plan.pk])
    assert [n for n in range(1, 5) if f'href="{detail}?titik={n}"' in content] == [1, 2, 3, 4]
    assert f'href="{detail}"' not in content


def test_page_links_keep_the_checkpoint_and_unit(client, monkeypatch, hr_user, period, worked_example):
    EmployeeFactory(unit=worked_example.unit)
    scores_compute(period=period, today=TODAY)
    monkeypatch.setattr("scoring.views.SCORES_PER_PAGE", 1)
    client.force_login(hr_user)
    url = reverse("scoring:period-scores", args=[period.pk])
    unit = worked_example.unit.pk
    first = client.get(url, {"titik": 4, "unit": unit})
    assert first.context["page"].paginator.num_pages >= 2
    assert f"?titik=4&amp;unit={unit}&amp;page=2" in first.content.decode()
    second = client.get(url, {"titik": 4, "unit": unit, "page": 2})
    assert second.context["checkpoint"] == 4
    assert f"?titik=4&amp;unit={unit}&amp;page=1" in second.content.decode()
