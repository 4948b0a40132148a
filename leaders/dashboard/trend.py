"""An employee's own trend: the stored composite score and predikat of each period (domain.md §7.2)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from org.models import Employee
from scoring.models import EmployeeScore
from scoring.selectors import scores_of


@dataclass(frozen=True)
class TrendRow:
    score: EmployeeScore  # the period's latest computed checkpoint
    change: Decimal | None  # the score's change since the previous period with a score, or ``None``


def employee_trend(employee: Employee) -> list[TrendRow]:
    """Oldest period first; one query (``scoring``'s read of the employee's scores)."""
    latest: dict[int, EmployeeScore] = {}
    for score in scores_of(employee):
        if score.checkpoint >= getattr(latest.get(score.period_id), "checkpoint", 0):
            latest[score.period_id] = score
    rows, previous = [], None
    for score in sorted(latest.values(), key=lambda row: row.period.year):
        change = score.score - previous if score.score is not None and previous is not None else None
        rows.append(TrendRow(score, change))
        previous = score.score if score.score is not None else previous
    return rows
