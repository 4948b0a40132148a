"""Appraisal periods: checkpoints, HR-only opening, closing and reopening with a recorded reason."""

from __future__ import annotations

import importlib
from datetime import date
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from appraisal.achievement import LowerFormula
from appraisal.models import AppraisalPeriod, PeriodLog
from appraisal.services.periods import period_close, period_create, period_reopen

from .factories import IndicatorFactory, PeriodFactory, PlanFactory


def test_it_splits_a_quarterly_year_into_four_checkpoints():
    period = AppraisalPeriod(year=2026, checkpoint_type="TRIWULANAN")
    checkpoints = period.checkpoints()
    assert [c.label for c in checkpoints] == ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"]
    assert (checkpoints[1].start, checkpoints[1].end) == (date(2026, 4, 1), date(2026, 6, 30))


@pytest.mark.parametrize(
    ("kind", "count", "last_end"),
    [("BULANAN", 12, date(2026, 12, 31)), ("SEMESTERAN", 2, date(2026, 12, 31)), ("TAHUNAN", 1, date(2026, 12, 31))],
)
def test_it_supports_every_period_type(kind, count, last_end):
    checkpoints = AppraisalPeriod(year=2026, checkpoint_type=kind).checkpoints()
    assert len(checkpoints) == count
    assert checkpoints[-1].end == last_end


def test_it_finds_the_checkpoint_of_a_day_and_clamps_outside_the_year():
    period = AppraisalPeriod(year=2026, checkpoint_type="BULANAN")
    assert period.checkpoint_on(date(2025, 12, 31)).number == 1
    assert period.checkpoint_on(date(2026, 2, 28)).label == "Februari"
    assert period.checkpoint_on(date(2027, 1, 1)).number == 12


def test_it_takes_cap_and_thresholds_from_settings_at_creation(settings, hr_user):
    settings.APPRAISAL_ACHIEVEMENT_CAP = "130"
    settings.APPRAISAL_HINT_AS_EXPECTED_MIN = "85"
    period = period_create(year=2027, checkpoint_type="TRIWULANAN", acting_user=hr_user)
    period.refresh_from_db()
    assert period.achievement_cap == Decimal(130)
    assert period.rules().as_expected_min == Decimal(85)
    assert period.plan_deadline == date(2027, 1, 31)
    assert period.logs.get().action == PeriodLog.Action.CREATE


def test_it_takes_the_lower_is_better_formula_from_settings_at_creation(settings, hr_user):
    assert PeriodFactory(year=2027).rules().lower_formula is LowerFormula.REGULATION
    settings.APPRAISAL_LOWER_FORMULA = "RATIO"
    period = period_create(year=2028, checkpoint_type="TRIWULANAN", acting_user=hr_user)
    period.refresh_from_db()
    assert period.rules().lower_formula is LowerFormula.RATIO


def test_the_database_refuses_an_unknown_lower_is_better_formula(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        PeriodFactory(year=2027, lower_formula="HALF")


def test_the_migration_keeps_the_figures_already_shown(db):
    """Closed periods keep target ÷ realisation; range indicators, which lost on both sides, become stabil."""
    closed = PeriodFactory(year=2025, status="CLOSED", lower_formula="REGULATION")
    open_period = PeriodFactory(year=2026, lower_formula="REGULATION")
    plan = PlanFactory(period=open_period)
    band = IndicatorFactory(work_result__plan=plan, target_value=None, target_low=90, target_high=100)
    single = IndicatorFactory(work_result=band.work_result, direction="LOWER")
    importlib.import_module("appraisal.migrations.0005_lower_formula_and_stabil_direction").keep_shown_figures(
        apps, None
    )
    for row in [closed, open_period, band, single]:
        row.refresh_from_db()
    assert (closed.lower_formula, open_period.lower_formula) == ("RATIO", "REGULATION")
    assert (band.direction, single.direction) == ("STABIL", "LOWER")


def test_it_lets_only_hr_open_a_period(employee):
    with pytest.raises(PermissionDenied):
        period_create(year=2027, checkpoint_type="TRIWULANAN", acting_user=employee.user)


def test_it_refuses_a_second_period_for_the_same_year(hr_user):
    PeriodFactory(year=2027)
    with pytest.raises(ValidationError):
        period_create(year=2027, checkpoint_type="BULANAN", acting_user=hr_user)


def test_it_records_who_closed_and_reopened_and_why(hr_user, period):
    period_close(period=period, reason="Tahun anggaran selesai", acting_user=hr_user)
    period_reopen(period=period, reason="Koreksi realisasi Dinas Kesehatan", acting_user=hr_user)
    period.refresh_from_db()
    assert period.is_open
    logs = list(period.logs.order_by("pk").values_list("action", "reason", "actor"))
    assert logs == [
        ("CLOSE", "Tahun anggaran selesai", hr_user.pk),
        ("REOPEN", "Koreksi realisasi Dinas Kesehatan", hr_user.pk),
    ]


def test_it_requires_a_reason_to_reopen(hr_user, period):
    period_close(period=period, reason="Selesai", acting_user=hr_user)
    with pytest.raises(ValidationError):
        period_reopen(period=period, reason="  ", acting_user=hr_user)
    period.refresh_from_db()
    assert not period.is_open


def test_it_refuses_to_close_a_closed_period(hr_user, period):
    period_close(period=period, reason="Selesai", acting_user=hr_user)
    with pytest.raises(ValidationError):
        period_close(period=period, reason="Lagi", acting_user=hr_user)


@pytest.mark.parametrize("role", ["employee", "supervisor", "head"])
def test_it_refuses_closing_and_reopening_by_non_hr(request, client, period, role):
    client.force_login(request.getfixturevalue(role).user)
    response = client.post(reverse("appraisal:period-close", args=[period.pk]), {"reason": "x"})
    assert response.status_code == 403
    period.refresh_from_db()
    assert period.is_open


def test_it_closes_a_period_from_the_hr_page(client, hr_user, period):
    client.force_login(hr_user)
    client.post(reverse("appraisal:period-close", args=[period.pk]), {"reason": "Akhir tahun"})
    period.refresh_from_db()
    assert not period.is_open
    page = client.get(reverse("appraisal:period-list")).content.decode()
    assert "Akhir tahun" in page


def test_it_does_not_close_without_a_reason_from_the_hr_page(client, hr_user, period):
    client.force_login(hr_user)
    client.post(reverse("appraisal:period-close", args=[period.pk]), {"reason": ""})
    period.refresh_from_db()
    assert period.is_open


def test_it_opens_a_period_from_the_hr_page(client, hr_user):
    client.force_login(hr_user)
    response = client.post(reverse("appraisal:period-create"), {"year": 2028, "checkpoint_type": "BULANAN"})
    assert response.status_code == 302
    assert AppraisalPeriod.objects.get(year=2028).checkpoint_type == "BULANAN"


@pytest.mark.parametrize("role", ["employee", "outsider"])
def test_it_hides_the_period_page_from_non_hr(request, client, role):
    client.force_login(request.getfixturevalue(role).user)
    assert client.get(reverse("appraisal:period-list")).status_code == 403


def test_it_sends_anonymous_users_to_login_from_the_period_page(client, db):
    response = client.get(reverse("appraisal:period-list"))
    assert response.status_code == 302
    assert reverse("login") in response.url
