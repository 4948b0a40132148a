"""The UI speaks Indonesian unless the user picks English (locale/en holds the translations)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from org.models import Employee
from org.nip import NIP_NOT_DIGITS

LOGIN_URL = reverse("login")


def test_it_speaks_indonesian_by_default(client, db):
    content = client.get(LOGIN_URL).content.decode()
    assert '<html lang="id">' in content
    assert "Masuk ke Kinerja" in content


def test_it_switches_to_english_and_back(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": LOGIN_URL})
    assert response["Location"] == LOGIN_URL
    content = client.get(LOGIN_URL).content.decode()
    assert '<html lang="en">' in content
    assert "Log in to Kinerja" in content
    client.post(reverse("set_language"), {"language": "id", "next": LOGIN_URL})
    assert "Masuk ke Kinerja" in client.get(LOGIN_URL).content.decode()


def test_it_does_not_follow_an_off_site_next_after_switching(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": "https://evil.example/"})
    assert "evil.example" not in response["Location"]


def test_it_translates_model_choices_and_error_texts(db):
    with translation.override("en"):
        assert str(Employee.Status.AKTIF.label) == "Active"
        assert str(NIP_NOT_DIGITS) == "The NIP may contain digits only."


def test_it_translates_plurals(client, hr_user, employee):
    client.post(reverse("set_language"), {"language": "en"})
    client.force_login(hr_user)
    content = client.get(reverse("org:employee-list")).content.decode()
    assert "3 employees found" in content


def test_it_ignores_the_browser_language_until_english_is_chosen(client, db):
    content = client.get(LOGIN_URL, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Masuk ke Kinerja" in content
    client.post(reverse("set_language"), {"language": "en"})
    assert "Log in to Kinerja" in client.get(LOGIN_URL, HTTP_ACCEPT_LANGUAGE="id").content.decode()
