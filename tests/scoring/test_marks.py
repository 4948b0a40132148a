"""Scores learn what changed from the data: a change marks its employee in the same transaction, and
the every-minute job recomputes exactly the marked employees, set-based, and clears the marks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from appraisal.models import PeerRequest
from appraisal.services.feedback import peer_answer
from appraisal.services.progress import realisation_record
from org.models import ScoreMark
from scoring.models import EmployeeScore, ScoreRun, UnitScore
from scoring.services import marked_scores_compute, scores_compute
from tests.factories import EmployeeFactory
from tests.scoring.conftest import approved_plan, core_values, sent_evaluation
from tests.surveys.conftest import form_url, submit
from tests.surveys.factories import OfficerFactory


def _marks() -> list[tuple[int, int]]:
    return list(ScoreMark.objects.order_by("employee").values_list("employee", "year"))


def _record(plan, value: int) -> None:
    indicator = plan.work_results.first().indicators.first()
    realisation_record(indicator=indicator, checkpoint=1, value=Decimal(value), note="", acting_user=plan.employee.user)


def test_a_realisation_marks_its_employee_in_the_same_transaction(period, employee):
    plan = approved_plan(employee, period)
    with pytest.raises(RuntimeError), transaction.atomic():
        _record(plan, 50)
        assert _marks() == [(employee.pk, 2026)]
        raise RuntimeError("the request fails after the save")
    assert _marks() == []
    _record(plan, 50)
    _record(plan, 40)  # a second change keeps the one mark
    assert _marks() == [(employee.pk, 2026)]
    assert not ScoreRun.objects.exists()  # nothing queued: the job finds the mark


def test_a_peer_answer_and_a_survey_response_naming_an_officer_mark_the_people_they_count_for(
    client, period, employee, supervisor, unit
):
    evaluation = sent_evaluation(approved_plan(employee, period))
    evaluation.status = "RATING"
    evaluation.save(update_fields=["status"])
    request = PeerRequest.objects.create(evaluation=evaluation, peer=supervisor)
    scores = {value.pk: 3 for value in core_values()}
    peer_answer(request=request, scores=scores, comment="", acting_user=supervisor.user)
    assert _marks() == [(employee.pk, 2026)]
    officer = OfficerFactory(employee=supervisor)
    submit(client, form_url(unit, petugas=officer.token))
    assert sorted(_marks()) == sorted([(employee.pk, 2026), (supervisor.pk, period.year)])


def test_the_job_recomputes_exactly_the_marked_employees_and_clears_their_marks(
    period, employee, supervisor, django_assert_max_num_queries
):
    approved_plan(supervisor, period)
    plan = approved_plan(employee, period)
    marked_scores_compute()  # nothing marked yet: nothing computed
    assert not EmployeeScore.objects.exists()
    ScoreMark.objects.all().delete()
    _record(plan, 50)
    assert marked_scores_compute() == 1
    assert set(EmployeeScore.objects.values_list("employee", flat=True)) == {employee.pk}
    # I1 at checkpoint 1: 50 of 50 → 100, the others not reported (0): (2×100) / 4 = 50.
    assert EmployeeScore.objects.get(employee=employee, checkpoint=1).achievement == Decimal("50.00")
    assert _marks() == []
    with django_assert_max_num_queries(3):  # the claim and its savepoint: nothing else is read or computed
        assert marked_scores_compute() == 0


def test_one_job_computes_many_marked_employees_with_the_statements_of_one(period, employee, supervisor, head):
    for person in (employee, supervisor, head):
        approved_plan(person, period)
    ScoreMark.objects.mark(employee_ids=[employee.pk, supervisor.pk, head.pk], year=period.year)
    ScoreMark.objects.mark(employee_ids=[employee.pk], year=1999)  # a year without a period: just cleared
    assert marked_scores_compute() == 4
    assert EmployeeScore.objects.values("employee").distinct().count() == 3
    assert _marks() == []


def test_the_employee_and_hr_pages_show_the_score_once_the_job_ran(client, period, employee, hr_user):
    plan = approved_plan(employee, period)
    _record(plan, 50)
    own_page = reverse("scoring:employee-scores", args=[employee.pk])
    client.force_login(employee.user)
    assert "50,00" not in client.get(own_page).content.decode()
    marked_scores_compute()
    assert "50,00" in client.get(own_page).content.decode()
    client.force_login(hr_user)
    assert "50,00" in client.get(own_page).content.decode()


def test_the_job_sends_as_many_statements_for_a_large_period_as_for_a_small_one(period, employee, unit):
    def job_statements_with(people: int) -> int:
        for person in EmployeeFactory.create_batch(people, unit=unit):
            approved_plan(person, period)
        scores_compute(period=period)  # everyone stored, as after the nightly run
        _record(plan, 40 + people)
        with CaptureQueriesContext(connection) as queries:
            assert marked_scores_compute() == 1
        return len(queries)

    plan = approved_plan(employee, period)
    assert job_statements_with(2) == job_statements_with(40)
    assert EmployeeScore.objects.filter(checkpoint=1).count() >= 43


def test_the_job_leaves_the_unit_aggregates_to_the_whole_period_run(period, employee):
    plan = approved_plan(employee, period)
    scores_compute(period=period)
    aggregates = list(UnitScore.objects.order_by("pk").values())
    _record(plan, 25)
    marked_scores_compute()
    assert EmployeeScore.objects.get(employee=employee, checkpoint=1).achievement == Decimal("25.00")
    assert list(UnitScore.objects.order_by("pk").values()) == aggregates
    scores_compute(period=period)
    assert list(UnitScore.objects.order_by("pk").values()) != aggregates
