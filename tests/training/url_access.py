"""Access expectations for the ``training`` URLs (collected by ``tests/url_access.py``).

HR's pages (the dictionary, the standards, the imports, the catalogue, the below-20-JP list): everyone
else who is logged in gets 403; the dry-run and confirmation pages of an import are org's.

The development pages: an employee's page is theirs, their supervisor's (both levels), the head's of a
unit above and HR's; anyone else gets 404. The decisions are the supervisors' and HR's: the employee and
the unit head, who may see the row, get 403. A decision's row is made afresh for every request, so one
role's decision does not spoil the next. The AKPK page and its files are HR's and a unit head's
(``org.access.unit_scope``): the ``head`` persona is made the head of the personas' unit (``unit_head``
heads a unit above it), and a period exists; a head asking for another unit gets 404
(tests/training/test_akpk.py).
"""

from __future__ import annotations

from tests.appraisal.factories import PeriodFactory
from tests.training.development_factories import RecommendationFactory, submitted_record
from tests.training.factories import ProgrammeFactory
from tests.url_access import (
    EMPLOYEE_READERS,
    HEAD,
    HR_ROLES,
    LOGGED_IN,
    OUTSIDER,
    SUPERVISOR,
    UNIT_HEAD,
    Access,
    Personas,
)

REVIEWERS = HR_ROLES | {SUPERVISOR, HEAD}
SEE_EMPLOYEE = EMPLOYEE_READERS
WITH_EMPLOYEE = LOGGED_IN - HR_ROLES  # personas with an employee record behind their login


def _programme(personas) -> dict[str, int]:
    return {"pk": ProgrammeFactory().pk}


def _recommendation(personas) -> dict[str, int]:
    return {"pk": RecommendationFactory(employee=personas.employee).pk}


def _record(personas) -> dict[str, int]:
    return {"pk": submitted_record(personas.employee).pk}


def _employee(personas) -> dict[str, int]:
    return {"pk": personas.employee.pk}


def _decision(kwargs, methods=("get",)) -> Access:
    return Access(allowed=REVIEWERS, kwargs=kwargs, methods=methods, outsiders={OUTSIDER})


def _akpk(personas: Personas) -> dict:
    """A period to analyse, and ``head`` heading the personas' unit (idempotent: every request calls it)."""
    PeriodFactory()
    position = personas.head.position
    if not position.is_unit_head:
        position.is_unit_head = True
        position.save(update_fields=["is_unit_head"])
    return {}


AKPK = Access(allowed=HR_ROLES | {HEAD, UNIT_HEAD}, kwargs=_akpk)

URL_ACCESS = {
    "training:competency-list": Access(allowed=HR_ROLES),
    "training:standard-list": Access(allowed=HR_ROLES),
    "training:standard-export": Access(allowed=HR_ROLES),
    "training:akpk": AKPK,
    "training:akpk-export": AKPK,
    "training:akpk-summary": AKPK,
    "training:import-upload": Access(allowed=HR_ROLES),
    "training:import-template": Access(allowed=HR_ROLES, kwargs=lambda personas: {"kind": "standar"}),
    "training:programme-list": Access(allowed=HR_ROLES),
    "training:programme-create": Access(allowed=HR_ROLES),
    "training:programme-edit": Access(allowed=HR_ROLES, kwargs=_programme),
    # HR's and the superuser's logins have no employee record, so no development page of their own.
    "training:my-development": Access(allowed=WITH_EMPLOYEE, outsiders=HR_ROLES),
    "training:employee-development": Access(allowed=SEE_EMPLOYEE, kwargs=_employee, outsiders={OUTSIDER}),
    "training:team": Access(allowed={SUPERVISOR, HEAD}),
    "training:recommendation-accept": _decision(_recommendation, methods=("post",)),
    "training:recommendation-replace": _decision(_recommendation),
    "training:recommendation-dismiss": _decision(_recommendation),
    "training:record-verify": _decision(_record, methods=("post",)),
    "training:record-reject": _decision(_record),
    "training:record-certificate": Access(allowed=SEE_EMPLOYEE, kwargs=_record, outsiders={OUTSIDER}),
    "training:shortfall-list": Access(allowed=HR_ROLES),
}
