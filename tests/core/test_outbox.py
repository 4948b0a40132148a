"""The outbox: a job is written with the change that calls for it and sent once by the dispatcher."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from kombu.exceptions import OperationalError

from core.models import OutboxJob
from core.outbox import CHANNEL, dispatch_forever, dispatch_pending, enqueue_on_commit, outbox_prune
from notifications.services import notify
from notifications.tasks import notification_email_send
from tests.factories import UserFactory


@pytest.fixture
def published(monkeypatch):
    """A stand-in for the broker (it lies outside the process): the jobs handed to it, in order."""
    sent = []
    monkeypatch.setattr("core.outbox._publish", lambda job: sent.append(job.task_id))
    return sent


def queue(n: int = 1) -> list[OutboxJob]:
    return [enqueue_on_commit(notification_email_send, 1000 + i) for i in range(n)]


def test_it_writes_the_job_in_the_callers_transaction(db):
    with transaction.atomic():
        job = enqueue_on_commit(notification_email_send, 7, task_id="run-7")
    assert (job.task, job.args, job.task_id, job.sent_at) == ("notifications.tasks.notification_email_send", [7],
                                                              "run-7", None)  # fmt: skip
    assert OutboxJob.objects.pending().get() == job


def test_a_rolled_back_change_leaves_no_job(db):
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(recipient=UserFactory(email="ani@example.go.id"), title="Batal")
        assert OutboxJob.objects.count() == 1
        raise RuntimeError
    assert not OutboxJob.objects.exists()


def test_it_sends_each_pending_job_once_and_marks_it_sent(db, published):
    jobs = queue(3)
    report = dispatch_pending()
    assert (report.sent, report.failed) == (3, 0)
    assert published == [job.task_id for job in jobs]
    assert not OutboxJob.objects.pending().exists()
    assert set(OutboxJob.objects.values_list("attempts", "last_error")) == {(1, "")}
    assert dispatch_pending().sent == 0
    assert len(published) == 3


def test_a_failed_publish_keeps_the_job_pending_with_its_error_and_stops(db, monkeypatch):
    first, second = queue(2)

    def broker_down(job):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6399. Connection refused.")

    monkeypatch.setattr("core.outbox._publish", broker_down)
    report = dispatch_pending()
    assert (report.sent, report.failed, report.broker_down) == (0, 1, True)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.sent_at, first.attempts) == (None, 1)
    assert "Connection refused" in first.last_error
    assert second.attempts == 0  # not tried while the broker is down

    monkeypatch.setattr("core.outbox._publish", lambda job: None)
    assert dispatch_pending().sent == 2
    first.refresh_from_db()
    assert (first.attempts, first.last_error) == (2, "")


def test_an_unknown_task_is_recorded_and_does_not_hold_up_the_others(db, monkeypatch):
    unknown = OutboxJob.objects.create(task="gone.tasks.removed", task_id="x-1")
    (known,) = queue(1)
    monkeypatch.setattr("core.outbox.current_app.send_task", lambda *args, **kwargs: None)
    report = dispatch_pending()
    assert (report.sent, report.failed, report.broker_down) == (1, 1, False)
    unknown.refresh_from_db()
    assert (unknown.sent_at, unknown.last_error) == (None, "Unknown task 'gone.tasks.removed'")
    assert OutboxJob.objects.get(pk=known.pk).sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_two_dispatchers_never_send_the_same_job(monkeypatch):
    """The first dispatcher holds its rows while it publishes; the second skips them (SKIP LOCKED)."""
    jobs = queue(3)
    publishing, release = threading.Event(), threading.Event()
    sent = []

    def slow_publish(job):
        publishing.set()
        release.wait(timeout=30)
        sent.append(job.task_id)

    monkeypatch.setattr("core.outbox._publish", slow_publish)

    def first_dispatcher():
        try:
            dispatch_pending()
        finally:
            connection.close()

    first = threading.Thread(target=first_dispatcher)
    first.start()
    assert publishing.wait(timeout=10)
    assert dispatch_pending().sent == 0  # every pending row is locked by the first dispatcher
    release.set()
    first.join(timeout=30)
    assert sorted(sent) == sorted(job.task_id for job in jobs)
    assert not OutboxJob.objects.pending().exists()


def test_it_prunes_sent_jobs_after_the_retention_but_keeps_pending_ones(db, published, settings):
    settings.OUTBOX_RETENTION_DAYS = 7
    with time_machine.travel(datetime(2026, 5, 1, tzinfo=UTC), tick=False):
        old_sent, old_pending = queue(2)
        OutboxJob.objects.filter(pk=old_sent.pk).update(sent_at=datetime(2026, 5, 1, tzinfo=UTC))
    with time_machine.travel(datetime(2026, 5, 8, 1, tzinfo=UTC), tick=False):
        (recent,) = queue(1)
        dispatch_pending()  # sends old_pending and recent now
        assert outbox_prune() == 1
    assert set(OutboxJob.objects.values_list("pk", flat=True)) == {old_pending.pk, recent.pk}


def test_in_eager_mode_the_job_runs_at_commit_through_the_dispatcher(db, settings, django_capture_on_commit_callbacks):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=UserFactory(email="ani@example.go.id"), title="Halo")
        assert mail.outbox == []
    assert [message.subject for message in mail.outbox] == ["[Kinerja] Halo"]
    assert OutboxJob.objects.get().sent_at is not None


def test_the_command_sends_what_is_pending(db, published, capsys):
    queue(2)
    call_command("dispatch_outbox", "--once")
    assert capsys.readouterr().out.strip() == "sent 2, failed 0"
    assert len(published) == 2


def _wait_until(condition, *, seconds: float = 10) -> bool:
    gate = threading.Event()
    for _ in range(int(seconds * 20)):
        if condition():
            return True
        gate.wait(0.05)
    return False


@pytest.mark.django_db(transaction=True)
def test_the_dispatcher_wakes_on_the_commit_of_a_new_job(published, monkeypatch):
    """The poll interval is a minute: only the NOTIFY sent with the commit can wake it this soon."""
    stop, waiting = threading.Event(), threading.Event()
    monkeypatch.setattr("core.outbox.outbox_prune", lambda: waiting.set())  # its last step before waiting

    def dispatcher():
        try:
            dispatch_forever(poll_seconds=60, stop=stop)
        finally:
            connection.close()

    thread = threading.Thread(target=dispatcher)
    thread.start()
    try:
        assert waiting.wait(timeout=10)
        (job,) = queue(1)
        assert _wait_until(lambda: published == [job.task_id])
        assert OutboxJob.objects.get().sent_at is not None
    finally:
        stop.set()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_notify(%s, '')", [CHANNEL])
        thread.join(timeout=30)
    assert not thread.is_alive()


def test_with_redis_down_a_publish_fails_and_the_job_waits(db, broker_down):
    (job,) = queue(1)
    report = dispatch_pending()
    job.refresh_from_db()
    assert (report.sent, report.broker_down, job.sent_at, job.attempts) == (0, True, None, 1)
    assert job.last_error.startswith(("OperationalError", "RuntimeError"))  # the broker or its result store
    assert broker_down == [job.task]  # tried once, no retry loop
