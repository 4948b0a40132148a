"""Accounts for everyone: bulk creation per unit, activation e-mails through the outbox, printed letters,
activation with a one-time code, and the password reset once activated (docs/security.md)."""

from __future__ import annotations

import re
import subprocess
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from core.accounts import _bucket
from core.models import OutboxJob
from org.accounts import (
    CODE_EXPIRED,
    CODE_UNKNOWN,
    CODE_USED,
    accounts_create,
    activation_email_send,
    code_hash,
    employees_without_account,
)
from org.models import ActivationCode, Employee, User
from tests.factories import EmployeeFactory, UnitFactory, UserFactory

NEW_PASSWORD = "Lumbung-padi-2026"
CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")
LINK = re.compile(r"https?://\S+/akun/aktivasi/(\w+)/")


@pytest.fixture
def staff(unit):
    """Two employees with an e-mail address and one without, in the unit; one more in another unit."""
    return [
        EmployeeFactory(unit=unit, name="Ani", email="ani@contoh.go.id"),
        EmployeeFactory(unit=unit, name="Budi", email="budi@contoh.go.id"),
        EmployeeFactory(unit=unit, name="Citra", email=""),
        EmployeeFactory(unit=UnitFactory(code="DISDIK"), name="Dewi", email="dewi@contoh.go.id"),
    ]


def create_for(unit, hr_user):
    return accounts_create(employees=employees_without_account(unit_ids={unit.pk}), acting_user=hr_user)


def letters_pdf(client, unit) -> bytes:
    response = client.post(reverse("org:account-letters"), {"unit": unit.pk})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return response.content


