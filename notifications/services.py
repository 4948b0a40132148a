"""One way to tell a person something: an in-app notification, e-mailed after commit."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from core.outbox import enqueue_on_commit
from org.models import User

from .models import Notification


def recipient_email(user: User) -> str:
    """The account's address, else the address HR imported for the employee behind it."""
    employee = getattr(user, "employee", None)
    return user.email or (employee.email if employee is not None else "")


@transaction.atomic
def notify(*, recipient: User | None, title: str, body: str = "", url: str = "") -> Notification | None:
    """Store an in-app notification and queue its e-mail once the caller's transaction commits.

    The notification row is written in the caller's transaction, so it is never lost when the
    mail server or the broker is down; the e-mail task retries on its own. A recipient without a
    login (``None``) is skipped: the workflow still goes on.
    """
    if recipient is None:
        return None
    notification = Notification(recipient=recipient, title=str(title)[:200], body=str(body), url=str(url))
    notification.full_clean()
    notification.save()
    if recipient_email(recipient):
        from .tasks import notification_email_send

        enqueue_on_commit(notification_email_send, notification.pk)
    return notification


@transaction.atomic
def notification_email_send(*, notification: Notification) -> bool:
    """Send one notification by e-mail, once, with a link back to the app (never to another site).

    A job may be delivered twice (style rule 27): the row is locked and marked ``emailed_at`` in
    the same transaction as the sending, so a second delivery waits for the first and then finds
    it done. A failed send rolls the mark back, so the task's retry sends it. False: nothing sent.
    """
    locked = Notification.objects.select_for_update(of=("self",)).filter(pk=notification.pk, emailed_at__isnull=True)
    if locked.first() is None:
        return False
    address = recipient_email(notification.recipient)
    if not address:
        return False
    link = f"{settings.SITE_URL.rstrip('/')}{notification.local_url}"
    send_mail(
        subject=f"[Kinerja] {notification.title}",
        message=f"{notification.body}\n\n{link}".strip(),
        from_email=None,
        recipient_list=[address],
    )
    locked.update(emailed_at=timezone.now())
    return True
