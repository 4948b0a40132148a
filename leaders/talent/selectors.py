"""Reads of the talent map within a reader's scope; each runs a fixed number of queries.

The map counts the people employed now: a placement of someone who has since left stays stored
but drops out of every page. Units and positions are those stored with the placement (where the
person worked when it was computed), so a past year's map keeps its shape.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery

from appraisal.models import AppraisalPeriod
from org.models import Employee, Position
from org.selectors import employed_now, unit_subtrees

from ..models import TalentCalibration, TalentPlacement, TalentRun
from . import rules

CANDIDATES_PER_POSITION = 5
NOT_IN_MAP = 0  # the movement table's row and column for "no box" (not placed, or not computed)


@dataclass(frozen=True)
class Filters:
    """What the reader chose; ``unit_ids`` is a unit with its sub-units, or the reader's scope (``None``: all)."""

    period: AppraisalPeriod
    unit_ids: frozenset[int] | None = None
    position_kind: str = ""


def placements(filters: Filters) -> QuerySet[TalentPlacement]:
    """The period's placements of the people employed now."""
    rows = TalentPlacement.objects.filter(employed_now(), period=filters.period)
    if filters.unit_ids is not None:
        rows = rows.filter(unit_id__in=filters.unit_ids)
    if filters.position_kind:
        rows = rows.filter(position__kind=filters.position_kind)
    return rows


def listed(rows: QuerySet[TalentPlacement]) -> QuerySet[TalentPlacement]:
    """What a list row shows, best potential first (JPM), then by name."""
    return rows.select_related("employee", "unit", "position").order_by("-jpm", "employee__name", "pk")


@dataclass(frozen=True)
class MapCounts:
    by_box: dict[int, int]
    not_placed: int

    @property
    def placed(self) -> int:
        return sum(self.by_box.values())

    @property
    def pool(self) -> int:
        return sum(self.by_box[box] for box in rules.POOL)

    def grid(self) -> list[tuple[rules.Kinerja, list[tuple[int, int, str]]]]:
        """Rows kinerja high to low, each with (box, count, label) for potensi low to high (§7.5)."""
        return [
            (kinerja, [(box, self.by_box[box], rules.box_label(box)) for box in boxes]) for kinerja, boxes in rules.GRID
        ]

    def table(self) -> list[tuple[int, int, str]]:
        """(box, count, label), best box first: the table beside the grid."""
        return [(box, self.by_box[box], rules.box_label(box)) for box in rules.BEST_FIRST]


def map_counts(filters: Filters) -> MapCounts:
    """People per box (the box the map shows, calibrated or computed) and those not placed; one query."""
    counts = Counter(
        dict(placements(filters).values("final_box").annotate(n=Count("pk")).values_list("final_box", "n"))
    )
    return MapCounts({box: counts.get(box, 0) for box in rules.ALL_BOXES}, counts.get(None, 0))


@dataclass(frozen=True)
class MapStatus:
    computed_at: datetime | None
    pending: bool
    failed: bool = False


def map_status(period: AppraisalPeriod) -> MapStatus:
    """When the period was last computed, whether a request made since still waits for the worker, and
    whether the last attempt since failed for good; one query. A request older than the last computation
    (a lost worker, say) no longer shows as pending, and a failure older than it no longer shows."""
    runs = TalentRun.objects.filter(period=period).aggregate(
        computed_at=Max("finished_at"),
        waiting_since=Max("requested_at", filter=Q(finished_at__isnull=True, failed_at__isnull=True)),
        failed_at=Max("failed_at"),
    )
    computed_at, waiting_since, failed_at = runs["computed_at"], runs["waiting_since"], runs["failed_at"]
    pending = waiting_since is not None and (computed_at is None or waiting_since > computed_at)
    failed = not pending and failed_at is not None and (computed_at is None or failed_at > computed_at)
    return MapStatus(computed_at, pending, failed)


def person(placement_pk: int) -> TalentPlacement:
    return TalentPlacement.objects.select_related("employee", "unit", "position", "period").get(pk=placement_pk)


def calibrations(placement: TalentPlacement) -> QuerySet[TalentCalibration]:
    return placement.calibrations.select_related("actor__employee")


