"""The AKPK report (*Analisis Kebutuhan Pengembangan Kompetensi*, domain.md §3, docs/training-akpk.md):
a period's stored needs, within the units a reader may see, at the three levels BPSDM's forms use.

- Organisation: per target (a competency, coaching or mentoring, or a supervisor's written action)
  the number of needs, of employees behind them and their summed priority (``planning.by_target``).
- Unit: per unit, counting the needs of all its sub-units too (``planning.by_unit``), beside the
  pooled JPM of its active employees (``development.unit_jpm``).
- Position: per position and target, beside the standard's required level and the gap of rule 1.
- Individual: one row per stored need, with the levels the need was computed from and the
  programme proposed to that employee for it.

Everything reads what ``recommendations_compute`` stored, so the report shows the same needs as the
employees' pages; it runs a fixed number of queries whatever the number of employees (the individual
rows are read one page at a time).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.db.models import Case, Count, IntegerField, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from appraisal.models import AppraisalPeriod
from core.numbers import round_half_up
from org.models import Employee, Position, Unit
from org.selectors import unit_subtree_ids, unit_tree_rows

from . import planning, rules
from .development import Profile, profiles, unit_jpm
from .inputs import akpk_needs, programmes
from .models import Competency, Need, NeedRule, Programme, Recommendation

COACHING_LABEL = _("Coaching atau mentoring")
TOP_TARGETS = 3  # the targets named beside each unit


@dataclass(frozen=True)
class Filters:
    """What the reader chose; ``unit_ids`` is the unit with its sub-units, or their whole scope (``None``: all)."""

    period: AppraisalPeriod
    unit: Unit | None = None
    position_kind: str = ""
    unit_ids: frozenset[int] | None = None

    @classmethod
    def within(
        cls, period: AppraisalPeriod, scope: set[int] | None, *, unit: Unit | None = None, position_kind: str = ""
    ) -> Filters:
        """The filters inside the reader's scope (``org.access.unit_scope``); the caller has checked the unit."""
        ids = unit_subtree_ids(unit) if unit is not None else scope
        return cls(period, unit, position_kind, None if ids is None else frozenset(ids))


@dataclass(frozen=True)
class Target:
    """What a need asks for, in words: "M.03 Komunikasi", coaching or mentoring, or a written action."""

    key: str
    label: str
    kind: str

    @classmethod
    def of(cls, need: rules.Need) -> Target:
        if need.competency is not None:
            return cls(need.target, f"{need.competency.code} {need.competency.name}", _kind_label(need.competency.kind))
        if need.rule == rules.Rule.RESULTS:
            return cls(need.target, str(COACHING_LABEL), str(NeedRule.RESULTS.label))
        return cls(need.target, need.target, str(NeedRule.SUPERVISOR.label))


def _kind_label(kind: str) -> str:
    return str(Competency.Kind(kind).label) if kind in Competency.Kind.values else kind


@dataclass(frozen=True)
class TargetRow:
    target: Target
    tally: planning.Tally
    bar: int  # percent of the largest number of needs in the table, for the CSS bar


@dataclass(frozen=True)
class UnitRow:
    unit: Unit
    depth: int
    needs: int
    employees: int
    priority: int
    top: list[tuple[Target, int]]  # the targets with the most needs in the unit, with their counts
    bar: int
    jpm: Decimal | None = None  # the pooled JPM of the unit's active employees, sub-units included


@dataclass(frozen=True)
class PositionRow:
    position: Position
    target: Target
    tally: planning.Tally
    required: int | None  # the standard's level, where rule 1 found a gap
    holders: int  # active employees in scope holding the position
    below: int  # of them, those below the standard (rule-1 needs)
    gap: int  # the rule-1 gaps of those below, summed

    @property
    def mean_gap(self) -> Decimal:
        """The gap per holder: those at the standard count 0."""
        return round_half_up(Fraction(self.gap, self.holders)) if self.holders else Decimal(0)


@dataclass(frozen=True)
class Report:
    filters: Filters
    needs: list[planning.PlannedNeed]
    employees_in_scope: int
    targets: list[TargetRow]
    units: list[UnitRow]
    positions: list[PositionRow]

    @property
    def total_needs(self) -> int:
        return len(self.needs)

    @property
    def employees_with_needs(self) -> int:
        return len({row.employee_id for row in self.needs})

    @property
    def total_priority(self) -> int:
        return sum(row.need.priority for row in self.needs)


