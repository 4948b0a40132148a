"""Reads of the training data that other modules build on; each runs a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, QuerySet

from org.models import Position

from .models import (
    Batch,
    Competency,
    CompetencyAssessment,
    PositionKindStandard,
    PositionStandard,
    Programme,
    ProgrammeCompetency,
)


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


def current_levels(employee_ids: Iterable[int], *, as_of: date | None = None) -> dict[int, dict[int, int]]:
    """{employee: {competency: level}} from the latest valid assessment of each pair; one query.

    Latest means the latest assessment date, then the latest recorded; an invalidated row never counts.
    ``as_of`` leaves out assessments dated after that day (the levels as they stood then).
    """
    assessments = CompetencyAssessment.objects.filter(employee_id__in=list(employee_ids), is_valid=True)
    if as_of is not None:
        assessments = assessments.filter(assessed_on__lte=as_of)
    rows = (
        assessments.order_by("employee_id", "competency_id", "-assessed_on", "-created_at", "-pk")
        .distinct("employee_id", "competency_id")
        .values_list("employee_id", "competency_id", "level")
    )
    levels: dict[int, dict[int, int]] = defaultdict(dict)
    for employee_id, competency_id, level in rows:
        levels[employee_id][competency_id] = level
    return dict(levels)


def competency_list() -> QuerySet[Competency]:
    """The dictionary with the number of levels each competency describes (five when complete)."""
    return Competency.objects.annotate(level_count=Count("levels")).order_by("kind", "code")


def position_standard_list() -> QuerySet[PositionStandard]:
    """Positions' own standard rows in the order of the export file."""
    return PositionStandard.objects.select_related("position__unit", "competency").order_by(
        "position__unit__code", "position__name", "competency__code"
    )


@dataclass(frozen=True)
class DefaultsTable:
    """The default standards as a grid: one row per position level, one column per competency."""

    competencies: list[Competency]
    rows: list[tuple[str, list[int | None]]]


def default_standard_table() -> DefaultsTable:
    defaults = PositionKindStandard.objects.select_related("competency").order_by("competency__code")
    competencies = list({row.competency_id: row.competency for row in defaults}.values())
    required = {(row.position_level, row.competency_id): row.required_level for row in defaults}
    rows = [
        (label, [required.get((level, competency.pk)) for competency in competencies])
        for level, label in Position.Level.choices
        if any((level, competency.pk) in required for competency in competencies)
    ]
    return DefaultsTable(competencies, rows)


def programme_list() -> QuerySet[Programme]:
    """The catalogue with what the list shows: form, target competencies and batches."""
    return (
        Programme.objects.select_related("form")
        .prefetch_related(
            Prefetch("targets", queryset=ProgrammeCompetency.objects.select_related("competency")),
            Prefetch("batches", queryset=Batch.objects.order_by("starts_on", "pk")),
        )
        .order_by("code")
    )
