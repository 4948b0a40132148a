"""A run survives a lost worker: heartbeat, claim, the watchdog's retries, and a page that stops polling."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import OperationalError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from core.models import OutboxJob
from scoring.models import ScoreRun
from scoring.services import score_run_execute, stale_runs_recover
from scoring.tasks import stale_runs_recover as stale_runs_recover_task
from tests.polling import wait_for


def _run(period, *, status=ScoreRun.Status.RUNNING, silent_for=timedelta(minutes=10), **fields) -> ScoreRun:
    return ScoreRun.objects.create(
        period=period, status=status, heartbeat_at=timezone.now() - silent_for, task_id="t-1", **fields
    )


def test_the_watchdog_fails_a_run_whose_worker_went_silent_and_queues_a_retry(period, hr_user):
    lost = _run(period, requested_by=hr_user, started_at=timezone.now() - timedelta(minutes=11))
    retries = stale_runs_recover()
    lost.refresh_from_db()
    assert (lost.status, lost.failure) == (ScoreRun.Status.FAILED, ScoreRun.Failure.STALLED)
    assert lost.finished_at is not None
    [retry] = retries
    assert (retry.retry_of, retry.attempt, retry.status) == (lost, 2, ScoreRun.Status.QUEUED)
    assert (retry.scope, retry.requested_by, retry.period) == (lost.scope, hr_user, period)
    assert retry.task_id not in ("", lost.task_id)
    # the new attempt waits in the outbox, written in the watchdog's own transaction
    assert list(OutboxJob.objects.pending().values_list("task_id", flat=True)) == [retry.task_id]


def test_the_watchdog_is_idempotent(period):
    _run(period)
    assert len(stale_runs_recover()) == 1
    assert stale_runs_recover() == []
    assert ScoreRun.objects.count() == 2


def test_the_watchdog_leaves_a_live_run_and_a_short_queue_alone(period):
    live = _run(period, silent_for=timedelta(seconds=30))
    waiting = _run(period, status=ScoreRun.Status.QUEUED, silent_for=timedelta(minutes=10))
    assert stale_runs_recover() == []
    assert {live.status, waiting.status} == {run.status for run in ScoreRun.objects.all()}


def test_a_run_still_queued_after_the_queue_patience_is_retried(period, settings):
    _run(period, status=ScoreRun.Status.QUEUED, silent_for=timedelta(seconds=settings.SCORING_RUN_QUEUED_SECONDS + 1))
    assert len(stale_runs_recover()) == 1


def test_the_watchdog_gives_up_after_the_last_attempt(period, settings):
    last = _run(period, attempt=settings.SCORING_RUN_MAX_ATTEMPTS)
    assert stale_runs_recover() == []
    last.refresh_from_db()
    assert last.status == ScoreRun.Status.FAILED
    assert ScoreRun.objects.count() == 1


def test_the_watchdog_task_runs_the_retry_through_the_worker_path(
    settings, period, worked_example, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    lost = _run(period)
    with django_capture_on_commit_callbacks(execute=True):
        assert stale_runs_recover_task.delay().get() == 1
    assert lost.retry.status == ScoreRun.Status.SUCCESS
    assert lost.retry.progress == 100


def test_a_second_delivery_of_a_claimed_run_computes_nothing(period, monkeypatch):
    running = _run(period, silent_for=timedelta(0))
    monkeypatch.setattr("scoring.services.scores_compute", pytest.fail)
    assert score_run_execute(run_id=running.pk) is None
    running.refresh_from_db()
    assert running.status == ScoreRun.Status.RUNNING


def test_a_transient_error_puts_the_run_back_in_the_queue_for_the_retry(period, monkeypatch):
    run = ScoreRun.objects.create(period=period)

    def connection_lost(**kwargs):
        raise OperationalError("server closed the connection")

    monkeypatch.setattr("scoring.services.scores_compute", connection_lost)
    with pytest.raises(OperationalError):
        score_run_execute(run_id=run.pk, retry_transient=True)
    run.refresh_from_db()
    assert (run.status, run.finished_at) == (ScoreRun.Status.QUEUED, None)
    assert "server closed" in run.error


@pytest.mark.django_db(transaction=True)
def test_a_running_run_shows_its_heartbeat_and_progress_while_its_transaction_is_open(period, settings, monkeypatch):
    """The pulse writes on its own connection: HR sees progress before the computation commits."""
    settings.SCORING_RUN_HEARTBEAT_SECONDS = 0.1
    run = _run(period, status=ScoreRun.Status.QUEUED, silent_for=timedelta(minutes=1))
    reported, release = threading.Event(), threading.Event()

    @transaction.atomic
    def slow_compute(*, on_progress, **kwargs):
        on_progress(1, 4)
        reported.set()
        release.wait(timeout=30)
        raise RuntimeError("stop here")

    monkeypatch.setattr("scoring.services.scores_compute", slow_compute)
    worker = threading.Thread(target=_execute_and_close, args=(run.pk,))
    worker.start()
    assert reported.wait(timeout=10)
    seen = wait_for(lambda: ScoreRun.objects.filter(pk=run.pk, progress=25).first())
    release.set()
    worker.join(timeout=30)
    assert seen is not None
    assert timezone.now() - seen.heartbeat_at < timedelta(seconds=10)
    assert ScoreRun.objects.get(pk=run.pk).status == ScoreRun.Status.FAILED


def _execute_and_close(run_id: int) -> None:
    try:
        score_run_execute(run_id=run_id)
    except RuntimeError:
        pass
    finally:
        connection.close()


def test_the_status_endpoint_answers_from_the_stored_run_while_the_broker_is_down(client, hr_user, period, broker_down):
    run = _run(period, silent_for=timedelta(seconds=5), progress=40)
    client.force_login(hr_user)
    response = client.get(reverse("scoring:run-status", args=[run.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'data-status="RUNNING"' in content
    assert 'aria-valuenow="40"' in content
    assert 'hx-trigger="every 1s"' in content


def test_a_run_that_lost_its_worker_says_so_and_stops_polling(client, hr_user, period):
    lost = _run(period)
    [retry] = stale_runs_recover()
    client.force_login(hr_user)
    content = client.get(reverse("scoring:run-status", args=[lost.pk])).content.decode()
    assert "hx-get" not in content
    assert 'data-status="FAILED"' in content
    assert "Worker Celery berhenti di tengah penghitungan" in content
    assert reverse("scoring:run-detail", args=[retry.pk]) in content
    detail = client.get(reverse("scoring:run-detail", args=[retry.pk])).content.decode()
    assert "percobaan ke-2 dari 3" in detail
    assert reverse("scoring:run-detail", args=[lost.pk]) in detail


def test_a_silent_run_warns_before_the_watchdog_comes(client, hr_user, period):
    silent = _run(period)
    client.force_login(hr_user)
    content = client.get(reverse("scoring:run-status", args=[silent.pk])).content.decode()
    assert "Belum ada tanda hidup dari worker" in content
    assert "hx-get" in content


def test_the_last_failed_attempt_says_it_is_not_retried(client, hr_user, period, settings):
    _run(period, attempt=settings.SCORING_RUN_MAX_ATTEMPTS)
    stale_runs_recover()
    client.force_login(hr_user)
    content = client.get(reverse("scoring:run-status", args=[ScoreRun.objects.get().pk])).content.decode()
    assert "Tidak dicoba lagi: sudah 3 kali gagal" in content
