"""The supervisor's monitoring page: states, expected progress and a constant number of queries."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from appraisal.models import CheckpointTarget, Plan
from appraisal.reports import plan_report
from appraisal.selectors import monitoring_rows, with_progress
from tests.factories import EmployeeFactory, UserFactory

from .conftest import set_status
from .factories import IndicatorFactory, PlanFactory, RealisationFactory, WorkResultFactory


def approved_plan_for(employee, period, *, realised: list[Decimal | None]) -> Plan:
    """An approved plan with one indicator per entry; a ``None`` entry is not reported at checkpoint 2."""
    plan = set_status(PlanFactory(period=period, employee=employee), Plan.Status.APPROVED)
    work_result = WorkResultFactory(plan=plan)
    for value in realised:
        indicator = IndicatorFactory(work_result=work_result, target_value=Decimal(100))
        CheckpointTarget.objects.create(indicator=indicator, checkpoint=2, target_value=Decimal(50))
        if value is not None:
            RealisationFactory(indicator=indicator, checkpoint=2, value=value)
    return plan


def make_team(supervisor, period, size: int) -> None:
    """Every kind of subordinate in turn: no plan, draft, on track, behind, silent."""
    for i in range(size):
        member = EmployeeFactory(supervisor=supervisor, unit=supervisor.unit, user=UserFactory())
        kind = i % 5
        if kind == 1:
            IndicatorFactory(work_result=WorkResultFactory(plan=PlanFactory(period=period, employee=member)))
        elif kind > 1:
            values = {2: [Decimal(50), Decimal(60)], 3: [Decimal(20), Decimal(30)], 4: [Decimal(50), None]}[kind]
            approved_plan_for(member, period, realised=values)


def monitoring_queries(client, supervisor) -> int:
    client.force_login(supervisor.user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("appraisal:plan-monitoring"))
    assert response.status_code == 200
    return len(queries)


def test_it_uses_the_same_number_of_queries_for_5_and_50_subordinates(client, period, supervisor, employee):
    employee.delete()
    make_team(supervisor, period, 5)
    small = monitoring_queries(client, supervisor)
    make_team(supervisor, period, 45)
    large = monitoring_queries(client, supervisor)
    assert small == large


def test_it_orders_subordinates_by_what_needs_following_up(period, supervisor, employee):
    employee.delete()
    make_team(supervisor, period, 5)
    rows = monitoring_rows(supervisor=supervisor, period=period, checkpoint=period.checkpoint(2))
    assert [row.state for row in rows] == ["NO_PLAN", "NOT_APPROVED", "NOT_REPORTED", "BEHIND", "ON_TRACK"]


def test_it_includes_the_reports_of_reports_for_the_head(period, head, supervisor, employee):
    rows = monitoring_rows(supervisor=head, period=period, checkpoint=period.checkpoint(2))
    assert {row.employee for row in rows} == {supervisor, employee}


def test_it_counts_unreported_indicators_as_zero(period, employee):
    plan = approved_plan_for(employee, period, realised=[Decimal(50), None])
    report = plan_report(
        with_progress(Plan.objects.filter(pk=plan.pk), checkpoint=2).get(), checkpoint=period.checkpoint(2)
    )
    assert report.not_reported == 1
    assert report.capaian == Decimal(50)
    assert report.is_behind


def test_it_expects_the_share_of_the_year_against_an_annual_target(period, employee):
    plan = set_status(PlanFactory(period=period, employee=employee), Plan.Status.APPROVED)
    work_result = WorkResultFactory(plan=plan)
    counted = IndicatorFactory(work_result=work_result, target_value=Decimal(40))
    days = IndicatorFactory(work_result=work_result, target_value=Decimal(4), direction="LOWER")
    RealisationFactory(indicator=counted, checkpoint=2, value=Decimal(18))
    RealisationFactory(indicator=days, checkpoint=2, value=Decimal(4))
    report = plan_report(
        with_progress(Plan.objects.filter(pk=plan.pk), checkpoint=2).get(), checkpoint=period.checkpoint(2)
    )
    assert [row.expected for row in report.rows] == [Decimal(50), Decimal(100)]
    assert report.expected == Decimal(75)
    assert report.capaian == Decimal("72.5")  # (45 + 100) / 2
    assert report.is_behind


@pytest.mark.parametrize("role", ["employee", "outsider", "hr_user"])
def test_it_refuses_the_monitoring_page_to_people_without_reports(request, client, role):
    persona = request.getfixturevalue(role)
    client.force_login(getattr(persona, "user", persona))
    assert client.get(reverse("appraisal:plan-monitoring")).status_code == 403


def test_it_sends_anonymous_users_to_login_from_monitoring(client, db):
    response = client.get(reverse("appraisal:plan-monitoring"))
    assert reverse("login") in response.url


def test_it_shows_a_subordinate_without_a_plan(client, period, supervisor, employee):
    client.force_login(supervisor.user)
    page = client.get(reverse("appraisal:plan-monitoring")).content.decode()
    assert employee.full_name in page
    assert "Belum ada SKP" in page


def test_it_shows_an_empty_state_without_periods(client, supervisor, employee):
    client.force_login(supervisor.user)
    assert "Belum ada periode penilaian" in client.get(reverse("appraisal:plan-monitoring")).content.decode()


def test_page_links_keep_the_year_and_the_scope(client, monkeypatch, period, supervisor, employee):
    monkeypatch.setattr("appraisal.views.monitoring.ROWS_PER_PAGE", 1)
    make_team(supervisor, period, 2)
    client.force_login(supervisor.user)
    url = reverse("appraisal:plan-monitoring")
    first = client.get(url, {"tahun": period.year, "lingkup": "dinilai"}).content.decode()
    assert f"?tahun={period.year}&amp;lingkup=dinilai&amp;page=2" in first
    second = client.get(url, {"tahun": period.year, "lingkup": "dinilai", "page": 2})
    assert second.context["page"].number == 2
    assert f"?tahun={period.year}&amp;lingkup=dinilai&amp;page=1" in second.content.decode()
