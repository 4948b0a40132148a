"""Thin Celery wrappers around the notification services."""

from __future__ import annotations

from smtplib import SMTPException

from celery import shared_task

MAIL_ERRORS = (SMTPException, ConnectionError, TimeoutError)


@shared_task(autoretry_for=MAIL_ERRORS, retry_backoff=True, max_retries=5)
def notification_email_send(notification_id: int) -> None:
    notification_emails_send([notification_id])


@shared_task(autoretry_for=MAIL_ERRORS, retry_backoff=True, max_retries=5)
def notification_emails_send(notification_ids: list[int]) -> None:
    """Each notification e-mailed once; a retry after a failure skips those already sent."""
    from .models import Notification
    from .services import notification_email_send as send

    for notification in Notification.objects.select_related("recipient").filter(pk__in=notification_ids):
        send(notification=notification)


@shared_task
def reminders_send(kind: str) -> int:
    """At HR's hour (django-celery-beat, one entry per kind): send the reminders of ``kind`` due now."""
    from django.utils import timezone

    from .reminders import reminder_sweep

    return reminder_sweep(kind=kind, now=timezone.now())


@shared_task
def reminder_digests_prepare() -> int:
    """Mondays (django-celery-beat): gather each digest reader's week of reminders into one e-mail."""
    from django.utils import timezone

    from .reminders import reminder_digests_prepare as prepare

    return prepare(now=timezone.now())


@shared_task
def sent_reminders_prune() -> int:
    """Nightly (django-celery-beat): delete the sent-log rows older than ``REMINDER_LOG_DAYS``."""
    from .reminders import sent_reminders_prune as prune

    return prune()


@shared_task(autoretry_for=MAIL_ERRORS, retry_backoff=True, max_retries=5)
def reminder_digests_send(digest_ids: list[int]) -> None:
    from .reminders import reminder_digest_send

    for digest_id in digest_ids:
        reminder_digest_send(digest_id=digest_id)
