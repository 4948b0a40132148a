"""The demo shows both lists with people, one approved award and a coaching plan overdue (``seed_demo``)."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from appraisal.models import AppraisalPeriod
from leaders.demo.recognition import seed_recognition
from leaders.models import CoachingPlan, Nomination
from leaders.recognition import selectors
from org.access import headed_unit
from org.models import User


def test_seed_demo_shows_both_lists_and_an_approved_award(db):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "Penghargaan dan pembinaan: 1 penghargaan disetujui" in out.getvalue()
    period = AppraisalPeriod.objects.first()  # newest year first; the talent map adds last year's
    lists = selectors.recognition_lists(period=period, groups=[headed_unit(User.objects.get(username="kepala"))])
    assert lists.top and lists.coaching
    award = Nomination.objects.get(status=Nomination.Status.APPROVED)
    assert award.employee_id in {row.employee.pk for row in lists.top}
    assert list(award.logs.values_list("action", flat=True)) == ["APPROVE", "PROPOSE"]
    plans = list(CoachingPlan.objects.all())
    assert plans and sum(plan.is_overdue() for plan in plans) == 1  # the team's list depends on the date
    assert seed_recognition() == "Penghargaan dan pembinaan: 0 penghargaan disetujui, 0 rencana pembinaan."
