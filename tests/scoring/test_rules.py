"""Every stored score records the rule version and the settings that made it (scoring.rules)."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from scoring.models import EmployeeScore, ScoringRules, UnitScore
from scoring.rules import RULE_VERSION
from scoring.services import policy_for, scores_compute
from tests.appraisal.factories import PeriodFactory
from tests.scoring.conftest import TODAY, approved_plan


def settings_in_force(period, policy, settings) -> dict:
    """Read afresh from the period, its policy and the deployment's settings: what the run applied."""
    period.refresh_from_db()
    policy.refresh_from_db()
    return {
        "achievement_cap": f"{period.achievement_cap:.2f}",
        "achievement_floor": settings.APPRAISAL_ACHIEVEMENT_FLOOR,
        "lower_formula": period.lower_formula,
        "points": {
            "above": f"{policy.points_above:.2f}",
            "as_expected": f"{policy.points_as_expected:.2f}",
            "below": f"{policy.points_below:.2f}",
        },
        "weights": {
            "R": f"{policy.weight_results:.2f}",
            "E": f"{policy.weight_evaluation:.2f}",
            "C": f"{policy.weight_citizens:.2f}",
            "P": f"{policy.weight_peers:.2f}",
        },
        "min_employee_responses": policy.min_employee_responses,
        "min_peer_answers": settings.APPRAISAL_PEER_MIN_ANSWERS,
        "skm_weight_mode": settings.SKM_WEIGHT_MODE,
    }


def test_a_stored_score_records_the_rule_version_and_the_settings_in_force(period, worked_example, settings):
    settings.APPRAISAL_PEER_MIN_ANSWERS = 3
    settings.SKM_WEIGHT_MODE = "0.111"
    scores_compute(period=period, today=TODAY)
    score = EmployeeScore.objects.select_related("rules").get(employee=worked_example, checkpoint=4)
    assert score.rules.rule_version == RULE_VERSION
    assert score.rules.settings == settings_in_force(period, policy_for(period), settings)
    assert set(UnitScore.objects.filter(period=period).values_list("rules", flat=True)) == {score.rules_id}


def test_one_snapshot_serves_every_row_and_every_rerun_with_the_same_rules(period, worked_example):
    scores_compute(period=period, today=TODAY)
    scores_compute(period=period, today=TODAY)
    assert ScoringRules.objects.count() == 1
    assert set(EmployeeScore.objects.values_list("rules", flat=True)) == {ScoringRules.objects.get().pk}


def test_a_policy_change_gives_a_new_snapshot_and_the_old_one_stays_with_the_scores_it_made(
    period, worked_example, settings
):
    earlier = PeriodFactory(year=2025, lower_formula="RATIO")
    approved_plan(worked_example, earlier)
    scores_compute(period=earlier, today=TODAY)
    scores_compute(period=period, today=TODAY)
    old = EmployeeScore.objects.get(period=period, employee=worked_example, checkpoint=4)
    policy = policy_for(period)
    policy.weight_results, policy.weight_peers = Decimal("0.45"), Decimal("0.05")
    policy.save()
    period.achievement_cap = Decimal(110)
    period.save()

    result = scores_compute(period=period, today=TODAY)

    new = EmployeeScore.objects.get(pk=old.pk)
    assert result.rows_changed > 0
    assert new.rules_id != old.rules_id
    assert new.rules.settings == settings_in_force(period, policy, settings)
    assert new.rules.settings["weights"]["R"] == "0.45"
    assert ScoringRules.objects.filter(pk=old.rules_id).exists()
    # The earlier period, computed under the same numbers as the old snapshot, still reads them.
    assert set(EmployeeScore.objects.filter(period=earlier).values_list("rules", flat=True)) == {old.rules_id}


def test_the_score_page_shows_the_rule_version_and_the_settings(client, period, worked_example):
    scores_compute(period=period, today=TODAY)
    client.force_login(worked_example.user)
    page = client.get(reverse("scoring:employee-scores", args=[worked_example.pk])).content.decode()
    rules = ScoringRules.objects.get()
    assert f"versi {RULE_VERSION} (#{rules.pk})" in page
    assert "target ÷ realisasi × 100" in page  # the period's lower-is-better formula, by its label
    for label, value in rules.setting_rows():
        assert str(label) in page
        assert value in page
