"""``seed_demo`` ends with a talent map for this year and last, a penalty left out and one calibration."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from appraisal.models import AppraisalPeriod, Evaluation
from leaders.models import TalentCalibration, TalentPlacement
from leaders.talent.selectors import Filters, movement


def test_seed_demo_draws_both_years_maps_idempotently(db):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    current, previous = AppraisalPeriod.objects.order_by("-year")[:2]
    assert previous.year == current.year - 1 and previous.status == AppraisalPeriod.Status.CLOSED
    placed = TalentPlacement.objects.filter(period=current, box__isnull=False)
    assert placed.count() >= 100 and placed.values("final_box").distinct().count() >= 7
    left_out = TalentPlacement.objects.filter(period=current, box__isnull=True)
    assert {"PENALTY", "NO_PREDIKAT"} <= {reason for row in left_out for reason in row.not_placed}
    assert movement(Filters(current), previous).total == TalentPlacement.objects.filter(period=current).count()
    assert TalentCalibration.objects.get().placement.final_box == 8
    assert "Peta talenta:" in out.getvalue()
    counts = (Evaluation.objects.count(), TalentPlacement.objects.count())

    call_command("seed_demo", stdout=StringIO())

    assert (Evaluation.objects.count(), TalentPlacement.objects.count()) == counts
    assert TalentCalibration.objects.count() == 1
