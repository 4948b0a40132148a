"""Each card's count against the hand-made Pemda of ``conftest.py``, at and around each deadline."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from appraisal.distribution import distribution_check
from appraisal.models import OrganisationResult
from leaders.dashboard import figures, selectors
from leaders.dashboard.scope import Scope
from tests.factories import EmployeeFactory

from .conftest import _evaluation, _plan


def scope_of(world, *, unit=None, kind: str = "", today: date | None = None, now=None) -> Scope:
    now = now or timezone.now()
    return Scope.of(period=world.period, unit=unit, position_kind=kind, now=now, today=today or timezone.localdate(now))


def names(queryset, field: str = "name") -> set[str]:
    return set(queryset.values_list(field, flat=True))


def test_it_counts_plans_not_submitted_and_not_approved_after_the_deadline(world, unit):
    card = selectors.plan_card(scope_of(world, unit=unit))
    assert (card.passed, card.not_submitted, card.submitted) == (True, 2, 1)
    assert names(selectors.plans_late(scope_of(world, unit=unit))) == {"Pegawai", "Draft", "Waiting"}
    everywhere = selectors.plan_card(scope_of(world))
    assert (everywhere.not_submitted, everywhere.submitted) == (3, 1)  # Elsewhere has no plan either


def test_on_the_deadline_day_no_plan_is_late_yet(world, unit):
    world.period.plan_deadline = date(2026, 5, 15)
    card = selectors.plan_card(scope_of(world, unit=unit))
    assert (card.passed, card.total) == (False, 0)
    assert not selectors.plans_late(scope_of(world, unit=unit)).exists()


def test_it_splits_late_plans_by_stage(world, unit):
    scope = scope_of(world, unit=unit)
    assert names(selectors.plans_late(scope, stage=selectors.SUBMITTED)) == {"Waiting"}
    assert names(selectors.plans_late(scope, stage=selectors.NOT_SUBMITTED)) == {"Pegawai", "Draft"}


@pytest.mark.parametrize(("days", "overdue"), [(44, 1), (45, None)])
def test_a_checkpoint_is_overdue_only_after_its_due_day(world, unit, settings, days, overdue):
    """Checkpoint I ends 31 March; with 45 days it is due on 15 May (today): not yet overdue."""
    settings.LEADERS_EVALUATION_DAYS = days
    counts = {row.checkpoint.number: row.overdue for row in selectors.evaluation_card(scope_of(world, unit=unit))}
    assert counts == {1: overdue, 2: None, 3: None, 4: None}


def test_overdue_evaluations_are_the_approved_plans_without_a_finished_one(world, unit):
    overdue = selectors.evaluations_overdue(scope_of(world, unit=unit), 1)
    assert names(overdue, "employee__name") == {"Revised"}
    assert not selectors.evaluations_overdue(scope_of(world, unit=unit), 2).exists()  # not due yet


def test_each_checkpoint_counts_what_its_list_pages_through_and_only_the_settling_kind_finishes_it(world, unit):
    """A year later every checkpoint is due. Checkpoints I to III are settled by the periodic evaluation,
    the last by the annual one; a plan of someone no longer active is not counted."""
    newcomer = EmployeeFactory(name="Newcomer", position__unit=unit)
    plan = _plan(newcomer, world.period, "APPROVED", approved=True)
    _evaluation(plan, kind="ANNUAL", checkpoint=1, status="SENT")  # not the kind that settles I
    _evaluation(plan, kind="PERIODIC", checkpoint=4, status="SENT")  # nor the one that settles the last
    _plan(world.people["on_leave"], world.period, "APPROVED", approved=True)
    scope = scope_of(world, unit=unit, today=date(2027, 2, 1))

    counts = {row.checkpoint.number: row.overdue for row in selectors.evaluation_card(scope)}

    assert counts == {1: 2, 2: 5, 3: 5, 4: 3}
    assert counts == {n: selectors.evaluations_overdue(scope, n).count() for n in counts}
    assert names(selectors.evaluations_overdue(scope, 1), "employee__name") == {"Revised", "Newcomer"}
    assert names(selectors.evaluations_overdue(scope, 4), "employee__name") == {"Kepala", "Revised", "Newcomer"}


def test_it_counts_objections_waiting_for_a_decision(world, unit):
    pending = selectors.objections_pending(scope_of(world, unit=unit))
    assert names(pending, "evaluation__plan__employee__name") == {"Objector"}
    assert not selectors.objections_pending(scope_of(world, unit=world.other_opd)).exists()


def test_it_counts_complaints_past_the_response_target(world, unit):
    overdue = set(selectors.complaints_overdue(scope_of(world, unit=unit)))
    assert overdue == {world.complaints["late"], world.complaints["bidang"]}
    assert selectors.complaints_overdue(scope_of(world)).count() == 3


def test_a_complaint_one_minute_before_its_target_is_not_overdue_yet(world, unit):
    in_time = world.complaints["in_time"]
    later = timezone.now() + timedelta(minutes=2)
    assert in_time not in set(selectors.complaints_overdue(scope_of(world, unit=unit)))
    assert in_time in set(selectors.complaints_overdue(scope_of(world, unit=unit, now=later)))


def test_it_counts_active_employees_below_the_minimum_jp_this_year(world, unit):
    below = selectors.jp_below_minimum(scope_of(world, unit=unit))
    assert {(row.name, row.jp) for row in below} == {("Pegawai", 0), ("Atasan", 19), ("Draft", 0)}
    assert names(selectors.jp_below_minimum(scope_of(world, unit=unit, kind="STRUKTURAL"))) == {"Atasan"}


def test_the_jp_card_counts_its_list_and_a_minimum_of_zero_leaves_nobody_below(world, unit, settings):
    scope = scope_of(world, unit=unit)
    assert selectors.cards(scope).jp == selectors.jp_below_minimum(scope).count() == 3
    settings.TRAINING_MINIMUM_JP = "0"
    assert selectors.cards(scope).jp == 0 and not selectors.jp_below_minimum(scope).exists()


def test_the_predikat_distribution_uses_appraisals_check(world, unit):
    rows = {row.unit.pk: row for row in figures.distribution_rows(scope_of(world), figures.row_units(scope_of(world)))}
    dinkes = rows[unit.pk]
    assert dinkes.counts == {"BAIK": 1, "SANGAT_BAIK": 1}
    assert dinkes.check == distribution_check(result="BAIK", counts=dinkes.counts)
    assert not dinkes.check.valid  # Baik needs at least one Butuh Perbaikan or Kurang
    assert rows[world.other_opd.pk].total == 0 and rows[world.other_opd.pk].check is None


def test_a_chosen_unit_has_a_row_and_one_per_sub_unit(world, unit):
    scope = scope_of(world, unit=unit)
    assert [row.pk for row in figures.row_units(scope)] == [unit.pk, world.bidang.pk]


def test_the_training_needs_in_brief(world, unit):
    brief = figures.needs_brief(scope_of(world, unit=unit))
    assert brief.people == 3
    assert [(row.code, row.people) for row in brief.top] == [("M.03", 2), ("M.01", 1)]
    assert names(selectors.people_in_need(scope_of(world, unit=unit), competency="M.03")) == {"Pegawai", "Draft"}


def test_scores_and_ikm_per_unit_across_periods(scores, unit):
    scope = scope_of(scores, unit=unit)
    periods = figures.trend_periods(scores.period)
    rows = {row.unit.pk: row for row in figures.score_rows(scope, figures.row_units(scope), periods)}
    dinkes = rows[unit.pk]
    assert [(f.period.year, f.mean_score, f.ikm) for f in dinkes.figures] == [
        (2025, Decimal("60.00"), Decimal("80.00")),
        (2026, Decimal("80.00"), Decimal("83.33")),
    ]
    assert dinkes.change == 20
    assert rows[scores.bidang.pk].current.mean_score == 90
    struktural = scope_of(scores, unit=unit, kind="STRUKTURAL")
    assert figures.score_rows(struktural, [unit], periods)[0].current.mean_score == 75


def test_units_whose_own_check_failed_are_named(world, unit):
    """Appraisal stores its own per-unit verdict; the dashboard names those units within the scope."""
    OrganisationResult.objects.create(unit=world.bidang, period=world.period, result="BAIK", exceeded=True)
    OrganisationResult.objects.create(unit=world.other_opd, period=world.period, result="BAIK", exceeded=True)
    assert [row.unit for row in figures.units_outside_pattern(scope_of(world, unit=unit))] == [world.bidang]
    assert len(figures.units_outside_pattern(scope_of(world))) == 2
