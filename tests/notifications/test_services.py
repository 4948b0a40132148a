"""notify(): the in-app row, and the e-mail queued through Celery only after commit."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext_lazy

from core.models import OutboxJob
from notifications.models import Notification
from notifications.services import notification_email_send, notify
from tests.factories import EmployeeFactory, UserFactory
from tests.notifications.factories import NotificationFactory


@pytest.fixture
def eager(settings, db):
    settings.CELERY_TASK_ALWAYS_EAGER = True


def test_it_stores_an_unread_notification(db):
    user = UserFactory()
    notification = notify(recipient=user, title="SKP disetujui", body="Selamat.", url="/kinerja/1/")
    assert Notification.objects.get() == notification
    assert (notification.recipient, notification.title, notification.url) == (user, "SKP disetujui", "/kinerja/1/")
    assert notification.read_at is None


def test_it_skips_a_recipient_without_login(db):
    assert notify(recipient=None, title="Tidak ada akun") is None
    assert not Notification.objects.exists()


def test_it_keeps_a_long_parameter_whole_because_the_column_holds_only_the_message(db):
    notification = notify(
        recipient=UserFactory(), title=gettext_lazy("Pengaduan baru untuk %(unit)s"), params={"unit": "x" * 300}
    )
    assert notification.title == "Pengaduan baru untuk %(unit)s"
    with translation.override("id"):
        assert notification.title_text() == "Pengaduan baru untuk " + "x" * 300


def test_it_emails_through_the_task_only_after_commit(eager, django_capture_on_commit_callbacks):
    user = UserFactory(email="ani@example.go.id")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify(recipient=user, title="SKP menunggu persetujuan", body="Silakan periksa.", url="/kinerja/7/")
        assert mail.outbox == []
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ani@example.go.id"]
    assert message.subject == "[Kinerja] SKP menunggu persetujuan"
    assert "Silakan periksa." in message.body
    assert message.body.endswith("/kinerja/7/")


def test_it_sends_nothing_when_the_transaction_rolls_back(eager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(recipient=UserFactory(email="ani@example.go.id"), title="Batal")
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_it_falls_back_to_the_employee_address(eager, django_capture_on_commit_callbacks):
    employee = EmployeeFactory(user=UserFactory(email=""), email="budi@example.go.id")
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=employee.user, title="Halo")
    assert [message.to for message in mail.outbox] == [["budi@example.go.id"]]


def test_it_queues_no_email_for_a_recipient_without_address(eager, django_capture_on_commit_callbacks):
    employee = EmployeeFactory(user=UserFactory(email=""), email="")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = notify(recipient=employee.user, title="Tanpa e-mail")
    assert callbacks == []
    assert mail.outbox == []
    assert notification.pk is not None


def test_with_the_broker_down_it_keeps_the_notification_and_its_email_job(
    db, broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(recipient=UserFactory(email="ani@example.go.id"), title="Broker mati")
    assert Notification.objects.filter(pk=notification.pk).exists()
    job = OutboxJob.objects.get()
    assert (job.task, job.args, job.sent_at) == ("notifications.tasks.notification_email_send", [notification.pk], None)
    assert broker_down == []  # the broker was not even asked
    assert mail.outbox == []


def test_it_sends_a_notification_by_email_only_once(db):
    notification = NotificationFactory(recipient=UserFactory(email="ani@example.go.id"))
    assert notification_email_send(notification=notification) is True
    assert notification_email_send(notification=notification) is False
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_a_failed_send_can_be_retried(db, monkeypatch):
    notification = NotificationFactory(recipient=UserFactory(email="ani@example.go.id"))

    def mail_server_down(**kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr("notifications.services.send_mail", mail_server_down)
    with pytest.raises(ConnectionRefusedError):
        notification_email_send(notification=notification)
    notification.refresh_from_db()
    assert notification.emailed_at is None
    monkeypatch.undo()
    assert notification_email_send(notification=notification) is True


def test_it_never_puts_an_external_link_in_the_email(db):
    notification = NotificationFactory(recipient=UserFactory(email="ani@example.go.id"), url="https://evil.example/x")
    notification_email_send(notification=notification)
    assert "evil.example" not in mail.outbox[0].body
    assert mail.outbox[0].body.endswith("/notifikasi/")
