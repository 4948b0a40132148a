"""Fixtures for the appraisal tests: a quarterly period, a plan of ``employee`` in each state."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.utils import timezone

from appraisal.models import Plan

from .factories import YEAR, IndicatorFactory, PeriodFactory, PlanFactory, WorkResultFactory


@pytest.fixture(autouse=True)
def _in_the_second_quarter():
    """Every appraisal test runs on 15 May of the period year: checkpoint 2 of 4."""
    with time_machine.travel(datetime(YEAR, 5, 15, 3, 0, tzinfo=UTC), tick=False):
        yield


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
