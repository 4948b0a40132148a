"""Two workers sweeping the same kind at the same moment send each reminder once (the sent log's
INSERT ... ON CONFLICT DO NOTHING: the second waits for the first's row, then skips it)."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from django.db import connections
from django.utils import timezone

from appraisal.models import Plan
from notifications.models import Notification, SentReminder
from notifications.reminders import reminder_sweep
from tests.appraisal.factories import PeriodFactory, PlanFactory
from tests.factories import EmployeeFactory, UserFactory

NOW = datetime(2026, 5, 18, 7, 0, tzinfo=timezone.get_default_timezone())


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_send_the_same_reminder_twice(employee):
    PeriodFactory()
    for person in (employee.supervisor, employee.supervisor.supervisor):
        PlanFactory(employee=person, status=Plan.Status.APPROVED, approved_at=timezone.now())
    for _ in range(20):
        EmployeeFactory(supervisor=employee.supervisor, user=UserFactory())
    start, sent = threading.Barrier(2), []

    def worker() -> None:
        try:
            start.wait()
            sent.append(reminder_sweep(kind="plan_deadline", now=NOW))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert len(sent) == 2 and sum(sent) == 21  # split between them any way, never twice
    assert SentReminder.objects.count() == Notification.objects.count() == 21
