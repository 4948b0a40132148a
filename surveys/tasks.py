"""Thin Celery wrappers around the survey services."""

from __future__ import annotations

from smtplib import SMTPException

from celery import shared_task


@shared_task(autoretry_for=(SMTPException, ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def complaint_reply_email_send(reply_id: int) -> None:
    from .models import ComplaintReply
    from .services import complaint_reply_email_send as send

    reply = ComplaintReply.objects.select_related("complaint__unit").filter(pk=reply_id).first()
    if reply is not None:
        send(reply=reply)
