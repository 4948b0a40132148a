"""The appraisal workflow declarations agree with the models they run on."""

from __future__ import annotations

import pytest

from appraisal.models import AppraisalPeriod, Evaluation, EvaluationLog, PeriodLog, Plan, PlanLog
from appraisal.workflows import EVALUATION_WORKFLOW, PERIOD_WORKFLOW, PLAN_WORKFLOW

DECLARATIONS = [
    (PERIOD_WORKFLOW, AppraisalPeriod, PeriodLog),
    (PLAN_WORKFLOW, Plan, PlanLog),
    (EVALUATION_WORKFLOW, Evaluation, EvaluationLog),
]


@pytest.mark.parametrize(("workflow", "model", "log"), DECLARATIONS)
def test_it_declares_only_logged_actions_between_existing_states(workflow, model, log):
    statuses = set(model.Status.values)
    assert set(workflow.transitions) <= set(log.Action.values)
    for rule in workflow.transitions.values():
        assert rule.sources
        assert rule.roles
        assert set(rule.sources) | {rule.target} <= statuses