def report(filters: Filters) -> Report:
    """The organisation, unit and position levels of the AKPK for the filters."""
    all_needs = akpk_needs(filters.period)
    positions = Position.objects.select_related("unit").in_bulk(
        {row.position_id for row in all_needs if row.position_id}
    )
    needs = [row for row in all_needs if _in_scope(filters, row.unit_id, positions.get(row.position_id))]
    targets = {row.need.target: Target.of(row.need) for row in needs}
    staff = list(employees(filters).only("pk", "unit_id", "position_id"))
    return Report(
        filters=filters,
        needs=needs,
        employees_in_scope=len(staff),
        targets=_target_rows(planning.by_target(needs), targets),
        units=_unit_rows(needs, filters, targets, staff),
        positions=_position_rows(needs, filters, positions, targets),
    )


def _in_scope(filters: Filters, unit_id: int, position: Position | None) -> bool:
    if filters.unit_ids is not None and unit_id not in filters.unit_ids:
        return False
    return not filters.position_kind or (position is not None and position.kind == filters.position_kind)


def employees(filters: Filters) -> QuerySet[Employee]:
    """The active employees the filters cover."""
    staff = Employee.objects.active()
    if filters.unit_ids is not None:
        staff = staff.filter(unit_id__in=filters.unit_ids)
    if filters.position_kind:
        staff = staff.filter(position__kind=filters.position_kind)
    return staff


def _bar(value: int, largest: int) -> int:
    return round(100 * value / largest) if largest else 0


def _target_rows(tallies: dict[str, planning.Tally], targets: dict[str, Target]) -> list[TargetRow]:
    largest = max((tally.needs for tally in tallies.values()), default=0)
    ordered = sorted(tallies.items(), key=lambda item: (-item[1].needs, -item[1].priority, item[0]))
    return [TargetRow(targets[key], tally, _bar(tally.needs, largest)) for key, tally in ordered]


def _unit_rows(
    needs: list[planning.PlannedNeed], filters: Filters, targets: dict[str, Target], staff: list[Employee]
) -> list[UnitRow]:
    """Units in tree order, each counting its sub-units' needs and pooling their employees' JPM
    (``development.unit_jpm``); units without needs are left out."""
    parents = dict(Unit.objects.values_list("pk", "parent_id"))
    found = profiles(staff)
    members: dict[int, list[Profile]] = defaultdict(list)
    for employee in staff:
        for unit in planning.ancestry(employee.unit_id, parents):
            members[unit].append(found[employee.pk])
    per_target = planning.by_unit(needs, parents)
    people: dict[int, set[int]] = defaultdict(set)
    for row in needs:
        for unit in planning.ancestry(row.unit_id, parents):
            people[unit].add(row.employee_id)
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    by_unit: dict[int, list[tuple[str, planning.Tally]]] = defaultdict(list)
    for (unit, target), tally in per_target.items():
        totals[unit][0] += tally.needs
        totals[unit][1] += tally.priority
        by_unit[unit].append((target, tally))
    shown = [
        (unit, depth)
        for unit, depth, _count in unit_tree_rows()
        if unit.pk in totals and (filters.unit_ids is None or unit.pk in filters.unit_ids)
    ]
    top_depth = min((depth for _unit, depth in shown), default=0)
    largest = max((totals[unit.pk][0] for unit, _depth in shown), default=0)
    rows = []
    for unit, depth in shown:
        count, priority = totals[unit.pk]
        ranked = sorted(by_unit[unit.pk], key=lambda item: (-item[1].needs, -item[1].priority, item[0]))
        top = [(targets[target], tally.needs) for target, tally in ranked[:TOP_TARGETS]]
        rows.append(
            UnitRow(
                unit,
                depth - top_depth,
                count,
                len(people[unit.pk]),
                priority,
                top,
                _bar(count, largest),
                unit_jpm(members[unit.pk]),
            )
        )
    return rows


def _position_rows(
    needs: list[planning.PlannedNeed], filters: Filters, positions: dict[int, Position], targets: dict[str, Target]
) -> list[PositionRow]:
    """Per position and target, with rule 1's required level and gaps from the needs' stored inputs."""
    gaps = _rule_one_gaps(filters)
    holders = dict(
        employees(filters)
        .order_by()
        .values("position_id")
        .annotate(count=Count("pk"))
        .values_list("position_id", "count")
    )
    rows = []
    for (position_id, target), tally in planning.by_position(needs).items():
        if position_id is None:
            continue
        required, below, gap = gaps.get((position_id, target), (None, 0, 0))
        rows.append(
            PositionRow(
                positions[position_id], targets[target], tally, required, holders.get(position_id, 0), below, gap
            )
        )
    return sorted(
        rows, key=lambda row: (row.position.unit.code, row.position.name, -row.tally.priority, row.target.key)
    )


def _rule_one_gaps(filters: Filters) -> dict[tuple[int, str], tuple[int, int, int]]:
    """{(position, competency code): (required level, employees below it, summed gap)}; one query."""
    rows = need_rows(filters).filter(rule=rules.Rule.GAP).values_list("employee__position_id", "target", "inputs")
    found: dict[tuple[int, str], tuple[int, int, int]] = {}
    for position_id, target, inputs in rows:
        required, actual = _levels(inputs)
        _required, below, gap = found.get((position_id, target), (required, 0, 0))
        found[(position_id, target)] = (required, below + 1, gap + required - actual)
    return found


