"""Notifications are stored as a message and its parameters and read in the reader's language."""

from __future__ import annotations

import importlib

from django.apps import apps
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy

from appraisal.models import Objection, Plan
from appraisal.services.plans import plan_approve
from notifications.messages import InEveryLanguage, Message
from notifications.models import Notification
from notifications.services import notification_email_send, notify
from tests.appraisal.factories import IndicatorFactory, PeriodFactory, PlanFactory, WorkResultFactory
from tests.factories import UserFactory

APPROVED = gettext_lazy("SKP Anda %(year)s disetujui")


def test_it_stores_the_message_and_its_parameters_whatever_the_senders_language(db):
    with translation.override("en"):
        notification = notify(recipient=UserFactory(), title=APPROVED, params={"year": 2026})
    notification.refresh_from_db()
    assert (notification.title, notification.params) == ("SKP Anda %(year)s disetujui", {"year": 2026})
    with translation.override("id"):
        assert notification.title_text() == "SKP Anda 2026 disetujui"
    with translation.override("en"):
        assert notification.title_text() == "Your SKP 2026 was approved"


def test_an_english_supervisor_approving_leaves_each_reader_their_own_language(client, employee, supervisor):
    plan = PlanFactory(period=PeriodFactory(year=2026), employee=employee, status=Plan.Status.SUBMITTED)
    IndicatorFactory(work_result=WorkResultFactory(plan=plan))
    with translation.override("en"):
        plan_approve(plan=plan, acting_user=supervisor.user)
    client.force_login(employee.user)
    url = reverse("notifications:notification-list")
    assert "SKP Anda 2026 disetujui" in client.get(url).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    content = client.get(url).content.decode()
    assert "Your SKP 2026 was approved" in content
    assert "disetujui" not in content


def test_parameters_that_are_words_follow_the_reader_too(db):
    title = gettext_lazy("Keberatan Anda telah diputus: %(status)s")
    body = gettext_lazy("Keberatan dapat diajukan paling lambat %(date)s.")
    params = {
        "status": Objection.Status.UPHELD.label,
        "date": InEveryLanguage(lambda: translation.gettext("Mei")),
        "nested": Message(gettext_lazy("Triwulan %(n)s"), {"n": "I"}),
    }
    notification = notify(recipient=UserFactory(), title=title, params=params, body=body, note="Alasan: server mati.")
    notification.refresh_from_db()
    assert notification.params["status"] == {"message": "Diterima, rating diubah", "params": {}}
    assert notification.params["date"] == {"languages": {"id": "Mei", "en": "May"}}
    with translation.override("en"):
        assert notification.title_text() == "Your objection has been decided: Upheld, rating changed"
        assert notification.body_text() == "An objection may be filed until May.\n\nAlasan: server mati."


def test_the_email_goes_out_in_the_recipients_language(db):
    english = UserFactory(email="ani@example.go.id", language="en")
    indonesian = UserFactory(email="budi@example.go.id")
    for user in (english, indonesian):
        notification_email_send(notification=notify(recipient=user, title=APPROVED, params={"year": 2026}))
    assert [message.subject for message in mail.outbox] == [
        "[Kinerja] Your SKP 2026 was approved",
        "[Kinerja] SKP Anda 2026 disetujui",
    ]


def test_choosing_a_language_is_remembered_on_the_account(client, db):
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    client.get(reverse("notifications:notification-list"))
    user.refresh_from_db()
    assert user.language == "en"


def test_the_migration_turns_filled_in_rows_into_messages_and_keeps_peoples_words(db):
    user = UserFactory()
    made = Notification.objects.bulk_create(
        [
            Notification(recipient=user, title="SKP Anda 2025 dikembalikan", body="Target terlalu rendah."),
            Notification(
                recipient=user, title="Hasil Evaluasi tahunan 2025 disampaikan",
                body="Keberatan dapat diajukan paling lambat 29 Mei 2025.",
            ),
            Notification(recipient=user, title="Pesan lama 100%"),
            Notification(recipient=user, title="Penilaian diri dibuka: Evaluasi Triwulan III 2025"),
        ]
    )  # fmt: skip
    importlib.import_module("notifications.migrations.0004_message_params").forwards(apps, None)
    returned, result, other, quarter = (Notification.objects.get(pk=row.pk) for row in made)
    assert (returned.title, returned.params, returned.body, returned.note) == (
        "SKP Anda %(year)s dikembalikan", {"year": "2025"}, "", "Target terlalu rendah."
    )  # fmt: skip
    assert result.params == {
        "title": {"message": "Evaluasi tahunan %(year)s", "params": {"year": "2025"}},
        "date": "29 Mei 2025",
    }
    assert result.body == "Keberatan dapat diajukan paling lambat %(date)s."
    with translation.override("en"):
        assert returned.title_text() == "Your SKP 2025 was returned"
        assert result.title_text() == "Result of Annual evaluation 2025 delivered"
        assert quarter.title_text() == "Self-assessment opened: Quarter III evaluation 2025"
        # A recovered parameter stays as it was written: the migration cannot tell a date from a name.
        assert result.body_text() == "An objection may be filed until 29 Mei 2025."
        assert other.title_text() == "Pesan lama 100%"
