"""The needs analysis for planning (AKPK, domain.md §3): the needs of §7.3 summed over people, and
the programmes that would cover most of them, within a budget of hours if HR gives one. Pure.

Counting: a need is one (employee, rule, target) of ``training.rules``, as in the ranking. A tally
gives the number of needs, the number of distinct employees behind them and their summed priority.
Rule-5 needs (a supervisor's written action) are counted in the tallies but no programme covers them.

Budget of hours: JP of participation, the unit a BPSDM plan counts in. A programme planned for n
employees uses programme JP × n of the budget (a 24-JP course for 5 people uses 120 JP). It is
learning hours of 45 minutes, not clock hours and not money; a budget of 0 plans nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from .rules import Need, Programme, addresses


@dataclass(frozen=True)
class PlannedNeed:
    """A need with where it sits: the employee, their unit and their position."""

    employee_id: int
    unit_id: int
    position_id: int | None
    need: Need

    @property
    def key(self) -> tuple:
        return (self.employee_id, self.need.rule, self.need.target)


@dataclass(frozen=True)
class Tally:
    needs: int
    employees: int
    priority: int


def _tallies(rows: Iterable[tuple[Hashable, PlannedNeed]]) -> dict[Hashable, Tally]:
    needs: dict[Hashable, int] = defaultdict(int)
    priority: dict[Hashable, int] = defaultdict(int)
    people: dict[Hashable, set[int]] = defaultdict(set)
    for group, row in rows:
        needs[group] += 1
        priority[group] += row.need.priority
        people[group].add(row.employee_id)
    return {group: Tally(needs[group], len(people[group]), priority[group]) for group in needs}


def by_target(needs: Iterable[PlannedNeed]) -> dict[str, Tally]:
    """Organisation level: per competency code (or coaching/mentoring, or a written action)."""
    return _tallies((row.need.target, row) for row in needs)


def by_position(needs: Iterable[PlannedNeed]) -> dict[tuple[int | None, str], Tally]:
    """Position level: per (position, target)."""
    return _tallies(((row.position_id, row.need.target), row) for row in needs)


def by_unit(needs: Iterable[PlannedNeed], parents: Mapping[int, int | None]) -> dict[tuple[int, str], Tally]:
    """Per (unit, target), each unit counting its sub-units' needs too (``parents``: unit → parent)."""
    return _tallies(((unit, row.need.target), row) for row in needs for unit in ancestry(row.unit_id, parents))


def ancestry(unit_id: int, parents: Mapping[int, int | None]) -> list[int]:
    """The unit and every unit above it (a cycle in bad data stops at the first repeat)."""
    chain: list[int] = []
    current: int | None = unit_id
    while current is not None and current not in chain:
        chain.append(current)
        current = parents.get(current)
    return chain


@dataclass(frozen=True)
class PlannedProgramme:
    programme: Programme
    needs: int  # needs newly covered when it was chosen
    priority: int
    participants: int
    hours: Decimal  # JP of participation: programme JP × participants


def plan(
    needs: Iterable[PlannedNeed], programmes: Iterable[Programme], *, budget: Decimal | None = None
) -> list[PlannedProgramme]:
    """Greedy cover: repeatedly take the programme that covers the most needs not yet covered (then
    higher summed priority, fewer hours, code) and fits in what is left of the budget; stop when no
    programme adds a need or none fits. A programme is planned for every employee whose remaining
    needs it covers. Greedy, not optimal (the optimum is a knapsack problem): HR can retrace each step.
    """
    remaining = {row.key: row for row in needs}
    left = budget
    chosen: list[PlannedProgramme] = []
    candidates = list(programmes)
    while candidates:
        options = [option for programme in candidates if (option := _option(programme, remaining.values()))]
        fitting = [option for option in options if left is None or option.hours <= left]
        if not fitting:
            break
        best = min(fitting, key=lambda o: (-o.needs, -o.priority, o.hours, o.programme.code))
        chosen.append(best)
        candidates.remove(best.programme)
        remaining = {key: row for key, row in remaining.items() if not addresses(best.programme, row.need)}
        left = None if left is None else left - best.hours
    return chosen


def _option(programme: Programme, remaining: Iterable[PlannedNeed]) -> PlannedProgramme | None:
    covered = [row for row in remaining if addresses(programme, row.need)]
    if not covered:
        return None
    participants = len({row.employee_id for row in covered})
    return PlannedProgramme(
        programme, len(covered), sum(row.need.priority for row in covered), participants, programme.jp * participants
    )
