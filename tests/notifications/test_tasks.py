"""The e-mail task: a thin wrapper that takes an id (run eagerly, as a worker would)."""

from __future__ import annotations

from django.core import mail

from notifications.tasks import notification_email_send
from tests.factories import UserFactory
from tests.notifications.factories import NotificationFactory


def test_it_sends_the_email_when_delayed(settings, db):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    notification = NotificationFactory(recipient=UserFactory(email="ani@example.go.id"), title="Halo")
    notification_email_send.delay(notification.pk)
    assert [message.subject for message in mail.outbox] == ["[Kinerja] Halo"]


def test_it_ignores_a_notification_deleted_before_the_worker_ran(db):
    notification = NotificationFactory(recipient=UserFactory(email="ani@example.go.id"))
    notification_id = notification.pk
    notification.delete()
    notification_email_send(notification_id)
    assert mail.outbox == []
