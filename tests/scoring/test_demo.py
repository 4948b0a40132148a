"""``seed_demo`` ends with the latest period computed for every demo employee."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from appraisal.models import AppraisalPeriod, Plan
from org.models import Employee
from scoring.models import EmployeeScore, ScoreRun
from scoring.services import checkpoints_to_compute


def test_seed_demo_ends_with_every_demo_employee_scored(db):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    period = AppraisalPeriod.objects.get(year=timezone.localdate().year)  # the talent demo adds last year
    last = checkpoints_to_compute(period, today=timezone.localdate())[-1].number
    active = set(Employee.objects.active().values_list("pk", flat=True))
    at_last = EmployeeScore.objects.filter(period=period, checkpoint=last)
    assert len(active) == 120
    assert set(at_last.values_list("employee_id", flat=True)) == active  # 120 of 120
    # A score needs R or E (§7.2): everyone whose plan was approved has one; drafts and plans awaiting
    # approval (the demo keeps some, so supervisors have plans to decide) show which components are missing.
    approved = set(Plan.objects.filter(period=period, approved_at__isnull=False).values_list("employee_id", flat=True))
    assert set(at_last.filter(score__isnull=False).values_list("employee_id", flat=True)) == approved
    run = ScoreRun.objects.get(scope=ScoreRun.Scope.PERIOD)
    assert (run.status, run.requested_by) == (ScoreRun.Status.SUCCESS, None)
    assert "Skor kinerja: periode" in out.getvalue()
