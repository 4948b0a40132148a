"""Access expectations for the talent map URLs of ``leaders`` (collected by ``tests/url_access.py``).

The talent map (docs/leaders.md, "Talent map") is HR's and a unit head's (``org.access.unit_scope``):
the ``head`` persona is made the head of the personas' unit and a period exists; everyone else gets
403. A person's page is open to the head only for someone in their unit (another unit's person: 404,
tests/leaders/talent/test_views.py). Computing and calibrating are HR's: everyone else gets 403.
"""

from __future__ import annotations

from appraisal.predikat import Predikat
from leaders.models import TalentPlacement
from leaders.talent.services import talent_map_compute
from tests.appraisal.factories import PeriodFactory
from tests.leaders.talent.factories import annual_result
from tests.url_access import HEAD, HR_ROLES, UNIT_HEAD, Access, Personas

READERS = HR_ROLES | {HEAD, UNIT_HEAD}


def _map(personas: Personas) -> dict:
    """A period, and ``head`` heading the personas' unit (idempotent: every request calls it)."""
    PeriodFactory()
    position = personas.head.position
    if not position.is_unit_head:
        position.is_unit_head = True
        position.save(update_fields=["is_unit_head"])
    return {}


def _placement(personas: Personas) -> dict:
    """The employee placed in this year's map (computed once)."""
    _map(personas)
    period = PeriodFactory()
    if not TalentPlacement.objects.filter(period=period, employee=personas.employee).exists():
        annual_result(personas.employee, period.year, Predikat.BAIK)
        talent_map_compute(period=period)
    return {"pk": TalentPlacement.objects.get(period=period, employee=personas.employee).pk}


def _period(personas: Personas) -> dict:
    _map(personas)
    return {"periode": PeriodFactory().pk}


def _calibration(personas: Personas) -> dict:
    """A move away from wherever the previous role's calibration left the employee."""
    placement = TalentPlacement.objects.get(pk=_placement(personas)["pk"])
    return {"to_box": 8 if placement.final_box == 9 else 9, "reason": "Rapat kalibrasi"}


URL_ACCESS = {
    "leaders:talent-map": Access(allowed=READERS, kwargs=_map),
    "leaders:talent-box": Access(allowed=READERS, kwargs=lambda personas: {**_map(personas), "box": 9}),
    "leaders:talent-not-placed": Access(allowed=READERS, kwargs=_map),
    "leaders:talent-movement": Access(allowed=READERS, kwargs=_map),
    "leaders:talent-succession": Access(allowed=READERS, kwargs=_map),
    "leaders:talent-person": Access(allowed=READERS, kwargs=_placement),
    "leaders:talent-compute": Access(allowed=HR_ROLES, methods=("post",), data=_period),
    "leaders:talent-calibrate": Access(allowed=HR_ROLES, kwargs=_placement, methods=("post",), data=_calibration),
}
