"""The leaders' panel of the home page (registered in ``LeadersConfig.ready``): HR and unit heads land on
the latest period's incomplete work, each number a link to its list, and a link to the dashboard; an
employee on a link to their own trend."""

from __future__ import annotations

from django.http import HttpRequest

from appraisal.models import AppraisalPeriod
from org.access import employee_of, headed_unit, is_hr, unit_scope

from .scope import Scope
from .selectors import cards


def leaders_panel(request: HttpRequest) -> dict | None:
    """``None`` (no panel) for a login that reads no unit figures and is no employee."""
    user = request.user
    scope_ids = unit_scope(user)
    dashboard, employee = scope_ids != set(), employee_of(user) is not None
    if not dashboard and not employee:
        return None
    panel = {"dashboard": dashboard, "employee": employee, "is_hr": is_hr(user)}
    period = AppraisalPeriod.objects.order_by("-year").first() if dashboard else None
    if period is not None:
        scope = Scope.at_now(period=period, unit=None if scope_ids is None else headed_unit(user))
        panel |= {"scope": scope, "cards": cards(scope)}
    return panel
