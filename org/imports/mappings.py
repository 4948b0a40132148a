"""HR's decisions for a source file: where each unknown UNOR goes and what each unknown header is.

Saving them is a step of its own, confirmed on the mapping screen: a mapping must point at a real
unit, so a UNOR mapped to a new unit creates that unit now. The decisions are kept per source and
used for every later file; the employees themselves are still imported all or nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import transaction

from org.models import ExternalUnit, HeaderMapping, Unit, User

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class UnitDecision:
    """An external unit and either the unit it is (``unit``) or the unit to create for it (``new``)."""

    external_id: str
    name: str
    unit: Unit | None = None
    new: Unit | None = None


@transaction.atomic
def source_mappings_save(*, source: str, units: list[UnitDecision], headers: dict[str, str], acting_user: User) -> None:
    """Keep the unit and header mappings of ``source``; a header mapped to "" is ignored from now on."""
    for decision in units:
        unit = decision.unit or _unit_create(decision.new)
        mapping = ExternalUnit(source=source, external_id=decision.external_id, name=decision.name, unit=unit)
        mapping.full_clean()
        mapping.save()
    for header, column in headers.items():
        HeaderMapping.objects.update_or_create(source=source, header=header, defaults={"column": column})
    logger.info(
        "Mappings of %s by %s: %d units (%d new), %d headers",
        source,
        acting_user,
        len(units),
        sum(decision.unit is None for decision in units),
        len(headers),
    )


def _unit_create(unit: Unit) -> Unit:
    unit.full_clean()
    unit.save()
    return unit
