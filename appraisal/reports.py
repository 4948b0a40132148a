"""A plan's achievement at a checkpoint, traced indicator by indicator (domain.md §7.1).

Built from a plan whose work results, indicators, checkpoint targets and realisations were
prefetched (``selectors.with_progress``), so building a report never queries the database: the
monitoring page builds one per subordinate at a constant query count.

"Expected" is our own product decision, not §7.1: an indicator judged against a target set for
this checkpoint, a lower-is-better, *stabil* or range target is expected at 100; a higher-is-better
indicator judged against its *annual* target is expected at the share of the year passed
(checkpoint k of n → k/n × 100), since its realisation so far accumulates over the year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .achievement import HUNDRED, Hint, IndicatorResult, Rules, Target, indicator_capaian, plan_capaian, rating_hint
from .models import Checkpoint, Direction, Indicator, Plan, Realisation


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    target: Target
    target_is_checkpoint: bool
    realisation: Realisation | None
    result: IndicatorResult
    expected: Decimal

    @property
    def weight(self) -> Decimal:
        return self.indicator.weight

    @property
    def weighted(self) -> Decimal:
        return self.weight * self.result.capaian


@dataclass(frozen=True)
class PlanReport:
    plan: Plan
    checkpoint: Checkpoint
    rules: Rules
    rows: list[IndicatorRow] = field(default_factory=list)

    @property
    def total_weight(self) -> Decimal:
        return sum((row.weight for row in self.rows), Decimal(0))

    @property
    def weighted_sum(self) -> Decimal:
        return sum((row.weighted for row in self.rows), Decimal(0))

    @property
    def capaian(self) -> Decimal | None:
        return plan_capaian((row.weight, row.result.capaian) for row in self.rows)

    @property
    def expected(self) -> Decimal | None:
        return plan_capaian((row.weight, row.expected) for row in self.rows)

    @property
    def not_reported(self) -> int:
        return sum(1 for row in self.rows if not row.result.reported)

    @property
    def is_behind(self) -> bool:
        return self.capaian is not None and self.capaian < self.expected

    @property
    def hint(self) -> Hint | None:
        return None if self.capaian is None else rating_hint(self.capaian, rules=self.rules)


def _checkpoint_target(indicator: Indicator, number: int) -> Target | None:
    row = next((t for t in indicator.checkpoint_targets.all() if t.checkpoint == number), None)
    return row.target if row else None


def _expected(indicator: Indicator, *, own_target: bool, checkpoint: Checkpoint, count: int) -> Decimal:
    if own_target or indicator.direction != Direction.HIGHER or indicator.target.is_range:
        return HUNDRED
    return Decimal(checkpoint.number) / Decimal(count) * HUNDRED


def indicator_row(indicator: Indicator, *, checkpoint: Checkpoint, count: int, rules: Rules) -> IndicatorRow:
    """One indicator at a checkpoint: its target there, the realisation so far and the capaian."""
    own = _checkpoint_target(indicator, checkpoint.number)
    target = own or indicator.target
    realisation = next((r for r in indicator.realisations.all() if r.checkpoint == checkpoint.number), None)
    value = realisation.value if realisation else None
    result = indicator_capaian(target=target, realisation=value, direction=indicator.direction, rules=rules)
    expected = _expected(indicator, own_target=own is not None, checkpoint=checkpoint, count=count)
    return IndicatorRow(indicator, target, own is not None, realisation, result, expected)


def plan_report(plan: Plan, *, checkpoint: Checkpoint) -> PlanReport:
    rules = plan.period.rules()
    count = len(plan.period.checkpoints())
    rows = [
        indicator_row(indicator, checkpoint=checkpoint, count=count, rules=rules)
        for result in plan.work_results.all()
        for indicator in result.indicators.all()
    ]
    return PlanReport(plan, checkpoint, rules, rows)
