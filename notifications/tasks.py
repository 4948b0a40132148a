"""Thin Celery wrappers around the notification services."""

from __future__ import annotations

from smtplib import SMTPException

from celery import shared_task


@shared_task(autoretry_for=(SMTPException, ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def notification_email_send(notification_id: int) -> None:
    from .models import Notification
    from .services import notification_email_send as send

    notification = Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    if notification is not None:
        send(notification=notification)
