"""Fixtures for the appraisal tests: a quarterly period, a plan of ``employee`` in each state.

They run at the suite's fixed instant (``tests/clock.py``): 15 May of ``YEAR``, checkpoint 2 of 4.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from appraisal.models import Plan

from .factories import (
    IndicatorFactory,
    PeriodFactory,
    PlanFactory,
    WorkResultFactory,
    open_evaluation,
    rating_input,
)


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def period(db):
    return PeriodFactory()


@pytest.fixture
def plan(period, employee):
    """A draft plan of ``employee`` with one main work result and one indicator."""
    plan = PlanFactory(period=period, employee=employee)
    IndicatorFactory(work_result=WorkResultFactory(plan=plan))
    return plan


def set_status(plan: Plan, status: str) -> Plan:
    plan.status = status
    if status in (Plan.Status.APPROVED, Plan.Status.REVISION):
        plan.approved_at = timezone.now()
    plan.save()
    return plan


@pytest.fixture
def approved_plan(plan):
    return set_status(plan, Plan.Status.APPROVED)


@pytest.fixture
def indicator(approved_plan):
    return approved_plan.work_results.get().indicators.get()


def rate(evaluation, **kwargs):
    """Move an open evaluation to RATING if needed and save a complete rating as its assessor."""
    from appraisal.services.evaluations import evaluation_rate, evaluation_start

    user = evaluation.plan.assessor.user
    evaluation.refresh_from_db()
    if evaluation.status == "SELF_ASSESSMENT":
        evaluation = evaluation_start(evaluation=evaluation, acting_user=user)
    return evaluation_rate(
        evaluation=evaluation, version=evaluation.version, ratings=rating_input(**kwargs), acting_user=user
    )


@pytest.fixture
def evaluation(approved_plan):
    """The annual evaluation of ``employee``, just opened (self-assessment stage)."""
    return open_evaluation(approved_plan)


@pytest.fixture
def submitted(evaluation):
    from appraisal.services.evaluations import evaluation_submit

    rated = rate(evaluation)
    return evaluation_submit(evaluation=rated, acting_user=rated.plan.assessor.user)


@pytest.fixture
def sent(submitted):
    from appraisal.services.evaluations import evaluation_approve

    return evaluation_approve(evaluation=submitted, acting_user=submitted.plan.assessor_superior.user)
