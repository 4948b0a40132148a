"""Access expectations for the ``org`` URLs (collected by ``tests/url_access.py``)."""

from __future__ import annotations

from tests.url_access import EMPLOYEE_READERS, HR_ROLES, OUTSIDER, Access

UNKNOWN_TOKEN = "8c6f0a52-3f55-4a57-9d0e-1d1f2b3c4d5e"


def _unknown_import(**options) -> Access:
    return Access(allowed=(), outsiders=HR_ROLES, kwargs=lambda personas: {"token": UNKNOWN_TOKEN}, **options)


def _unit(personas) -> dict:
    return {"unit": personas.employee.unit_id}


URL_ACCESS = {
    "org:employee-list": Access(allowed=HR_ROLES),
    "org:employee-detail": Access(
        allowed=EMPLOYEE_READERS, outsiders={OUTSIDER}, kwargs=lambda personas: {"pk": personas.employee.pk}
    ),
    "org:unit-list": Access(allowed=HR_ROLES),
    "org:import-upload": Access(allowed=HR_ROLES),
    "org:import-template": Access(allowed=HR_ROLES, kwargs=lambda personas: {"kind": "pegawai"}),
    "org:export-download": Access(allowed=HR_ROLES, kwargs=lambda personas: {"kind": "pegawai"}),
    "org:health-detail": Access(allowed=HR_ROLES),
    # Accounts for everyone (docs/security.md): HR only; the POSTs take the unit whose employees they act on.
    "org:account-list": Access(allowed=HR_ROLES, data=_unit),
    "org:account-create": Access(allowed=HR_ROLES, methods=("post",), data=_unit),
    "org:account-letters": Access(allowed=HR_ROLES, methods=("post",), data=_unit),
    # A dry run belongs to the user who uploaded the file: an unknown token is refused to everyone
    # (HR gets 404, the others 403 for the role); tests/org/test_import_views.py covers the HR path.
    "org:import-preview": _unknown_import(),
    "org:import-status": _unknown_import(),
    "org:import-confirm": _unknown_import(methods=("post",)),
    "org:import-report": _unknown_import(),
    "org:import-mapping": _unknown_import(methods=("get", "post")),
    # Accounts of an applied employees import (tests/org/test_import_accounts.py covers the HR path).
    "org:import-account-create": _unknown_import(methods=("post",)),
    "org:import-account-letters": _unknown_import(methods=("post",)),
}
