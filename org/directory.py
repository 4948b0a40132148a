"""Login against the Pemda's directory (LDAP / Active Directory), when ``AUTH_LDAP_SERVER_URI`` is set.

The rule (docs/security.md, "Directory login"): the directory vouches for a password, Kinerja decides
whose account it opens. The directory entry's NIP attribute (``AUTH_LDAP_NIP_ATTRIBUTE``) must be
the NIP of an employee HR keeps in Kinerja; the login opens that employee's account, whatever its
username. An active employee without an account gets one as HR's bulk creation would make it (the
NIP as username, no usable password), so a directory user needs no activation letter. The directory
never creates an employee, never writes to an account and never grants a role: roles stay in
Kinerja (``org.access``). Anyone else the directory knows is refused with a message that says why.
This module is imported only when the backend is installed, so python-ldap is not loaded otherwise.
"""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_auth_ldap.backend import LDAPBackend

from .accounts import new_account
from .models import Employee, User
from .nip import normalize_nip

logger = logging.getLogger(__name__)

NOT_AN_EMPLOYEE = _(
    "Akun direktori Anda belum dapat dipakai di Kinerja: NIP pada direktori tidak cocok dengan pegawai "
    "yang terdaftar. Hubungi pengelola kinerja (BKPSDM) di instansi Anda."
)


@transaction.atomic
def directory_account(*, nip: str) -> User | None:
    """The account a directory user with this NIP opens, or None when Kinerja has none to open.

    The employee's account if it has one (an account HR switched off is then refused by the login
    form, as for a local password). Otherwise an active employee gets a new account, unless the NIP
    is already someone else's username: those BKPSDM links by hand, as after the bulk creation. The
    employee row is locked, so two first logins at once make one account.
    """
    employee = Employee.objects.select_for_update(of=("self",)).select_related("user").filter(nip=nip).first()
    if employee is None or employee.user is not None:
        return employee.user if employee else None
    if employee.status != Employee.Status.AKTIF or User.objects.filter(username=nip).exists():
        return None
    employee.user = new_account(employee)
    employee.user.save()
    employee.save(update_fields=["user"])
    logger.info("Account %s made at the first directory login of employee %s", employee.user, employee.pk)
    return employee.user


class DirectoryBackend(LDAPBackend):
    """django-auth-ldap, except that the account comes from ``directory_account``, never from the directory.

    A refusal is a ValidationError: the login form shows its message instead of "wrong password",
    because the directory did accept the password.
    """

    # Kinerja's accounts are not filled from the directory (names and e-mail come from HR's data).
    default_settings = {"ALWAYS_UPDATE_USER": False, "NIP_ATTRIBUTE": "employeeNumber"}

    def get_user(self, user_id: int) -> User | None:
        """The session's user, unless HR switched the account off since (as Django's own backend does)."""
        user = super().get_user(user_id)
        return user if user is not None and user.is_active else None

    def get_or_build_user(self, username: str, ldap_user) -> tuple[User, bool]:
        values = (ldap_user.attrs or {}).get(self.settings.NIP_ATTRIBUTE) or [""]
        user = directory_account(nip=normalize_nip(values[0]))
        if user is None:
            logger.info("Directory user %s refused: no employee account for NIP %r", username, values[0])
            raise ValidationError(NOT_AN_EMPLOYEE, code="not_an_employee")
        return user, False