def previous_period(period: AppraisalPeriod) -> AppraisalPeriod | None:
    return AppraisalPeriod.objects.filter(year__lt=period.year).order_by("-year").first()


def _previous_box(previous: AppraisalPeriod | None):
    earlier = TalentPlacement.objects.filter(period=previous, employee=OuterRef("employee")).values("final_box")[:1]
    return Subquery(earlier)


def with_previous_box(rows: QuerySet[TalentPlacement], previous: AppraisalPeriod | None) -> QuerySet[TalentPlacement]:
    """Each row with ``previous_box``: the box the person had in the previous period's map (or None)."""
    return rows.annotate(previous_box=_previous_box(previous))


def from_previous_box(
    rows: QuerySet[TalentPlacement], previous: AppraisalPeriod | None, box: int
) -> QuerySet[TalentPlacement]:
    """The rows whose previous-period box was ``box`` (``NOT_IN_MAP``: none), as a movement cell counts them."""
    rows = with_previous_box(rows, previous)
    return rows.filter(previous_box__isnull=True) if box == NOT_IN_MAP else rows.filter(previous_box=box)


@dataclass(frozen=True)
class Movement:
    """People by (last year's box, this year's box); ``NOT_IN_MAP`` stands for no box."""

    cells: dict[tuple[int, int], int]

    ORDER = (*rules.BEST_FIRST, NOT_IN_MAP)

    def rows(self) -> list[tuple[int, list[tuple[int, int]], int]]:
        """(from box, [(to box, count)], row total) in the grid's order, best box first."""
        return [
            (
                before,
                [(after, self.cells.get((before, after), 0)) for after in self.ORDER],
                sum(self.cells.get((before, after), 0) for after in self.ORDER),
            )
            for before in self.ORDER
        ]

    @property
    def total(self) -> int:
        return sum(self.cells.values())

    @property
    def unchanged(self) -> int:
        return sum(count for (before, after), count in self.cells.items() if before == after != NOT_IN_MAP)


def movement(filters: Filters, previous: AppraisalPeriod | None) -> Movement:
    """This period's people by their box last period and now; one query."""
    rows = (
        with_previous_box(placements(filters), previous)
        .values("previous_box", "final_box")
        .annotate(n=Count("pk"))
        .values_list("previous_box", "final_box", "n")
    )
    return Movement({(before or NOT_IN_MAP, after or NOT_IN_MAP): n for before, after, n in rows})


@dataclass(frozen=True)
class Succession:
    position: Position
    holders: list[Employee]
    candidates: list[TalentPlacement]


def succession_positions(filters: Filters) -> QuerySet[Position]:
    """Unit-head and structural positions in the reader's units."""
    positions = Position.objects.filter(Q(is_unit_head=True) | Q(kind=Position.Kind.STRUKTURAL))
    if filters.unit_ids is not None:
        positions = positions.filter(unit_id__in=filters.unit_ids)
    return positions.select_related("unit").order_by("unit__code", "-is_unit_head", "name")


def succession(filters: Filters, positions: list[Position]) -> list[Succession]:
    """For each position, the people of boxes 7–9 in the position's unit and its sub-units, best box
    first, then JPM; its current holders are not their own successors. Three queries for any number."""
    subtrees = unit_subtrees([position.unit for position in positions])
    wanted = {pk for position in positions for pk in subtrees[position.unit_id]}
    pool = list(
        listed(placements(Filters(filters.period, frozenset(wanted))))
        .filter(final_box__in=rules.POOL)
        .order_by("-final_box", "-jpm", "employee__name", "pk")
    )
    holders: dict[int, list[Employee]] = {}
    for holder in Employee.objects.active().filter(position__in=positions).order_by("name"):
        holders.setdefault(holder.position_id, []).append(holder)
    result = []
    for position in positions:
        units = set(subtrees[position.unit_id])
        mine = {holder.pk for holder in holders.get(position.pk, [])}
        candidates = [row for row in pool if row.unit_id in units and row.employee_id not in mine]
        result.append(Succession(position, holders.get(position.pk, []), candidates[:CANDIDATES_PER_POSITION]))
    return result
