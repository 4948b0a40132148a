"""Access expectations for the ``training`` URLs (collected by ``tests/url_access.py``).

Every page so far is HR's: the dictionary, the standards, the imports and the catalogue. Everyone
else who is logged in gets 403; the dry-run and confirmation pages of an import are org's.
"""

from __future__ import annotations

from tests.training.factories import ProgrammeFactory
from tests.url_access import HR_ROLES, Access


def _programme(personas) -> dict[str, int]:
    return {"pk": ProgrammeFactory().pk}


URL_ACCESS = {
    "training:competency-list": Access(allowed=HR_ROLES),
    "training:standard-list": Access(allowed=HR_ROLES),
    "training:standard-export": Access(allowed=HR_ROLES),
    "training:import-upload": Access(allowed=HR_ROLES),
    "training:import-template": Access(allowed=HR_ROLES, kwargs=lambda personas: {"kind": "standar"}),
    "training:programme-list": Access(allowed=HR_ROLES),
    "training:programme-create": Access(allowed=HR_ROLES),
    "training:programme-edit": Access(allowed=HR_ROLES, kwargs=_programme),
}
