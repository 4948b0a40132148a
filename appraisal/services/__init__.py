"""Appraisal workflows, one module per subdomain (periods, plans, progress, evaluations and the rest)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from org.models import ScoreMark

if TYPE_CHECKING:
    from ..models import Plan


def plan_scores_mark(plan: Plan) -> None:
    """The plan's employee has new data for the period: the scoring job recomputes them (same transaction)."""
    ScoreMark.objects.mark(employee_ids=[plan.employee_id], year=plan.period.year)
