"""The sweep: at most once per interval per recipient, e-mail through the outbox or the weekly digest,
and a fixed number of queries whatever the number of people."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from celery import current_app
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django_celery_beat.models import PeriodicTask

from appraisal.models import Evaluation, Objection
from core.models import OutboxJob
from notifications.models import Notification, ReminderDigest, ReminderPreference, ReminderSchedule, SentReminder
from notifications.reminders import (
    beat_name,
    registered,
    reminder_digest_send,
    reminder_digests_prepare,
    reminder_sweep,
)
from tests.appraisal.factories import PeriodFactory, PlanFactory
from tests.factories import EmployeeFactory, PositionFactory, UserFactory
from tests.surveys.factories import ComplaintFactory

from .conftest import MONDAY

pytestmark = pytest.mark.django_db

WIB = timezone.get_default_timezone()


def sweep(at: datetime, kind: str = "plan_deadline") -> int:
    return reminder_sweep(kind=kind, now=at)


def test_a_sweep_notifies_in_the_app_and_queues_one_email_job(due_plan):
    assert sweep(MONDAY) == 1
    notification = Notification.objects.get(recipient=due_plan.user)
    with translation.override("id"):
        assert notification.title_text() == "SKP 2026 Anda belum disetujui"
        assert "(31 Jan. 2026) sudah lewat" in notification.body_text()
    with translation.override("en"):
        assert notification.title_text() == "Your SKP 2026 is not approved yet"
    job = OutboxJob.objects.get()
    assert (job.task, job.args) == ("notifications.tasks.notification_emails_send", [[notification.pk]])
    assert SentReminder.objects.get().notification == notification


def test_a_second_sweep_in_the_same_day_sends_nothing_and_the_next_day_sends_again(due_plan):
    assert sweep(MONDAY) == 1
    assert sweep(MONDAY + timedelta(hours=5)) == 0
    assert sweep(MONDAY + timedelta(days=1)) == 1
    assert Notification.objects.filter(recipient=due_plan.user).count() == 2


def test_a_weekly_kind_sends_once_a_week(due_plan):
    ReminderSchedule.objects.create(kind="plan_deadline", interval="WEEKLY", hour=7, lead_days=7)
    assert sweep(MONDAY) == 1
    assert sweep(MONDAY + timedelta(days=6)) == 0  # Sunday: same ISO week
    assert sweep(MONDAY + timedelta(days=7)) == 1


def test_a_disabled_kind_sends_nothing(due_plan):
    ReminderSchedule.objects.create(kind="plan_deadline", enabled=False, hour=7, lead_days=7)
    assert sweep(MONDAY) == 0
    assert not Notification.objects.exists()


def run_jobs() -> None:
    """What the worker does with the outbox jobs (the dispatcher's delivery, without a broker)."""
    for job in OutboxJob.objects.pending():
        current_app.tasks[job.task](*job.args)
        job.sent_at = timezone.now()
        job.save()


def test_the_email_goes_out_once(due_plan):
    sweep(MONDAY)
    run_jobs()
    run_jobs()
    assert [message.to for message in mail.outbox] == [["pegawai@example.go.id"]]
    assert mail.outbox[0].subject == "[Kinerja] SKP 2026 Anda belum disetujui"


def test_the_weekly_digest_gathers_a_week_into_one_email(due_plan):
    ReminderPreference.objects.create(user=due_plan.user, delivery=ReminderPreference.Delivery.WEEKLY)
    for day in range(3):
        sweep(MONDAY + timedelta(days=day))
    assert Notification.objects.filter(recipient=due_plan.user).count() == 3  # in the app at once
    assert mail.outbox == [] and not OutboxJob.objects.exists()  # no e-mail yet

    assert reminder_digests_prepare(now=MONDAY + timedelta(days=7)) == 1
    run_jobs()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "[Kinerja] Ringkasan pengingat minggu ini (3)"
    assert message.body.count("SKP 2026 Anda belum disetujui") == 3
    assert SentReminder.objects.filter(digest__isnull=True).count() == 0

    # Run again (a second worker, a redelivered job): nothing new is gathered or sent.
    assert reminder_digests_prepare(now=MONDAY + timedelta(days=7)) == 0
    run_jobs()
    assert reminder_digest_send(digest_id=ReminderDigest.objects.get().pk) is False
    assert len(mail.outbox) == 1


def test_reminders_for_an_immediate_reader_never_enter_a_digest(due_plan):
    sweep(MONDAY)
    assert reminder_digests_prepare(now=MONDAY) == 0
    assert not ReminderDigest.objects.exists()


def test_saving_a_schedule_moves_the_beat_entry(hr_user):
    from notifications.reminders import reminder_schedules_update

    values = {"enabled": False, "interval": "WEEKLY", "hour": 9, "lead_days": 3}
    assert reminder_schedules_update(values={"plan_deadline": values}, acting_user=hr_user) == ["plan_deadline"]
    task = PeriodicTask.objects.get(name=beat_name("plan_deadline"))
    assert (task.task, task.enabled) == ("notifications.tasks.reminders_send", False)
    assert task.kwargs == '{"kind": "plan_deadline"}'
    assert (task.crontab.hour, task.crontab.minute, task.crontab.day_of_week) == ("9", "0", "1")
    assert reminder_schedules_update(values={"plan_deadline": values}, acting_user=hr_user) == []


# --- Query counts ---------------------------------------------------------------------------------


@pytest.fixture
def world(unit, employee, supervisor, head, hr_user):
    """A grower that adds people for whom every kind has something due."""
    period = PeriodFactory()
    head.position.is_unit_head = True
    head.position.save()
    ratings = {"old_work_rating": "SESUAI_EKSPEKTASI", "old_behaviour_rating": "SESUAI_EKSPEKTASI"}
    made = []

    def grow(size: int) -> None:
        while len(made) < size:
            person = EmployeeFactory(position=PositionFactory(unit=unit), supervisor=supervisor, user=UserFactory())
            EmployeeFactory(position=PositionFactory(unit=unit), supervisor=supervisor, user=UserFactory())  # no SKP
            plan = PlanFactory(employee=person, period=period, status="APPROVED", approved_at=timezone.now())
            annual = Evaluation.objects.create(plan=plan, kind="ANNUAL", checkpoint=4, status="OBJECTED")
            Objection.objects.create(evaluation=annual, reason="-", old_predikat="BAIK", **ratings)
            ComplaintFactory(unit=unit, submitted_at=timezone.now() - timedelta(days=5))
            rated = EmployeeFactory(position=PositionFactory(unit=unit), supervisor=supervisor, user=UserFactory())
            rated_plan = PlanFactory(employee=rated, period=period, status="APPROVED", approved_at=timezone.now())
            Evaluation.objects.create(plan=rated_plan, kind="ANNUAL", checkpoint=4, status="SUBMITTED")
            made.append(person)

    return grow


@pytest.mark.parametrize("kind", [kind.code for kind in registered()])
def test_a_sweep_runs_the_same_number_of_queries_at_two_sizes(world, kind):
    counts = []
    for day, size in ((0, 3), (1, 30)):
        world(size)
        with CaptureQueriesContext(connection) as queries:
            sent = reminder_sweep(kind=kind, now=MONDAY + timedelta(days=day))
        assert sent > 0
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_deactivated_account_is_never_reminded(due_plan):
    due_plan.user.is_active = False
    due_plan.user.save()
    assert sweep(MONDAY) == 0
    assert not SentReminder.objects.exists()
