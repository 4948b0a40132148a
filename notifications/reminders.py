"""Reminders: a registry of kinds, HR's schedules, the sent log, the sweep and the weekly digest.

Notifications sits below the apps whose deadlines it reminds of, so it names none of them: each app
registers its kinds from its ``AppConfig.ready()`` (as ``org.home.register`` takes home panels). A
kind is a function that returns, set-based, the reminders due now; the sweep claims each one in the
sent log (unique per kind, item, recipient and interval bucket, with INSERT ... ON CONFLICT DO
NOTHING), so a second sweep or a second worker in the same interval sends nothing. What it claims
becomes an in-app notification; the e-mail goes through the outbox at once, or waits for the weekly
digest for a person who chose it. docs/notifications.md, "Reminders".
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Max, OuterRef, Subquery
from django.utils import timezone
from django.utils.functional import Promise
from django_celery_beat.models import CrontabSchedule, PeriodicTask

from core import retention
from core.models import assign_changes
from core.outbox import enqueue_on_commit
from org.models import User

from .messages import params_data, source_text
from .models import Notification, ReminderDigest, ReminderPreference, ReminderSchedule, SentReminder

logger = logging.getLogger(__name__)
SCHEDULE_FIELDS = ("enabled", "interval", "hour", "lead_days")
SWEEP_TASK = "notifications.tasks.reminders_send"
MONDAY = "1"


@dataclass(frozen=True)
class Window:
    """When a sweep runs and how many days ahead counts as near (HR's ``lead_days``)."""

    now: datetime
    lead_days: int

    @property
    def today(self) -> date:
        return timezone.localdate(self.now)

    @property
    def horizon(self) -> date:
        """The last day whose deadline is near today."""
        return self.today + timedelta(days=self.lead_days)


@dataclass(frozen=True)
class Due:
    """One reminder a kind finds: to whom (a user id), about which item, what to say, where to go."""

    recipient_id: int
    item: str
    title: str | Promise
    params: dict[str, Any] = field(default_factory=dict)
    body: str | Promise = ""
    url: str = ""


@dataclass(frozen=True)
class ReminderKind:
    """A kind of reminder, declared by the app that owns its deadline.

    ``find`` returns the reminders due in a window with a fixed number of queries; ``lead`` says what
    HR's "days ahead" means for this kind (``None``: the kind has no deadline to approach, every open
    item is due). The defaults apply until HR saves a schedule."""

    code: str
    label: str | Promise
    audience: str | Promise
    find: Callable[[Window], Iterable[Due]]
    lead: str | Promise | None = None
    interval: str = ReminderSchedule.Interval.DAILY
    hour: int = 7
    lead_days: int = 7


_kinds: dict[str, ReminderKind] = {}


def register(kind: ReminderKind) -> None:
    _kinds.setdefault(kind.code, kind)


def registered() -> list[ReminderKind]:
    return list(_kinds.values())


def kind_of(code: str) -> ReminderKind | None:
    return _kinds.get(code)


def bucket(*, interval: str, today: date) -> str:
    """The interval a day falls in: the day itself, or its ISO week (Monday to Sunday)."""
    if interval == ReminderSchedule.Interval.WEEKLY:
        year, week, _day = today.isocalendar()
        return f"{year}-W{week:02d}"
    return today.isoformat()


# How many days an interval's bucket spans (``bucket``): a new interval must say, so the prune keeps it.
INTERVAL_DAYS = {ReminderSchedule.Interval.DAILY: 1, ReminderSchedule.Interval.WEEKLY: 7}


# --- Schedules ------------------------------------------------------------------------------------


def default_schedule(kind: ReminderKind) -> ReminderSchedule:
    return ReminderSchedule(
        kind=kind.code, enabled=True, interval=kind.interval, hour=kind.hour, lead_days=kind.lead_days
    )


def schedules() -> list[tuple[ReminderKind, ReminderSchedule]]:
    """Every registered kind with its stored schedule, or its defaults (unsaved); one query."""
    stored = {row.kind: row for row in ReminderSchedule.objects.filter(kind__in=_kinds).select_related("updated_by")}
    return [(kind, stored.get(kind.code) or default_schedule(kind)) for kind in registered()]


@transaction.atomic
def reminder_schedules_update(*, values: dict[str, dict[str, Any]], acting_user: User) -> list[str]:
    """Save HR's schedules (each validated before any is saved) and move the beat schedule with them.

    Returns the codes of the kinds that changed. A kind missing from ``values`` keeps its schedule."""
    changed = []
    for kind, schedule in schedules():
        if kind.code not in values:
            continue
        if not assign_changes(schedule, values[kind.code], SCHEDULE_FIELDS) and schedule.pk:
            continue
        schedule.updated_by = acting_user
        schedule.full_clean()
        schedule.save()
        beat_sync(schedule)
        changed.append(kind.code)
    return changed


@dataclass(frozen=True)
class Sent:
    count: int
    last: datetime


def sent_since(since: datetime) -> dict[str, Sent]:
    """Per kind, how many reminders went out since ``since`` and when the last one did; one query.
    HR's page shows it, so a kind that never fires (or fires too often) is seen."""
    rows = (
        SentReminder.objects.filter(sent_at__gte=since).values("kind").annotate(count=Count("pk"), last=Max("sent_at"))
    )
    return {row["kind"]: Sent(row["count"], row["last"]) for row in rows}


def beat_name(code: str) -> str:
    return f"Pengingat {code}"


def beat_sync(schedule: ReminderSchedule) -> PeriodicTask:
    """The django-celery-beat entry that runs this kind's sweep at HR's hour (Mondays only if weekly)."""
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute="0",
        hour=str(schedule.hour),
        day_of_week=MONDAY if schedule.is_weekly else "*",
        day_of_month="*",
        month_of_year="*",
        timezone=settings.TIME_ZONE,
    )
    task, _ = PeriodicTask.objects.update_or_create(
        name=beat_name(schedule.kind),
        defaults={
            "task": SWEEP_TASK,
            "kwargs": json.dumps({"kind": schedule.kind}),
            "crontab": crontab,
            "interval": None,
            "enabled": schedule.enabled,
        },
    )
    return task


