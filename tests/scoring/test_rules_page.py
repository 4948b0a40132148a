"""HR's page for a period's scoring rules: validation, the history of changes and the recompute it queues."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from appraisal.models import AppraisalPeriod, PeriodLog
from core.models import OutboxJob
from scoring.forms import ScoringRulesForm
from scoring.models import ScoreRun, ScoringPolicy, ScoringRulesChange
from scoring.selectors import policy_of
from scoring.services import scoring_rules_update
from tests.appraisal.factories import PeriodFactory
from tests.factories import UserFactory


@pytest.fixture
def period(db):
    return PeriodFactory(year=2026)


def current_rules(period) -> dict:
    return dict(ScoringRulesForm(policy=policy_of(period), period=period).initial)


def post(client, period, **changes):
    return client.post(reverse("scoring:rules-edit", args=[period.pk]), current_rules(period) | changes)


def unchanged(period, before: dict) -> bool:
    period.refresh_from_db()
    return current_rules(period) == before and not ScoringRulesChange.objects.exists() and not ScoreRun.objects.exists()


def test_it_saves_the_changes_records_who_changed_what_and_queues_a_recompute(client, hr_user, period):
    client.force_login(hr_user)
    response = post(
        client, period, weight_results="0.50", weight_peers="0.00", achievement_cap="110", lower_formula="RATIO"
    )

    assert response.status_code == 302
    policy = ScoringPolicy.objects.get(period=period)
    period.refresh_from_db()
    assert (policy.weight_results, policy.weight_peers) == (Decimal("0.50"), Decimal("0.00"))
    assert (period.achievement_cap, period.lower_formula) == (Decimal(110), "RATIO")
    changes = period.scoring_rules_changes.all()
    history = {change.field: (change.old_value, change.new_value, change.actor) for change in changes}
    assert history == {
        "weight_results": ("0.40", "0.50", hr_user),
        "weight_peers": ("0.10", "0.00", hr_user),
        "achievement_cap": ("120.00", "110.00", hr_user),
        "lower_formula": ("REGULATION", "RATIO", hr_user),
    }
    run = ScoreRun.objects.get()
    assert (run.period, run.scope, run.status, run.requested_by) == (period, ScoreRun.Scope.PERIOD, "QUEUED", hr_user)
    assert OutboxJob.objects.filter(task_id=run.task_id).exists()
    log = period.logs.get(action=PeriodLog.Action.RULES)
    assert (log.actor, "110" in log.reason) == (hr_user, True)


def test_the_page_shows_the_history_with_names_the_reader_knows(client, hr_user, period):
    client.force_login(hr_user)
    post(client, period, lower_formula="RATIO", points_below="40")
    page = client.get(reverse("scoring:rules-edit", args=[period.pk])).content.decode()
    assert "Riwayat perubahan" in page
    assert "target ÷ realisasi × 100" in page  # the formula by its label, not its code
    assert str(ScoringPolicy._meta.get_field("points_below").verbose_name) in page
    assert "50.00" in page and "40.00" in page
    assert hr_user.username in page


def test_saving_the_same_rules_changes_nothing_and_queues_nothing(client, hr_user, period):
    client.force_login(hr_user)
    before = current_rules(period)
    response = client.post(reverse("scoring:rules-edit", args=[period.pk]), before, follow=True)
    assert "Tidak ada aturan yang berubah." in response.content.decode()
    assert unchanged(period, before)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"weight_results": "0.50"}, "Jumlah bobot R, E, C dan P harus tepat 1 (sekarang 1.10)."),
        ({"weight_results": "1.20", "weight_evaluation": "-0.55"}, "Bobot harus antara 0 dan 1."),
        ({"points_as_expected": "110"}, "Poin harus antara 0 dan 100"),
        ({"points_below": "90"}, "Poin harus berurutan: Di Atas Ekspektasi ≥ Sesuai Ekspektasi ≥ Di Bawah Ekspektasi."),
        ({"achievement_cap": "95"}, "Batas atas capaian paling sedikit 100"),
        ({"min_employee_responses": "0"}, "Pastikan nilai ini lebih besar dari atau sama dengan 1."),
        ({"lower_formula": "HALF"}, "Masukkan pilihan yang valid. HALF bukan salah satu dari pilihan yang tersedia."),
        ({"weight_citizens": "banyak"}, "Masukkan sebuah bilangan."),
    ],
)
def test_bad_input_changes_nothing_and_says_why(client, hr_user, period, changes, message):
    client.force_login(hr_user)
    before = current_rules(period)
    response = post(client, period, weight_peers="0.10", **changes)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert unchanged(period, before)


def test_one_bad_field_keeps_the_good_ones_from_being_saved_too(client, hr_user, period):
    client.force_login(hr_user)
    before = current_rules(period)
    response = post(client, period, points_below="90", achievement_cap="95")
    page = response.content.decode()
    assert "Poin harus berurutan" in page and "Batas atas capaian paling sedikit 100" in page
    assert unchanged(period, before)
    assert not period.logs.filter(action=PeriodLog.Action.RULES).exists()


def test_a_closed_periods_rules_stay_as_they_were(client, hr_user, period):
    period.status = AppraisalPeriod.Status.CLOSED
    period.save()
    client.force_login(hr_user)
    page = client.get(reverse("scoring:rules-edit", args=[period.pk])).content.decode()
    assert "sudah ditutup" in page and "Simpan dan hitung ulang" not in page
    before = current_rules(period)
    with pytest.raises(ValidationError, match="sudah ditutup"):
        scoring_rules_update(period=period, values=before | {"weight_results": Decimal("0.30")}, acting_user=hr_user)
    assert unchanged(period, before)


def test_only_hr_may_change_the_rules_even_through_the_service(period, employee):
    with pytest.raises(PermissionDenied):
        scoring_rules_update(period=period, values=current_rules(period), acting_user=employee.user)


def test_the_page_view_writes_no_policy(client, hr_user, period):
    client.force_login(hr_user)
    assert client.get(reverse("scoring:rules-edit", args=[period.pk])).status_code == 200
    assert not ScoringPolicy.objects.exists()


def test_the_admin_shows_the_periods_cap_and_formula_but_leaves_changing_them_to_this_page(client, period):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    page = client.get(reverse("admin:appraisal_appraisalperiod_change", args=[period.pk])).content.decode()
    assert 'name="hint_above_min"' in page
    assert 'name="achievement_cap"' not in page and 'name="lower_formula"' not in page
