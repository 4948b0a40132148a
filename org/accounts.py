"""Accounts for every employee: HR creates them in bulk, the employee activates with a one-time code.

A new account has the NIP as username and no usable password, so nobody can log in to it until its
owner sets a password on the activation page (docs/security.md, "Accounts for everyone"). The
code reaches the owner by e-mail (sent by a worker through the outbox, which makes the code there,
so no usable code ever sits in the outbox table) or, for someone without an e-mail address, on a
printed letter. Only a keyed hash of a code is stored.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from core.outbox import enqueue_on_commit

from .models import ActivationCode, Employee, ImportJob, User
from .tasks import activation_email_send as activation_email_send_task

logger = logging.getLogger(__name__)

# Crockford's base32 without the letters people confuse on paper (I, L, O, U).
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12  # 60 bits: guessing is hopeless within the login's rate limit
CODE_UNKNOWN = _("Kode aktivasi tidak dikenal. Periksa lagi kode pada surat atau tautan di e-mail.")
CODE_USED = _("Kode aktivasi ini sudah dipakai. Masuk dengan NIP dan kata sandi Anda, atau pakai “Lupa kata sandi”.")
CODE_EXPIRED = _("Kode aktivasi ini sudah kedaluwarsa. Minta surat atau e-mail aktivasi baru ke pengelola kepegawaian.")


@dataclass(frozen=True)
class AccountsCreated:
    created: list[User]
    emailed: int
    skipped: int  # already had an account, or their NIP is someone else's username


@dataclass(frozen=True)
class Letter:
    employee: Employee
    code: str


def normalize_code(text: str) -> str:
    """What a person types: case, spaces and dashes do not matter."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def code_hash(code: str) -> str:
    """Keyed with SECRET_KEY: a leaked table without the key gives nothing to try offline."""
    return salted_hmac("org.accounts.activation", normalize_code(code), algorithm="sha256").hexdigest()


def grouped(code: str) -> str:
    return "-".join(code[index : index + 4] for index in range(0, len(code), 4))


def employees_without_account(*, unit_ids: set[int] | None) -> QuerySet[Employee]:
    """Active employees of the units (every unit with ``None``) who have no login yet."""
    employees = Employee.objects.active().filter(user__isnull=True)
    return employees if unit_ids is None else employees.filter(unit_id__in=unit_ids)


def of_import(employees: QuerySet[Employee], job: ImportJob) -> QuerySet[Employee]:
    """Those of ``employees`` whom the applied employees file named (``ImportJob.employees``)."""
    return employees.filter(pk__in=ImportJob.employees.through.objects.filter(importjob=job).values("employee_id"))


def pending_activation(*, unit_ids: set[int] | None) -> QuerySet[Employee]:
    """Employees of the units whose account waits for its first password.

    An account that has logged in is not waiting, even without a password of its own: its owner
    logs in through the Pemda's directory (``org.directory``).
    """
    employees = Employee.objects.filter(
        user__isnull=False, user__password__startswith="!", user__is_active=True, user__last_login__isnull=True
    )
    employees = employees.select_related("user", "unit", "position").order_by("unit__name", "name")
    return employees if unit_ids is None else employees.filter(unit_id__in=unit_ids)


def new_account(employee: Employee) -> User:
    """An employee's account as Kinerja makes it (unsaved): the NIP as username, no usable password yet."""
    return User(username=employee.nip, email=employee.email, password=make_password(None))


@transaction.atomic
def accounts_create(*, employees: QuerySet[Employee], acting_user: User) -> AccountsCreated:
    """One account per employee without one, in a fixed number of statements, and its activation e-mail.

    The username is the NIP; an employee whose NIP is already someone's username is left alone, as
    is every existing account. E-mails are queued (outbox) and sent by a worker after the commit.
    """
    candidates = list(employees.filter(user__isnull=True).select_for_update(of=("self",)))
    taken = set(User.objects.filter(username__in=[e.nip for e in candidates]).values_list("username", flat=True))
    chosen = [employee for employee in candidates if employee.nip not in taken]
    users = User.objects.bulk_create([new_account(employee) for employee in chosen], batch_size=1000)
    for employee, user in zip(chosen, users, strict=True):
        employee.user = user
    Employee.objects.bulk_update(chosen, ["user"], batch_size=1000)
    emailed = [user for user in users if user.email]
    for user in emailed:
        enqueue_on_commit(activation_email_send_task, user.pk, translation.get_language())
    logger.info("Accounts created by %s: %d (%d by e-mail)", acting_user, len(users), len(emailed))
    return AccountsCreated(users, len(emailed), len(candidates) - len(chosen))


