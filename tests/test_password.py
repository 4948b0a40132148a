"""Changing one's password, and resetting a forgotten one by e-mail (Django's views), in both languages."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from core.models import OutboxJob
from core.tasks import password_reset_email_send
from tests.factories import UserFactory

PASSWORD = "rahasia-123"  # the factories' password
NEW_PASSWORD = "Lumbung-padi-2026"
LINK = re.compile(r"https?://\S+/akun/atur-ulang/\S+/")


@pytest.fixture
def user(db):
    return UserFactory(username="sari", email="sari@example.go.id")


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def _can_log_in(client, password: str) -> bool:
    client.logout()
    response = client.post(reverse("login"), {"username": "sari", "password": password})
    return response.status_code == 302 and client.session.get("_auth_user_id") is not None


def test_it_links_the_password_pages_from_the_login_page_and_the_user_menu(client, user):
    assert reverse("password_reset") in client.get(reverse("login")).content.decode()
    client.force_login(user)
    assert reverse("password_change") in client.get(reverse("home")).content.decode()


def test_it_changes_the_password_of_the_logged_in_user(client, user):
    client.force_login(user)
    page = client.get(reverse("password_change")).content.decode()
    assert "Ubah kata sandi" in page
    data = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    response = client.post(reverse("password_change"), data, follow=True)
    assert response.redirect_chain[-1][0] == reverse("password_change_done")
    assert "Kata sandi Anda sudah diubah" in response.content.decode()
    assert _can_log_in(client, NEW_PASSWORD)
    assert not _can_log_in(client, PASSWORD)


def test_it_refuses_a_wrong_old_password_or_a_weak_new_one(client, user):
    client.force_login(user)
    wrong = {"old_password": "salah", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    assert client.post(reverse("password_change"), wrong).status_code == 200
    weak = {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"}
    assert client.post(reverse("password_change"), weak).status_code == 200
    assert _can_log_in(client, PASSWORD)


def test_it_sends_anonymous_visitors_of_the_change_page_to_the_login(client):
    assert client.get(reverse("password_change"))["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("language", "subject", "texts"),
    [
        ("id", "Atur ulang kata sandi Kinerja", ["Buka alamat berikut", "Kata sandi baru sudah disimpan"]),
        ("en", "Reset your Kinerja password", ["Open the following address", "Your new password has been saved"]),
    ],
)
def test_it_resets_a_forgotten_password_by_e_mail(
    client, user, settings, language, subject, texts, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://kinerja.example.go.id/"
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the queued e-mail is sent as soon as the request commits
    if language == "en":
        _english(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("password_reset"), {"email": "SARI@example.go.id"})
    assert response["Location"] == reverse("password_reset_done")
    (message,) = mail.outbox
    assert message.to == ["sari@example.go.id"]
    assert message.subject == subject
    assert texts[0] in message.body and "sari" in message.body
    link = LINK.search(message.body).group(0)
    assert link.startswith("https://kinerja.example.go.id/akun/atur-ulang/")
    form_page = client.get(link.removeprefix("https://kinerja.example.go.id"), follow=True)
    assert form_page.context["validlink"]
    data = {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    done = client.post(form_page.redirect_chain[-1][0], data, follow=True)
    assert done.redirect_chain[-1][0] == reverse("password_reset_complete")
    assert texts[1] in done.content.decode()
    assert _can_log_in(client, NEW_PASSWORD)
    used_again = client.get(link.removeprefix("https://kinerja.example.go.id"), follow=True)
    assert not used_again.context["validlink"]


def test_a_reset_request_never_waits_on_the_broker_or_the_mail_server(client, user, broker_down):
    response = client.post(reverse("password_reset"), {"email": "sari@example.go.id"})
    assert response["Location"] == reverse("password_reset_done")
    assert broker_down == [] and mail.outbox == []
    job = OutboxJob.objects.pending().get()
    assert (job.task, job.args) == ("core.tasks.password_reset_email_send", [user.pk, "id"])  # no link stored


def test_a_queued_reset_for_an_account_deactivated_since_sends_nothing(user):
    user.is_active = False
    user.save()
    password_reset_email_send(user.pk, "id")
    assert mail.outbox == []


def test_it_does_not_tell_whether_an_address_has_an_account(client, user):
    response = client.post(reverse("password_reset"), {"email": "tidak-ada@example.go.id"})
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


def test_it_explains_an_invalid_or_used_link(client, user):
    url = reverse("password_reset_confirm", kwargs={"uidb64": "MQ", "token": "bukan-token"})
    page = client.get(url).content.decode()
    assert "Tautan atur ulang kata sandi tidak berlaku" in page
    assert reverse("password_reset") in page
