"""Access expectations for the ``training`` URLs (collected by ``tests/url_access.py``).

The dictionary, the standards, the imports and the catalogue are HR's: everyone else who is logged
in gets 403; the dry-run and confirmation pages of an import are org's. The AKPK page and its files
are HR's and a unit head's (``org.access.unit_scope``): the ``head`` persona is made the head of the
personas' unit, and a period exists; a head asking for another unit gets 404 (tests/training/test_akpk.py).
"""

from __future__ import annotations

from tests.appraisal.factories import PeriodFactory
from tests.training.factories import ProgrammeFactory
from tests.url_access import HEAD, HR_ROLES, Access, Personas


def _programme(personas) -> dict[str, int]:
    return {"pk": ProgrammeFactory().pk}


def _akpk(personas: Personas) -> dict:
    """A period to analyse, and ``head`` heading the personas' unit (idempotent: every request calls it)."""
    PeriodFactory()
    position = personas.head.position
    if not position.is_unit_head:
        position.is_unit_head = True
        position.save(update_fields=["is_unit_head"])
    return {}


AKPK = Access(allowed=HR_ROLES | {HEAD}, kwargs=_akpk)

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
}