def _issue(users: list[User]) -> dict[int, str]:
    """New codes for the accounts, replacing any earlier one; returns each code in clear, by user id."""
    now = timezone.now()
    expires = now + timedelta(days=settings.ACCOUNT_ACTIVATION_DAYS)
    codes = {user.pk: "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)) for user in users}
    ActivationCode.objects.bulk_create(
        [
            ActivationCode(user_id=pk, code_hash=code_hash(code), issued_at=now, expires_at=expires)
            for pk, code in codes.items()
        ],
        update_conflicts=True,
        unique_fields=["user"],
        update_fields=["code_hash", "issued_at", "expires_at", "used_at"],
    )
    return codes


@transaction.atomic
def activation_letters_issue(*, employees: QuerySet[Employee], acting_user: User) -> list[Letter]:
    """Fresh codes for the letters of employees whose account waits for activation.

    Printing again replaces the codes, so a lost letter stops working once a new one is printed.
    """
    chosen = list(employees)
    codes = _issue([employee.user for employee in chosen])
    logger.info("Activation letters issued by %s: %d", acting_user, len(chosen))
    return [Letter(employee, grouped(codes[employee.user_id])) for employee in chosen]


def activation_email_send(*, user_id: int, language: str) -> None:
    """Send one activation e-mail with a fresh code; an account activated meanwhile gets nothing."""
    user = User.objects.filter(pk=user_id, is_active=True).select_related("employee").first()
    if user is None or user.has_usable_password() or not user.email:
        return
    with transaction.atomic():
        code = _issue([user])[user.pk]
    context = {
        "user": user,
        "code": grouped(code),
        "link": settings.SITE_URL.rstrip("/") + reverse("account-activate-link", kwargs={"code": code}),
        "days": settings.ACCOUNT_ACTIVATION_DAYS,
    }
    with translation.override(language):
        subject = render_to_string("registration/activation_email_subject.txt", context).strip()
        body = render_to_string("registration/activation_email.txt", context)
    send_mail(subject, body, None, [user.email])


def activation_code_find(code: str) -> ActivationCode:
    """The activation the code belongs to, or a ValidationError on ``code`` that says why it cannot be used."""
    found = ActivationCode.objects.select_related("user").filter(code_hash=code_hash(code)).first()
    if found is None:
        raise ValidationError({"code": ValidationError(CODE_UNKNOWN, code="unknown")})
    if found.used_at is not None or found.user.has_usable_password():
        raise ValidationError({"code": ValidationError(CODE_USED, code="used")})
    if found.is_expired(at=timezone.now()):
        raise ValidationError({"code": ValidationError(CODE_EXPIRED, code="expired")})
    return found


@transaction.atomic
def account_activate(*, code: str, password1: str, password2: str) -> User:
    """Set the first password with Django's validators and use up the code, or change nothing.

    Raises a ValidationError keyed by field: ``code`` for the code, ``new_password1/2`` for the password.
    """
    activation = activation_code_find(code)
    activation = ActivationCode.objects.select_for_update().select_related("user").get(pk=activation.pk)
    if activation.used_at is not None:
        raise ValidationError({"code": ValidationError(CODE_USED, code="used")})
    form = SetPasswordForm(activation.user, {"new_password1": password1, "new_password2": password2})
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    user = form.save()
    activation.used_at = timezone.now()
    activation.save(update_fields=["used_at"])
    logger.info("Account %s activated", user)
    return user
