"""Reads of the training data that other modules build on; each runs a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from org.models import Position

from .models import CompetencyAssessment, PositionKindStandard, PositionStandard


@dataclass(frozen=True)
class Standard:
    """What a position requires of one competency; ``own`` is false for a level default."""

    competency_id: int
    required_level: int
    criticality: int
    own: bool


def standards_for_positions(position_ids: Iterable[int]) -> dict[int, dict[int, Standard]]:
    """The effective standard of each position: its own rows if it has any, else its level's defaults.

    A position's own rows replace the defaults as a whole rather than one competency at a time, so a
    standard HR imported for a position is exactly what it says (docs/training.md). Three queries.
    """
    levels = dict(Position.objects.filter(pk__in=list(position_ids)).values_list("pk", "level"))
    own: dict[int, dict[int, Standard]] = defaultdict(dict)
    for row in PositionStandard.objects.filter(position_id__in=levels, competency__is_active=True):
        own[row.position_id][row.competency_id] = Standard(
            row.competency_id, row.required_level, row.criticality, own=True
        )
    defaults: dict[str, dict[int, Standard]] = defaultdict(dict)
    wanted = {level for pk, level in levels.items() if pk not in own}
    for row in PositionKindStandard.objects.filter(position_level__in=wanted, competency__is_active=True):
        standard = Standard(row.competency_id, row.required_level, row.criticality, own=False)
        defaults[row.position_level][row.competency_id] = standard
    return {pk: own.get(pk) or dict(defaults.get(level, {})) for pk, level in levels.items()}


def current_levels(employee_ids: Iterable[int]) -> dict[int, dict[int, int]]:
    """{employee: {competency: level}} from the latest valid assessment of each pair; one query.

    Latest means the latest assessment date, then the latest recorded; an invalidated row never counts.
    """
    rows = (
        CompetencyAssessment.objects.filter(employee_id__in=list(employee_ids), is_valid=True)
        .order_by("employee_id", "competency_id", "-assessed_on", "-created_at", "-pk")
        .distinct("employee_id", "competency_id")
        .values_list("employee_id", "competency_id", "level")
    )
    levels: dict[int, dict[int, int]] = defaultdict(dict)
    for employee_id, competency_id, level in rows:
        levels[employee_id][competency_id] = level
    return dict(levels)
