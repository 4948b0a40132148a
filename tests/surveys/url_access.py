"""Access expectations for the ``surveys`` URLs (collected by ``tests/url_access.py``).

Survey managers are HR and the head of a unit (``surveys.access``). The ``head`` persona is made the
head of the personas' unit on first use, so HEAD stands for a unit head here, and ``unit_head`` heads a
unit above it (a manager of its sub-units too); the other employees of the unit and the outsider are
refused. Public pages (the form, complaints, a complaint's status and the
kiosk activation link) are open to everyone, anonymous included.
"""

from __future__ import annotations

from uuid import uuid4

from org.models import Unit
from tests.url_access import HEAD, HR_ROLES, ROLES, UNIT_HEAD, Access, Personas

from .factories import ComplaintFactory, KioskDeviceFactory, ResponseFactory, ServiceFactory

MANAGERS = HR_ROLES | {HEAD, UNIT_HEAD}  # the head of a unit above manages the unit too


def _unit(personas: Personas) -> Unit:
    """The personas' unit, with ``head`` as its unit head (idempotent: every request calls it)."""
    position = personas.head.position
    if not position.is_unit_head:
        position.is_unit_head = True
        position.save(update_fields=["is_unit_head"])
    return position.unit


def _managed(personas: Personas) -> dict:
    _unit(personas)
    return {}


def _unit_code(personas: Personas) -> dict:
    return {"unit_code": _unit(personas).code}


def _service_in_unit(personas: Personas):
    return ServiceFactory(unit=_unit(personas))


def _new_service_fields() -> dict:
    """Name and slug are unique per unit, and every role's request creates one."""
    suffix = uuid4().hex[:8]
    return {"name": f"Layanan Uji {suffix}", "slug": f"uji-{suffix}"}


def _pk(factory, **fields):
    return lambda personas: {"pk": factory(unit=_unit(personas), **fields).pk}


def _staff(kwargs=_unit_code, **options) -> Access:
    return Access(allowed=MANAGERS, kwargs=kwargs, **options)


def _public(kwargs) -> Access:
    return Access(allowed=ROLES, kwargs=kwargs)


URL_ACCESS = {
    "surveys:survey-form": _public(_unit_code),
    "surveys:survey-service-form": _public(
        lambda personas: {"unit_code": _unit(personas).code, "service_slug": _service_in_unit(personas).slug}
    ),
    "surveys:survey-thanks": _public(_unit_code),
    "surveys:complaint-form": _public(_unit_code),
    "surveys:complaint-lookup": _public(lambda personas: {}),
    "surveys:complaint-status": _public(
        lambda personas: {"reference": ComplaintFactory(unit=_unit(personas)).reference}
    ),
    "surveys:kiosk-activate": _public(
        lambda personas: {"secret": KioskDeviceFactory(unit=_unit(personas), created_by=personas.hr_user).secret}
    ),
    "surveys:result-index": _staff(_managed),
    "surveys:result-detail": _staff(),
    "surveys:result-export-report": _staff(),
    "surveys:result-export-responses": _staff(),
    "surveys:response-list": _staff(),
    "surveys:unit-setup": _staff(),
    "surveys:poster": _staff(),
    "surveys:qr-image": _staff(lambda personas: {**_unit_code(personas), "fmt": "svg"}),
    "surveys:service-create": _staff(methods=("post",), data=lambda personas: _new_service_fields()),
    "surveys:service-update": _staff(lambda personas: {"pk": _service_in_unit(personas).pk}),
    "surveys:officer-issue": _staff(
        lambda personas: {**_unit_code(personas), "employee_pk": personas.employee.pk}, methods=("post",)
    ),
    "surveys:kiosk-create": _staff(methods=("post",), data=lambda personas: {"name": "Tablet loket"}),
    "surveys:kiosk-revoke": _staff(_pk(KioskDeviceFactory), methods=("post",)),
    "surveys:kiosk-qr": _staff(lambda personas: {"pk": KioskDeviceFactory(unit=_unit(personas)).pk}),
    "surveys:complaint-list": _staff(_managed),
    "surveys:complaint-detail": _staff(_pk(ComplaintFactory)),
    # Only the head who must answer the complaint replies; HR reads it but gets 403 here.
    "surveys:complaint-reply": Access(
        allowed={HEAD},
        methods=("post",),
        kwargs=_pk(ComplaintFactory),
        data=lambda personas: {"body": "Sudah kami tindak lanjuti."},
    ),
    # Changing what counts is HR's: a unit head may read the responses but not exclude them (403).
    "surveys:response-exclude": Access(
        allowed=HR_ROLES, methods=("post",), kwargs=_pk(ResponseFactory), data=lambda personas: {"reason": "Uji"}
    ),
    "surveys:response-include": Access(
        allowed=HR_ROLES, methods=("post",), kwargs=_pk(ResponseFactory), data=lambda personas: {"reason": "Uji"}
    ),
    "surveys:response-exclude-many": Access(
        allowed=HR_ROLES,
        methods=("post",),
        kwargs=_unit_code,
        data=lambda personas: {"reason": "Uji", "ids": [ResponseFactory(unit=_unit(personas)).pk]},
    ),
}
