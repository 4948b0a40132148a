"""Health: the plain endpoint for monitoring (bounded on Redis) and the administrators' page."""

from __future__ import annotations

import json
import socket
import threading
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from core.backups import backup_create
from core.health import Check, broker_check
from core.models import Heartbeat, OutboxJob
from core.tasks import worker_heartbeat
from notifications.reminders import registered

CLOSED_PORT = "redis://127.0.0.1:6399/0"


@pytest.fixture
def worker_alive(db):
    return Heartbeat.objects.create(name=Heartbeat.WORKER, at=timezone.now() - timedelta(seconds=30))


def _health(client):
    response = client.get(reverse("core:health-check"))
    return response.status_code, response.json()


def test_it_answers_ok_when_everything_is_up(client, worker_alive):
    assert _health(client) == (
        200,
        {"status": "ok", "checks": {"database": "ok", "broker": "ok", "worker": "ok", "outbox": "ok"}},
    )


def test_it_names_the_broker_when_redis_is_down(client, worker_alive, settings):
    settings.CELERY_BROKER_URL = CLOSED_PORT
    status, body = _health(client)
    assert (status, body["status"]) == (503, "error")
    assert body["checks"] == {"database": "ok", "broker": "ConnectionError", "worker": "ok", "outbox": "ok"}


def test_it_does_not_wait_long_on_a_redis_that_never_answers(settings):
    """A port that accepts the connection and then says nothing: the check gives up after its timeout."""
    settings.HEALTH_BROKER_TIMEOUT = 0.5
    answers = []
    with socket.create_server(("127.0.0.1", 0)) as silent:
        settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{silent.getsockname()[1]}/0"
        asking = threading.Thread(target=lambda: answers.append(broker_check()))
        started = time.monotonic()
        asking.start()
        asking.join(timeout=5)
        elapsed = time.monotonic() - started
    asking.join()
    assert answers == [Check("broker", ok=False, detail="TimeoutError")]
    assert elapsed < 3


def test_it_names_a_worker_that_stopped_beating(client, worker_alive, settings):
    worker_alive.at = timezone.now() - timedelta(seconds=settings.HEALTH_WORKER_STALE_SECONDS + 1)
    worker_alive.save()
    assert _health(client) == (
        503,
        {"status": "error", "checks": {"database": "ok", "broker": "ok", "worker": "stale", "outbox": "ok"}},
    )


def test_it_names_a_worker_that_never_ran(client, db):
    assert _health(client)[1]["checks"]["worker"] == "never"


def test_it_names_the_database_when_it_does_not_answer(client, worker_alive, monkeypatch):
    class Unreachable:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr("core.health.connection", Unreachable())
    assert _health(client) == (
        503,
        {
            "status": "error",
            "checks": {"database": "OperationalError", "broker": "ok", "worker": "unknown", "outbox": "unknown"},
        },
    )


def test_it_names_an_outbox_whose_jobs_wait_too_long(client, worker_alive, settings):
    OutboxJob.objects.create(task="core.tasks.worker_heartbeat", task_id="fresh")
    assert _health(client)[1]["checks"]["outbox"] == "ok"  # just written: the dispatcher has time
    stale = timezone.now() - timedelta(seconds=settings.HEALTH_OUTBOX_STALE_SECONDS + 1)
    OutboxJob.objects.filter(task_id="fresh").update(created_at=stale)
    assert _health(client) == (
        503,
        {"status": "error", "checks": {"database": "ok", "broker": "ok", "worker": "ok", "outbox": "stale"}},
    )
    OutboxJob.objects.update(sent_at=timezone.now())
    assert _health(client)[0] == 200  # sent jobs do not count


def test_the_page_counts_the_jobs_waiting_in_the_outbox(client, hr_user, worker_alive):
    OutboxJob.objects.create(task="core.tasks.worker_heartbeat", task_id="a")
    OutboxJob.objects.create(task="core.tasks.worker_heartbeat", task_id="b")
    client.force_login(hr_user)
    content = client.get(reverse("org:health-detail")).content.decode()
    assert 'data-check="outbox" data-ok="1"' in content and "2 tugas menunggu dikirim ke broker" in content


def test_the_heartbeat_task_writes_the_workers_sign_of_life(settings, db):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    worker_heartbeat.delay()
    assert timezone.now() - Heartbeat.objects.get(name=Heartbeat.WORKER).at < timedelta(seconds=5)


def test_setup_declares_the_watchdog_the_heartbeat_the_nightly_backup_and_log_pruning_once(db):
    call_command("setup_periodic_tasks")
    call_command("setup_periodic_tasks")
    tasks = {task.task: task for task in PeriodicTask.objects.select_related("interval", "crontab")}
    assert (
        tasks["scoring.tasks.stale_runs_recover"].interval.every,
        tasks["core.tasks.worker_heartbeat"].interval.every,
        tasks["scoring.tasks.marked_scores_compute"].interval.every,
    ) == (60, 60, 60)
    assert (tasks["core.tasks.backup_create"].crontab.hour, tasks["core.tasks.backup_create"].crontab.minute) == (
        "2",
        "0",
    )
    # One entry per task, plus one per reminder kind (all running the same task, HR's schedule each).
    reminders = PeriodicTask.objects.filter(task="notifications.tasks.reminders_send")
    assert sorted(json.loads(task.kwargs)["kind"] for task in reminders) == sorted(k.code for k in registered())
    assert (tasks["api.tasks.call_log_prune"].crontab.hour, tasks["api.tasks.call_log_prune"].crontab.minute) == (
        "3",
        "30",
    )
    prune = tasks["notifications.tasks.sent_reminders_prune"].crontab
    assert (prune.hour, prune.minute) == ("3", "45")
    assert len(tasks) + len(registered()) - 1 == PeriodicTask.objects.count() == 8 + len(registered())


@pytest.mark.django_db(transaction=True)
def test_the_page_shows_each_check_the_last_backup_and_the_beat_schedule(client, hr_user, worker_alive):
    call_command("setup_periodic_tasks")
    PeriodicTask.objects.filter(task="core.tasks.worker_heartbeat").update(last_run_at=timezone.now())
    backup = backup_create()
    client.force_login(hr_user)
    content = client.get(reverse("org:health-detail")).content.decode()
    for check in ("database", "broker", "worker", "outbox", "backup"):
        assert f'data-check="{check}" data-ok="1"' in content
    assert str(backup.path) in content
    assert "Tanda hidup worker" in content
    assert "belum pernah" in content  # the other tasks have not run yet


def test_the_page_warns_when_there_is_no_backup_and_redis_is_down(client, hr_user, worker_alive, settings):
    settings.CELERY_BROKER_URL = CLOSED_PORT
    client.force_login(hr_user)
    content = client.get(reverse("org:health-detail")).content.decode()
    assert 'data-check="broker" data-ok="0"' in content
    assert 'data-check="backup" data-ok="0"' in content
    assert "manage.py backup_now" in content


def test_an_employee_may_not_open_the_page(client, employee):
    client.force_login(employee.user)
    assert client.get(reverse("org:health-detail")).status_code == 403