def beat_sync_all() -> list[PeriodicTask]:
    """One beat entry per registered kind (``manage.py setup_periodic_tasks``)."""
    return [beat_sync(schedule) for _kind, schedule in schedules()]


# --- The sweep ------------------------------------------------------------------------------------

# A deactivated account is never reminded, whatever the kind found: the join drops it here, once.
CLAIM_SQL = f"""
INSERT INTO {SentReminder._meta.db_table} (kind, item, recipient_id, bucket, sent_at, in_digest)
SELECT %s, due.item, due.recipient_id, %s, %s, false
FROM unnest(%s::varchar[], %s::integer[]) AS due(item, recipient_id)
JOIN {User._meta.db_table} AS recipient ON recipient.id = due.recipient_id AND recipient.is_active
ON CONFLICT (kind, item, recipient_id, bucket) DO NOTHING
RETURNING id, item, recipient_id
"""

LINK_SQL = f"""
UPDATE {SentReminder._meta.db_table} AS sent
SET notification_id = link.notification_id, in_digest = link.in_digest
FROM unnest(%s::integer[], %s::integer[], %s::boolean[]) AS link(id, notification_id, in_digest)
WHERE sent.id = link.id
"""


@transaction.atomic
def reminder_sweep(*, kind: str, now: datetime) -> int:
    """Send the reminders of one kind that are due now and not yet sent in this interval.

    A fixed number of queries whatever the number of people: the kind's own, one claim, one read of
    the preferences, one insert of the notifications, one update of the log and one outbox job for
    all the e-mails. Returns the number of reminders sent."""
    reminder = kind_of(kind)
    if reminder is None:
        return 0
    schedule = ReminderSchedule.objects.filter(kind=kind).first() or default_schedule(reminder)
    if not schedule.enabled:
        return 0
    window = Window(now=now, lead_days=schedule.lead_days)
    dues = {(due.item, due.recipient_id): due for due in reminder.find(window)}
    if not dues:
        return 0
    claimed = _claim(kind, bucket(interval=schedule.interval, today=window.today), now, list(dues))
    if claimed:
        _deliver(claimed, dues)
    return len(claimed)


def _claim(kind: str, interval: str, now: datetime, keys: list[tuple[str, int]]) -> list[tuple[int, tuple]]:
    """Insert the log rows that do not exist yet; returns (log id, (item, recipient)) of those inserted."""
    with connection.cursor() as cursor:
        cursor.execute(CLAIM_SQL, [kind, interval, now, [item for item, _r in keys], [r for _i, r in keys]])
        return [(pk, (item, recipient)) for pk, item, recipient in cursor.fetchall()]


