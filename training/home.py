"""The training panel of the home page (registered in ``TrainingConfig.ready``): the user's JP this
year, and for reviewers what waits for them."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone

from org.access import employee_of, is_hr, is_supervisor
from org.selectors import reports_of

from .development import ledger
from .models import DevelopmentRecord, Recommendation


def development_panel(request: HttpRequest) -> dict | None:
    """``None`` (no panel) for a login that is neither an employee nor HR."""
    me, hr = employee_of(request.user), is_hr(request.user)
    if me is None and not hr:
        return None
    panel: dict = {"is_hr": hr}
    if me is not None:
        panel["ledger"] = ledger(me, year=timezone.localdate().year)
    if me is not None and is_supervisor(request.user):
        team = reports_of(me)
        panel["pending"] = Recommendation.objects.filter(
            employee__in=team, status=Recommendation.Status.PROPOSED
        ).count()
        panel["awaiting"] = DevelopmentRecord.objects.filter(
            employee__in=team, status=DevelopmentRecord.Status.SUBMITTED
        ).count()
    return panel
