"""The reminder tests' shared moment and their one due reminder."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.utils import timezone

from appraisal.models import Plan
from tests.appraisal.factories import PeriodFactory, PlanFactory

MONDAY = datetime(2026, 5, 18, 7, 0, tzinfo=timezone.get_default_timezone())


@pytest.fixture
def due_plan(employee):
    """The employee has no SKP for 2026 and the deadline has passed: one reminder, to them."""
    PeriodFactory()
    for person in (employee.supervisor, employee.supervisor.supervisor):
        PlanFactory(employee=person, status=Plan.Status.APPROVED, approved_at=timezone.now())
    employee.user.email = "pegawai@example.go.id"
    employee.user.save()
    return employee