def pdf_text(content: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def activate(client, code: str, password: str = NEW_PASSWORD, password2: str | None = None, **extra):
    data = {"code": code, "new_password1": password, "new_password2": password2 or password}
    return client.post(reverse("account-activate"), data, **extra)


def printed_code(client, unit, hr_user) -> tuple[str, Employee]:
    create_for(unit, hr_user)
    client.force_login(hr_user)
    (code,) = CODE.findall(pdf_text(letters_pdf(client, unit)))
    client.logout()
    return code, Employee.objects.get(name="Citra")


# --- Bulk creation -------------------------------------------------------------------------------


def test_it_creates_one_account_per_employee_of_the_unit_named_by_nip_without_a_usable_password(staff, unit, hr_user):
    result = create_for(unit, hr_user)

    assert (len(result.created), result.emailed, result.skipped) == (3, 2, 0)
    for employee in Employee.objects.filter(unit=unit).select_related("user"):
        assert employee.user.username == employee.nip and employee.user.email == employee.email
        assert not employee.user.has_usable_password()
    assert Employee.objects.get(name="Dewi").user is None  # another unit


def test_creating_again_makes_no_duplicates_and_leaves_existing_accounts_untouched(staff, unit, hr_user):
    own = UserFactory(username="ani.lama", email="lama@contoh.go.id")
    staff[0].user = own
    staff[0].save()
    clash = UserFactory(username=staff[1].nip)  # someone already holds Budi's NIP as username
    password = own.password

    first = create_for(unit, hr_user)
    second = create_for(unit, hr_user)

    assert (len(first.created), first.skipped, len(second.created), second.skipped) == (1, 1, 0, 1)
    own.refresh_from_db()
    clash.refresh_from_db()
    assert own.password == password and own.email == "lama@contoh.go.id" and own.username == "ani.lama"
    assert not hasattr(clash, "employee") or clash.employee is None
    assert User.objects.filter(username=staff[2].nip).count() == 1


def test_the_page_creates_accounts_and_sends_e_mails_through_the_outbox_without_waiting(
    client, staff, unit, hr_user, broker_down
):
    client.force_login(hr_user)
    response = client.post(reverse("org:account-create"), {"unit": unit.pk}, follow=True)

    assert "3 akun dibuat: 2 menerima e-mail aktivasi, 1 perlu surat aktivasi" in response.content.decode()
    assert broker_down == [] and mail.outbox == []
    jobs = OutboxJob.objects.pending().order_by("pk")
    users = [e.user_id for e in Employee.objects.filter(email__gt="", unit=unit).order_by("user_id")]
    assert sorted(job.args[0] for job in jobs) == users
    assert {job.task for job in jobs} == {"org.tasks.activation_email_send"}
    assert not ActivationCode.objects.exists()  # the worker makes the code: no usable code in the outbox


def test_the_activation_e_mail_carries_a_link_that_activates_once(client, staff, unit, hr_user, settings):
    settings.SITE_URL = "https://kinerja.example.go.id/"
    create_for(unit, hr_user)
    user = Employee.objects.get(name="Ani").user

    activation_email_send(user_id=user.pk, language="id")

    (message,) = mail.outbox
    assert message.to == ["ani@contoh.go.id"] and message.subject == "Aktivasi akun Kinerja Anda"
    code = LINK.search(message.body).group(1)
    assert ActivationCode.objects.get(user=user).code_hash == code_hash(code)
    page = client.get(reverse("account-activate-link", args=[code]))
    assert code in page.content.decode()  # the form comes filled in
    assert activate(client, code).url == reverse("home")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_an_e_mail_queued_for_an_account_activated_since_sends_nothing(staff, unit, hr_user):
    create_for(unit, hr_user)
    user = Employee.objects.get(name="Ani").user
    user.set_password(NEW_PASSWORD)
    user.save()
    activation_email_send(user_id=user.pk, language="id")
    assert mail.outbox == []


# --- Letters -------------------------------------------------------------------------------------


def test_the_letters_are_one_a4_page_per_person_without_e_mail_and_keep_no_code_in_clear(client, unit, hr_user):
    people = [EmployeeFactory(unit=unit, name=f"Tanpa Surel {n}", email="") for n in range(3)]
    create_for(unit, hr_user)
    client.force_login(hr_user)

    content = letters_pdf(client, unit)

    text = pdf_text(content)
    codes = CODE.findall(text)
    assert text.count("\f") == 3 and len(set(codes)) == 3
    assert all(person.nip_display in text for person in people) and "SURAT AKTIVASI AKUN KINERJA" in text
    assert reverse("account-activate") in text
    stored = set(ActivationCode.objects.values_list("code_hash", flat=True))
    assert stored == {code_hash(code) for code in codes}
    assert not any(code.replace("-", "") in value for code in codes for value in stored)
    info = subprocess.run(["pdfinfo", "-"], input=content, capture_output=True, check=True).stdout.decode()
    assert "595.276 x 841.89 pts (A4)" in info


def test_printing_again_replaces_the_codes_of_the_earlier_letters(client, unit, hr_user):
    EmployeeFactory(unit=unit, name="Citra", email="")
    old, _ = printed_code(client, unit, hr_user)
    client.force_login(hr_user)
    (new,) = CODE.findall(pdf_text(letters_pdf(client, unit)))
    client.logout()

    assert "tidak dikenal" in activate(client, old).content.decode()
    assert activate(client, new).url == reverse("home")


def test_a_unit_with_no_pending_letter_gets_a_message_not_an_empty_pdf(client, staff, unit, hr_user):
    client.force_login(hr_user)
    response = client.post(reverse("org:account-letters"), {"unit": unit.pk}, follow=True)
    assert "Tidak ada akun yang menunggu surat aktivasi" in response.content.decode()


# --- Activation ----------------------------------------------------------------------------------


def test_a_valid_code_sets_the_password_logs_in_and_lands_on_the_home_page(client, staff, unit, hr_user):
    code, citra = printed_code(client, unit, hr_user)

    response = activate(client, code.lower().replace("-", " "))

    assert response.url == reverse("home")
    assert client.session["_auth_user_id"] == str(citra.user_id)
    citra.user.refresh_from_db()
    assert citra.user.check_password(NEW_PASSWORD)
    assert ActivationCode.objects.get(user=citra.user).used_at is not None


def test_a_used_code_says_so_and_changes_nothing(client, staff, unit, hr_user):
    code, citra = printed_code(client, unit, hr_user)
    activate(client, code)
    client.logout()

    page = activate(client, code, password="Another-Pass-99").content.decode()

    assert str(CODE_USED)[:40] in page
    citra.user.refresh_from_db()
    assert citra.user.check_password(NEW_PASSWORD)


def test_an_expired_code_says_so_and_changes_nothing(client, staff, unit, hr_user, settings):
    code, citra = printed_code(client, unit, hr_user)
    with time_machine.travel(timezone.now() + timedelta(days=settings.ACCOUNT_ACTIVATION_DAYS, seconds=1)):
        page = activate(client, code).content.decode()
    assert str(CODE_EXPIRED)[:40] in page
    citra.user.refresh_from_db()
    assert not citra.user.has_usable_password() and ActivationCode.objects.get().used_at is None


def test_a_wrong_code_says_so_and_counts_as_a_failed_login(client, staff, unit, hr_user, settings):
    settings.LOGIN_IP_FAILURE_LIMIT = 2
    code, citra = printed_code(client, unit, hr_user)
    address = {"REMOTE_ADDR": "10.77.0.1"}
    cache.delete(_bucket(RequestFactory().get("/", **address)))  # a counter left by an earlier run

    first = activate(client, "ABCD-EFGH-JKMN", **address)
    activate(client, "ABCD-EFGH-JKMP", **address)
    blocked = activate(client, code, **address)

    assert first.status_code == 200 and str(CODE_UNKNOWN)[:40] in first.content.decode()
    assert blocked.status_code == 429  # even the right code waits until the window has passed
    citra.user.refresh_from_db()
    assert not citra.user.has_usable_password()


@pytest.mark.parametrize(
    ("password", "password2", "message"),
    [
        ("12345678", None, "terlalu umum"),
        ("pendek", None, "terlalu pendek"),
        (NEW_PASSWORD, "Lain-sekali-2026", "tidak cocok"),
    ],
)
def test_a_weak_or_mistyped_password_is_refused_and_keeps_the_code(
    client, staff, unit, hr_user, password, password2, message
):
    code, citra = printed_code(client, unit, hr_user)

    page = activate(client, code, password=password, password2=password2).content.decode()

    assert message in page
    citra.user.refresh_from_db()
    assert not citra.user.has_usable_password() and ActivationCode.objects.get().used_at is None
    assert activate(client, code).url == reverse("home")  # the code still works


def test_the_activation_page_reads_in_english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("account-activate")).content.decode()
    assert "Activation code" in page


