"""Runs: the worker path through a real Celery worker and Redis, failures shown, the period lock."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, transaction

from core.models import OutboxJob
from core.outbox import dispatch_pending
from scoring.models import EmployeeScore, ScoreRun
from scoring.services import LOCK_NAMESPACE, score_run_execute, score_run_request, scores_compute
from tests.scoring.conftest import TODAY, wait_for_status
from training.tasks import recommendations_compute


@pytest.mark.django_db(transaction=True)
def test_a_requested_run_is_carried_out_by_a_real_worker(worker, worked_example, period, hr_user):
    run = score_run_request(period=period, acting_user=hr_user)
    assert dispatch_pending().sent == 1
    assert wait_for_status(run, ScoreRun.Status.SUCCESS, seconds=60)
    assert run.statements > 0
    assert EmployeeScore.objects.filter(employee=worked_example).exists()


def test_the_task_runs_eagerly_through_the_same_service(
    settings, worked_example, period, hr_user, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    with django_capture_on_commit_callbacks(execute=True):
        run = score_run_request(period=period, acting_user=hr_user)
    run.refresh_from_db()
    assert (run.status, run.requested_by) == (ScoreRun.Status.SUCCESS, hr_user)
    assert EmployeeScore.objects.filter(employee=worked_example, checkpoint__gte=1).count() >= 1


def test_a_finished_run_queues_the_training_recommendations_of_its_period(worked_example, period):
    run = ScoreRun.objects.create(period=period)
    score_run_execute(run_id=run.pk)
    queued = OutboxJob.objects.filter(task=recommendations_compute.name)
    assert list(queued.values_list("args", flat=True)) == [[period.pk]]


def test_a_failure_is_recorded_on_the_run(period, monkeypatch):
    run = ScoreRun.objects.create(period=period)

    def broken(**kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr("scoring.services.scores_compute", broken)
    with pytest.raises(RuntimeError):
        score_run_execute(run_id=run.pk, retry_transient=True)
    run.refresh_from_db()
    assert (run.status, run.failure) == (ScoreRun.Status.FAILED, ScoreRun.Failure.ERROR)
    assert "disk penuh" in run.error
    assert run.finished_at is not None


@pytest.mark.django_db(transaction=True)
def test_a_second_run_waits_for_the_first_to_finish(worked_example, period):
    """The advisory lock on the period: a run cannot start while another holds it."""
    holding, release, finished = threading.Event(), threading.Event(), threading.Event()

    def first_run_holding_the_lock():
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_NAMESPACE, period.pk])
            holding.set()
            release.wait(timeout=30)
        connection.close()

    def second_run():
        scores_compute(period=period, today=TODAY)
        finished.set()
        connection.close()

    first = threading.Thread(target=first_run_holding_the_lock)
    first.start()
    assert holding.wait(timeout=10)
    second = threading.Thread(target=second_run)
    second.start()
    assert not finished.wait(timeout=1)  # blocked behind the lock
    release.set()
    first.join(timeout=30)
    second.join(timeout=30)
    assert finished.is_set()
    assert EmployeeScore.objects.get(employee=worked_example, checkpoint=4).score == Decimal("88.33")


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_runs_leave_one_correct_row_each(worked_example, period):
    errors = []

    def run():
        try:
            scores_compute(period=period, today=TODAY)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert EmployeeScore.objects.filter(employee=worked_example).count() == 4
    assert EmployeeScore.objects.get(employee=worked_example, checkpoint=4).score == Decimal("88.33")
