"""With Redis down, each request that calls for broker work answers at once and leaves the work in
the outbox: nothing a user does touches the broker (issue 10, style rule 27).

``broker_down`` points the broker, the result store and the cache at a closed port and records any
publish. Each request runs with its on-commit callbacks executed, as a real commit would.
"""

from __future__ import annotations

from collections import Counter

import pytest
from django.urls import reverse

from appraisal.models import Evaluation, Objection, Plan
from core.models import OutboxJob
from org.models import ScoreMark
from scoring.models import ScoreRun
from surveys.models import Response
from tests.appraisal.conftest import set_status
from tests.appraisal.factories import IndicatorFactory, PeriodFactory, PlanFactory, WorkResultFactory
from tests.surveys.conftest import form_url, submit

EMAIL = "notifications.tasks.notification_email_send"
RECOMPUTE = "scoring.tasks.score_run_execute"
SCORE_CHANGES = {"appraisal:evaluation-approve", "appraisal:objection-decide"}
PASSWORD = "rahasia-123"  # the factories' password


@pytest.fixture
def plan(employee, supervisor, head):
    """An approved plan of ``employee``; everyone in the chain has an e-mail address."""
    for person in (employee, supervisor, head):
        person.user.email = f"{person.user.username}@example.go.id"
        person.user.save(update_fields=["email"])
    plan = PlanFactory(period=PeriodFactory(), employee=employee)
    IndicatorFactory(work_result=WorkResultFactory(plan=plan))
    return set_status(plan, Plan.Status.APPROVED)


@pytest.fixture
def send(client, broker_down, django_capture_on_commit_callbacks):
    """POST as ``user``; return the response and the tasks the request added to the outbox."""

    def post(user, url_name, pk=None, data=None):
        if user is not None:
            client.force_login(user)
        before = set(OutboxJob.objects.values_list("pk", flat=True))
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse(url_name, args=[pk] if pk else []), data or {})
        added = OutboxJob.objects.exclude(pk__in=before).values_list("task", flat=True)
        assert broker_down == [], "a request published to the broker"
        return response, Counter(added)

    return post


def test_login_and_a_survey_submission_work_without_redis(client, send, employee, unit, broker_down):
    response, queued = send(None, "login", data={"username": "pegawai", "password": PASSWORD})
    assert (response.status_code, response["Location"], queued) == (302, reverse("home"), Counter())
    client.logout()
    response = submit(client, form_url(unit))  # the rate limits fail open
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("surveys:survey-thanks", args=[unit.code]))
    assert Response.objects.filter(unit=unit).count() == 1
    assert broker_down == []


def test_saving_a_realisation_marks_its_employee_for_the_scoring_job_without_redis(send, employee, plan):
    indicator = plan.work_results.get().indicators.get()
    data = {"checkpoint": 2, "value": "22.5", "note": ""}
    response, queued = send(employee.user, "appraisal:realisation-save", indicator.pk, data)
    assert (response.status_code, queued) == (302, Counter())
    assert list(ScoreMark.objects.values_list("employee", "year")) == [(employee.pk, plan.period.year)]


def _rating_form(evaluation: Evaluation) -> dict:
    values = {f"value_{row.value_id}": "SESUAI_EKSPEKTASI" for row in evaluation.behaviour_ratings.all()}
    ratings = {"work_rating": "SESUAI_EKSPEKTASI", "behaviour_rating": "SESUAI_EKSPEKTASI"}
    return {"version": evaluation.version, **ratings, **values}


def test_each_evaluation_step_and_the_objection_decision_queue_their_work_without_redis(
    send, plan, employee, supervisor, head
):
    """The objection decision (two e-mails and, then, a recompute) once ended in a 500 after ~19 s per job."""
    steps = [
        (supervisor, "appraisal:evaluation-create", {"kind": "ANNUAL"}, {EMAIL: 1}),
        (employee, "appraisal:evaluation-self", lambda e: {"version": e.version, "action_plan": "Belajar"}, {}),
        (employee, "appraisal:evaluation-selfsubmit", {}, {EMAIL: 1}),
        (supervisor, "appraisal:evaluation-rate", _rating_form, {}),
        (supervisor, "appraisal:evaluation-submit", {}, {EMAIL: 1}),
        (head, "appraisal:evaluation-approve", {}, {EMAIL: 1}),
        (employee, "appraisal:objection-create", {"reason": "Capaian saya 110%"}, {EMAIL: 1}),
        (head, "appraisal:objection-decide", {"upheld": "0", "reason": "Sesuai bukti", "work_rating":
            "SESUAI_EKSPEKTASI", "behaviour_rating": "SESUAI_EKSPEKTASI"}, {EMAIL: 2}),
    ]  # fmt: skip
    for person, url_name, data, expected in steps:
        evaluation = Evaluation.objects.first()
        target = plan.pk if url_name == "appraisal:evaluation-create" else evaluation.pk
        form = data(evaluation) if callable(data) else data
        ScoreMark.objects.all().delete()
        response, queued = send(person.user, url_name, target, form)
        assert (url_name, response.status_code, queued) == (url_name, 302, Counter(expected))
        # The result sent and the objection decided mark the employee for the scoring job.
        marks = [(employee.pk, plan.period.year)] if url_name in SCORE_CHANGES else []
        assert (url_name, list(ScoreMark.objects.values_list("employee", "year"))) == (url_name, marks)
    evaluation = Evaluation.objects.get()
    assert (evaluation.status, evaluation.objection.status) == (Evaluation.Status.DECIDED, Objection.Status.REJECTED)
    assert not OutboxJob.objects.filter(sent_at__isnull=False).exists()


def test_the_recompute_button_queues_its_run_without_redis(send, hr_user, plan):
    response, queued = send(hr_user, "scoring:run-start", plan.period.pk)
    run = ScoreRun.objects.get()
    assert (response.status_code, response["Location"]) == (302, reverse("scoring:run-detail", args=[run.pk]))
    assert queued == Counter({RECOMPUTE: 1})
    assert OutboxJob.objects.get().task_id == run.task_id