def _levels(inputs: list[dict]) -> tuple[int, int]:
    """(required, current) from a rule-1 need's stored inputs; an unassessed competency counts 0."""
    first = inputs[0]
    return int(first["required"]), int(first.get("actual", 0))


# --- Individual level --------------------------------------------------------------------------


def need_rows(filters: Filters) -> QuerySet[Need]:
    """The stored needs the filters cover, in the order of the AKPK form: unit, employee, priority."""
    rows = Need.objects.filter(period=filters.period)
    if filters.unit_ids is not None:
        rows = rows.filter(employee__unit_id__in=filters.unit_ids)
    if filters.position_kind:
        rows = rows.filter(employee__position__kind=filters.position_kind)
    return rows.select_related("employee__unit", "employee__position", "competency").order_by(
        "employee__unit__code", "employee__name", "employee_id", "-priority", "rule", "target", "pk"
    )


@dataclass(frozen=True)
class IndividualRow:
    number: int
    need: Need
    target: Target
    current: int | None
    required: int | None
    gap: int | None
    proposal: Programme | None

    @property
    def basis(self) -> str:
        return str(NeedRule(self.need.rule).label)


def individual_rows(needs: Iterable[Need], *, start: int = 1) -> list[IndividualRow]:
    """Rows of the individual level for these needs (a page, or all for the export); one more query."""
    needs = list(needs)
    proposals = _proposals(needs)
    rows = []
    for number, need in enumerate(needs, start=start):
        required, current = _levels(need.inputs) if need.rule == rules.Rule.GAP else (None, None)
        rows.append(
            IndividualRow(
                number,
                need,
                _need_target(need),
                current,
                required,
                None if required is None else required - current,
                proposals.get(_key(need.employee_id, need.rule, need.target or need.action)),
            )
        )
    return rows


def _need_target(need: Need) -> Target:
    competency = need.competency
    as_rule = rules.Competency(competency.code, competency.name, competency.kind) if competency else None
    return Target.of(rules.Need(rules.Rule(need.rule), need.priority, (), as_rule, need.action))


def _key(employee_id: int, rule: int, target: str) -> tuple[int, int, str]:
    return (employee_id, int(rule), target)


def _proposals(needs: list[Need]) -> dict[tuple[int, int, str], Programme]:
    """For each need, the programme proposed to its employee that covers it: an accepted one first,
    then the best ranked; a dismissed or replaced recommendation proposes nothing."""
    if not needs:
        return {}
    accepted_first = Case(
        When(status=Recommendation.Status.ACCEPTED, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    live = (
        Recommendation.objects.filter(
            period_id=needs[0].period_id,
            employee_id__in={need.employee_id for need in needs},
            programme__isnull=False,
            status__in=[Recommendation.Status.PROPOSED, Recommendation.Status.ACCEPTED],
        )
        .select_related("programme__form")
        .order_by("employee_id", accepted_first, "rank", "pk")
    )
    found: dict[tuple[int, int, str], Programme] = {}
    for recommendation in live:
        for covered in recommendation.needs:
            found.setdefault(
                _key(recommendation.employee_id, covered["rule"], covered["target"]), recommendation.programme
            )
    return found


# --- The programme plan ------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanRow:
    planned: planning.PlannedProgramme
    form: str
    hours_so_far: Decimal


@dataclass(frozen=True)
class ProgrammePlan:
    """The greedy cover of ``planning.plan``: within ``budget`` JP of participation, or unlimited."""

    rows: list[PlanRow]
    budget: Decimal | None
    total_needs: int

    @property
    def needs_covered(self) -> int:
        return sum(row.planned.needs for row in self.rows)

    @property
    def hours_used(self) -> Decimal:
        return sum((row.planned.hours for row in self.rows), Decimal(0))

    @property
    def participants(self) -> int:
        return sum(row.planned.participants for row in self.rows)


def programme_plan(report: Report, *, budget: int | None = None) -> ProgrammePlan:
    """The programmes that would cover the most of the report's needs; three queries."""
    chosen = planning.plan(report.needs, programmes(), budget=None if budget is None else Decimal(budget))
    forms = dict(Programme.objects.filter(pk__in=[p.programme.id for p in chosen]).values_list("pk", "form__name"))
    rows, so_far = [], Decimal(0)
    for planned in chosen:
        so_far += planned.hours
        rows.append(PlanRow(planned, forms.get(planned.programme.id, ""), so_far))
    return ProgrammePlan(rows, None if budget is None else Decimal(budget), report.total_needs)
