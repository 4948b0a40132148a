"""One way to tell a person something: an in-app notification, e-mailed after commit, each in the reader's language."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext

from core.outbox import enqueue_on_commit
from org.models import User

from .messages import params_data, source_text
from .models import Notification


def recipient_email(user: User) -> str:
    """The account's address, else the address HR imported for the employee behind it."""
    employee = getattr(user, "employee", None)
    return user.email or (employee.email if employee is not None else "")


def reader_language(user: User) -> str:
    """The language the user last chose in the app, else the Pemda's default."""
    supported = {code for code, _name in settings.LANGUAGES}
    return user.language if user.language in supported else settings.LANGUAGE_CODE


@transaction.atomic
def notify(
    *,
    recipient: User | None,
    title: str | Promise,
    params: dict[str, Any] | None = None,
    body: str | Promise = "",
    note: str = "",
    url: str = "",
) -> Notification | None:
    """Store an in-app notification and queue its e-mail once the caller's transaction commits.

    ``title`` and ``body`` are messages marked for translation (``gettext_lazy``), not yet filled
    in; ``params`` fills them (see ``notifications.messages`` for what a parameter may be); ``note``
    is a person's own words (a reason, a comment), shown as written. Everything is stored as data and
    put into words in the reader's language when read, so the sender's language never leaks.

    The notification row is written in the caller's transaction, so it is never lost when the
    mail server or the broker is down; the e-mail task retries on its own. A recipient without a
    login (``None``) is skipped: the workflow still goes on.
    """
    if recipient is None:
        return None
    notification = Notification(
        recipient=recipient,
        title=source_text(title),
        body=source_text(body),
        params=params_data(params or {}),
        note=note,
        url=str(url),
    )
    notification.full_clean()
    notification.save()
    if recipient_email(recipient):
        from .tasks import notification_email_send

        enqueue_on_commit(notification_email_send, notification.pk)
    return notification


@transaction.atomic
def notification_email_send(*, notification: Notification) -> bool:
    """Send one notification by e-mail, once, in the recipient's language, with a link back to the
    app (never to another site).

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
    with translation.override(reader_language(notification.recipient)):
        subject, text = notification.title_text(), notification.body_text()
    send_mail(
        subject=f"[Kinerja] {subject}",
        message=f"{text}\n\n{link}".strip(),
        from_email=None,
        recipient_list=[address],
    )
    locked.update(emailed_at=timezone.now())
    return True


def reminder_digest_email(*, recipient: User, notifications: list[Notification]) -> bool:
    """One e-mail with a week's reminders, in the reader's language, each with its link. False: not sent."""
    address = recipient_email(recipient)
    if not address or not notifications:
        return False
    site = settings.SITE_URL.rstrip("/")
    with translation.override(reader_language(recipient)):
        subject = gettext("Ringkasan pengingat minggu ini (%(count)s)") % {"count": len(notifications)}
        items = [
            "\n".join(part for part in (f"- {n.title_text()}", n.body_text(), f"{site}{n.local_url}") if part)
            for n in notifications
        ]
        intro = gettext("Pengingat Anda minggu ini. Ubah cara pengiriman di halaman pengaturan notifikasi:")
        intro += f" {site}{reverse('notifications:preference-edit')}"
    send_mail(
        subject=f"[Kinerja] {subject}",
        message="\n\n".join([intro, *items]),
        from_email=None,
        recipient_list=[address],
    )
    return True