# --- Reset after activation ----------------------------------------------------------------------


def test_an_activated_account_resets_its_forgotten_password_by_e_mail(
    client, staff, unit, hr_user, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    create_for(unit, hr_user)
    ani = Employee.objects.get(name="Ani").user
    activation_email_send(user_id=ani.pk, language="id")
    activate(client, LINK.search(mail.outbox[0].body).group(1))
    client.logout()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("password_reset"), {"email": "ani@contoh.go.id"})

    reset = mail.outbox[-1]
    link = re.search(r"https?://[^/\s]+(/akun/atur-ulang/\S+/)", reset.body).group(1)
    form_page = client.get(link, follow=True)
    data = {"new_password1": "Sawah-hijau-2027", "new_password2": "Sawah-hijau-2027"}
    done = client.post(form_page.redirect_chain[-1][0], data, follow=True)
    assert done.redirect_chain[-1][0] == reverse("password_reset_complete")
    ani.refresh_from_db()
    assert ani.check_password("Sawah-hijau-2027")


def test_an_account_not_yet_activated_gets_no_reset_e_mail(client, staff, unit, hr_user, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    create_for(unit, hr_user)
    client.post(reverse("password_reset"), {"email": "ani@contoh.go.id"})
    assert mail.outbox == []  # it must use its activation code; a reset would bypass it
