"""Access expectations for the HR dashboard URLs of ``leaders`` (collected by ``tests/url_access.py``).

The HR dashboard, its lists and its reports are HR's and a unit head's (``org.access.unit_scope``): the
``head`` persona is made the head of the personas' unit (``unit_head`` heads a unit above it), and a
period exists; everyone else logged in gets 403. The trend page is an employee's own: a login without
an employee record (HR's) gets 403.
"""

from __future__ import annotations

from tests.appraisal.factories import PeriodFactory
from tests.url_access import HEAD, HR_ROLES, LOGGED_IN, UNIT_HEAD, Access, Personas

WITH_EMPLOYEE = LOGGED_IN - HR_ROLES  # personas with an employee record behind their login


def _dashboard(personas: Personas) -> dict:
    """A period to read, and ``head`` heading the personas' unit (idempotent: every request calls it)."""
    PeriodFactory()
    position = personas.head.position
    if not position.is_unit_head:
        position.is_unit_head = True
        position.save(update_fields=["is_unit_head"])
    return {}


def _list(kind: str):
    def kwargs(personas: Personas) -> dict:
        return _dashboard(personas) | {"kind": kind}

    return kwargs


READERS = HR_ROLES | {HEAD, UNIT_HEAD}

URL_ACCESS = {
    "leaders:dashboard": Access(allowed=READERS, kwargs=_dashboard),
    "leaders:dashboard-list": Access(allowed=READERS, kwargs=_list("skp")),
    "leaders:dashboard-xlsx": Access(allowed=READERS, kwargs=_dashboard),
    "leaders:dashboard-pdf": Access(allowed=READERS, kwargs=_dashboard),
    "leaders:my-trend": Access(allowed=WITH_EMPLOYEE),
}
