"""Sent-log retention: rows past ``REMINDER_LOG_DAYS`` go nightly, in batches, and never a row the
once-per-interval rule or the weekly digest still needs."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from notifications.models import ReminderDigest, ReminderSchedule, SentReminder
from notifications.reminders import INTERVAL_DAYS, MIN_KEEP_DAYS, reminder_sweep, sent_reminders_prune
from notifications.tasks import sent_reminders_prune as sent_reminders_prune_task
from tests.factories import UserFactory
from tests.queries import statements

from .conftest import MONDAY

pytestmark = pytest.mark.django_db


def log_reminders(*, days_ago: list[float], **fields) -> list[SentReminder]:
    recipient, now = UserFactory(), timezone.now()
    return SentReminder.objects.bulk_create(
        SentReminder(kind="plan_deadline", item=f"plan-{n}", recipient=recipient, bucket=f"b{n}", sent_at=at, **fields)
        for n, at in enumerate(now - timedelta(days=days) for days in days_ago)
    )


def ages() -> list[int]:
    return sorted((timezone.now() - at).days for at in SentReminder.objects.values_list("sent_at", flat=True))


def test_it_deletes_rows_older_than_the_retention_and_keeps_the_rest(settings):
    settings.REMINDER_LOG_DAYS = 30
    log_reminders(days_ago=[400, 31, 30.01, 29.99, 1, 0])

    assert sent_reminders_prune() == 3
    assert ages() == [0, 1, 29]


def test_it_deletes_in_batches_of_one_statement_each():
    log_reminders(days_ago=[500] * 25 + [1] * 3)

    ran = statements(lambda: sent_reminders_prune(keep_days=365, batch_size=10))

    assert SentReminder.objects.count() == 3
    assert ran == 3  # 10, 10, then 5: fewer than a batch, so the last


def test_a_row_still_waiting_for_its_weekly_digest_stays_whatever_its_age(settings):
    settings.REMINDER_LOG_DAYS = 30
    (waiting,) = log_reminders(days_ago=[100], in_digest=True)
    (gathered,) = log_reminders(days_ago=[100], in_digest=True)
    gathered.digest = ReminderDigest.objects.create(recipient=gathered.recipient, week="2026-W04")
    gathered.save(update_fields=["digest"])

    assert sent_reminders_prune() == 1
    assert list(SentReminder.objects.all()) == [waiting]


def test_a_retention_shorter_than_the_longest_interval_is_raised_to_it(settings):
    settings.REMINDER_LOG_DAYS = 0
    log_reminders(days_ago=[MIN_KEEP_DAYS + 0.01, MIN_KEEP_DAYS - 0.01, 6.9, 1])

    assert sent_reminders_prune() == 1
    assert ages() == [1, 6, MIN_KEEP_DAYS - 1]


def test_every_interval_declares_its_length_and_the_floor_outlasts_the_longest():
    assert set(INTERVAL_DAYS) == set(ReminderSchedule.Interval.values)
    assert max(INTERVAL_DAYS.values()) < MIN_KEEP_DAYS


@pytest.mark.parametrize(
    ("interval", "first", "last"),
    [
        ("DAILY", timedelta(hours=-6, minutes=-55), timedelta(hours=16, minutes=55)),  # 00:05 and 23:55 WIB
        ("WEEKLY", timedelta(hours=-6, minutes=-55), timedelta(days=6, hours=16, minutes=55)),  # Mon 00:05, Sun 23:55
    ],
)
def test_pruning_between_two_sweeps_of_one_interval_never_sends_twice(settings, due_plan, interval, first, last):
    """Even with the retention set to nothing, a prune at the end of an interval keeps its rows."""
    settings.REMINDER_LOG_DAYS = 0
    ReminderSchedule.objects.create(kind="plan_deadline", interval=interval, hour=7, lead_days=7)
    with time_machine.travel(MONDAY + first, tick=False):
        assert reminder_sweep(kind="plan_deadline", now=timezone.now()) == 1
    with time_machine.travel(MONDAY + last, tick=False):
        sent_reminders_prune()
        assert reminder_sweep(kind="plan_deadline", now=timezone.now()) == 0
    next_interval = MONDAY + first + timedelta(days=INTERVAL_DAYS[interval])
    with time_machine.travel(next_interval, tick=False):
        assert reminder_sweep(kind="plan_deadline", now=timezone.now()) == 1


def test_the_nightly_task_prunes_with_the_setting(settings):
    settings.REMINDER_LOG_DAYS, settings.CELERY_TASK_ALWAYS_EAGER = 10, True
    log_reminders(days_ago=[11, 12, 9])

    assert sent_reminders_prune_task.delay().get() == 2
    assert SentReminder.objects.count() == 1
