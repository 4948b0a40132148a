"""Through the real Redis and a real Celery worker: a dispatched job runs, and runs once, even when
the dispatcher sends it twice (it died before recording "sent")."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from celery.signals import task_postrun
from django.core import mail

from core.models import OutboxJob
from core.outbox import dispatch_pending
from notifications.services import notify
from scoring.models import ScoreRun
from scoring.services import score_run_request
from tests.appraisal.factories import PeriodFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def finished():
    """Task id → how many deliveries a worker has finished (whatever their outcome)."""
    counts = Counter()
    changed = threading.Condition()

    def count(task_id=None, **kwargs):
        with changed:
            counts[task_id] += 1
            changed.notify_all()

    def wait_for(task_ids, times: int) -> bool:
        with changed:
            return changed.wait_for(lambda: all(counts[task_id] >= times for task_id in task_ids), timeout=60)

    task_postrun.connect(count, weak=False)
    yield wait_for
    task_postrun.disconnect(count)


def test_each_job_runs_once_even_when_it_is_delivered_twice(celery_app, celery_worker, finished, hr_user):
    notify(recipient=UserFactory(email="ani@example.go.id"), title="Keberatan Anda telah diputus")
    run = score_run_request(period=PeriodFactory(), acting_user=hr_user)
    task_ids = list(OutboxJob.objects.values_list("task_id", flat=True))
    assert dispatch_pending().sent == 2
    assert finished(task_ids, times=1)
    run.refresh_from_db()
    first_start = run.started_at
    assert (run.status, len(mail.outbox)) == (ScoreRun.Status.SUCCESS, 1)

    # The finished score run queued training's recompute: it leaves the outbox before the re-delivery.
    assert list(OutboxJob.objects.exclude(task_id__in=task_ids).values_list("task", flat=True)) == [
        "training.tasks.recommendations_compute"
    ]
    assert dispatch_pending().sent == 1
    OutboxJob.objects.filter(task_id__in=task_ids).update(sent_at=None)  # as if the dispatcher died before marking
    assert dispatch_pending().sent == 2
    assert finished(task_ids, times=2)
    run.refresh_from_db()
    assert [message.subject for message in mail.outbox] == ["[Kinerja] Keberatan Anda telah diputus"]
    assert (run.status, run.started_at) == (ScoreRun.Status.SUCCESS, first_start)