def _deliver(claimed: list[tuple[int, tuple]], dues: dict[tuple, Due]) -> None:
    """The claimed reminders as in-app notifications, linked to their log rows; one outbox job e-mails
    those whose reader wants them at once, the others wait for the weekly digest."""
    weekly = set(
        ReminderPreference.objects.filter(
            user_id__in={recipient for _sent, (_item, recipient) in claimed},
            delivery=ReminderPreference.Delivery.WEEKLY,
        ).values_list("user_id", flat=True)
    )
    notifications = Notification.objects.bulk_create([_notification(dues[key]) for _sent, key in claimed])
    in_digest = [key[1] in weekly for _sent, key in claimed]
    with connection.cursor() as cursor:
        cursor.execute(LINK_SQL, [[sent for sent, _key in claimed], [n.pk for n in notifications], in_digest])
    at_once = [n.pk for n, digest in zip(notifications, in_digest, strict=True) if not digest]
    if at_once:
        from .tasks import notification_emails_send

        enqueue_on_commit(notification_emails_send, at_once)


def _notification(due: Due) -> Notification:
    return Notification(
        recipient_id=due.recipient_id,
        title=source_text(due.title),
        body=source_text(due.body),
        params=params_data(due.params),
        url=str(due.url),
    )


# --- Retention ------------------------------------------------------------------------------------

# The sent log is what keeps a reminder to once per interval, so it must hold every row of a bucket
# still running. A row of the current week's bucket was sent since Monday 00:00 WIB, less than 7 days
# ago; one day more covers any sweep late in its day. A shorter REMINDER_LOG_DAYS is raised to this.
MIN_KEEP_DAYS = max(INTERVAL_DAYS.values()) + 1


def sent_reminders_prune(*, keep_days: int | None = None, batch_size: int = retention.BATCH_SIZE) -> int:
    """Delete sent-log rows older than ``keep_days`` (``REMINDER_LOG_DAYS``, at least ``MIN_KEEP_DAYS``),
    oldest first, one DELETE per batch (``core.retention``). A row still waiting for its weekly digest
    stays whatever its age: deleting it would drop the reminder from the e-mail. Their notifications
    stay too; only the log row, which nothing reads once its interval is over, goes."""
    days = max(settings.REMINDER_LOG_DAYS if keep_days is None else keep_days, MIN_KEEP_DAYS)
    old = SentReminder.objects.filter(sent_at__lt=retention.cutoff(days)).exclude(in_digest=True, digest=None)
    deleted = retention.delete_in_batches(old, oldest_first=("sent_at", "pk"), batch_size=batch_size)
    logger.info("Reminder log: %s rows older than %s days deleted", deleted, days)
    return deleted


# --- The weekly digest ----------------------------------------------------------------------------


@transaction.atomic
def reminder_digests_prepare(*, now: datetime) -> int:
    """Gather each digest reader's reminders not yet e-mailed into this week's digest, and queue the
    e-mails. The digest is unique per person and week and the log rows are taken with an UPDATE that
    skips rows already taken, so a second run (or a second worker) adds nothing. Fixed queries."""
    week = bucket(interval=ReminderSchedule.Interval.WEEKLY, today=timezone.localdate(now))
    pending = SentReminder.objects.filter(in_digest=True, digest__isnull=True)
    readers = list(pending.values_list("recipient_id", flat=True).distinct())
    if not readers:
        return 0
    ReminderDigest.objects.bulk_create(
        [ReminderDigest(recipient_id=pk, week=week) for pk in readers], ignore_conflicts=True
    )
    this_week = ReminderDigest.objects.filter(week=week, emailed_at__isnull=True)
    pending.filter(recipient_id__in=readers).update(
        digest=Subquery(this_week.filter(recipient=OuterRef("recipient")).values("pk")[:1])
    )
    digests = list(this_week.filter(recipient_id__in=readers).values_list("pk", flat=True))
    if digests:
        from .tasks import reminder_digests_send

        enqueue_on_commit(reminder_digests_send, digests)
    return len(digests)


@transaction.atomic
def reminder_digest_send(*, digest_id: int) -> bool:
    """E-mail one digest, once (as ``notification_email_send``: locked, marked in the same transaction)."""
    from .services import reminder_digest_email

    locked = ReminderDigest.objects.select_for_update(of=("self",)).filter(pk=digest_id, emailed_at__isnull=True)
    digest = locked.select_related("recipient").first()
    if digest is None:
        return False
    notifications = Notification.objects.filter(reminders__digest=digest).order_by("created_at", "pk")
    if not reminder_digest_email(recipient=digest.recipient, notifications=list(notifications)):
        return False
    locked.update(emailed_at=timezone.now())
    return True
