"""End to end: a real worker is killed in the middle of a run; the watchdog's retry finishes the job."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from core.outbox import dispatch_pending
from scoring.models import EmployeeScore, ScoreRun
from scoring.services import LOCK_NAMESPACE, score_run_request, stale_runs_recover
from tests.scoring.conftest import wait_for_status

ROOT = Path(__file__).resolve().parents[2]


def _start_worker() -> subprocess.Popen:
    """A prefork worker on the test database, in its own process group so it can be killed whole."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CELERY_RESULT_BACKEND": settings.CELERY_RESULT_BACKEND,
        "SCORING_RUN_HEARTBEAT_SECONDS": "1",
    }
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=prefork", "--concurrency=1"]
    options = ["--loglevel=warning", "--without-gossip", "--without-mingle", "--without-heartbeat"]
    return subprocess.Popen([*command, *options], cwd=ROOT, env=env, start_new_session=True)


@pytest.fixture
def start_worker():
    started: list[subprocess.Popen] = []

    def start() -> subprocess.Popen:
        started.append(_start_worker())
        return started[-1]

    yield start
    for worker in started:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)


@pytest.mark.django_db(transaction=True)
def test_a_run_whose_worker_is_killed_is_failed_and_finished_by_a_retry(worked_example, period, hr_user, start_worker):
    with connection.cursor() as cursor:  # hold the period's lock, so the run is caught in the middle
        cursor.execute("SELECT pg_advisory_lock(%s, %s)", [LOCK_NAMESPACE, period.pk])
    run = score_run_request(period=period, acting_user=hr_user)
    assert dispatch_pending().sent == 1
    first = start_worker()
    assert wait_for_status(run, ScoreRun.Status.RUNNING), "the first worker never claimed the run"

    os.killpg(first.pid, signal.SIGKILL)  # the whole worker, as an OOM kill or a power cut would
    first.wait(timeout=30)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_NAMESPACE, period.pk])
    run.refresh_from_db()
    assert run.status == ScoreRun.Status.RUNNING  # without the watchdog it would stay so for ever

    start_worker()
    later = run.heartbeat_at + timedelta(seconds=settings.SCORING_RUN_STALE_SECONDS + 1)
    [retry] = stale_runs_recover(at=max(later, timezone.now()))
    assert dispatch_pending().sent == 1
    assert wait_for_status(retry, ScoreRun.Status.SUCCESS), f"the retry ended {retry.status}: {retry.error}"
    run.refresh_from_db()
    assert (run.status, run.failure, retry.attempt) == (ScoreRun.Status.FAILED, ScoreRun.Failure.STALLED, 2)
    assert EmployeeScore.objects.filter(employee=worked_example).exists()
