"""The leaders' panel of the home page (registered in ``LeadersConfig.ready``): HR and unit heads land on a
link to the dashboard, an employee on a link to their own trend."""

from __future__ import annotations

from django.http import HttpRequest

from org.access import employee_of, is_hr, unit_scope


def leaders_panel(request: HttpRequest) -> dict | None:
    """``None`` (no panel) for a login that reads no unit figures and is no employee."""
    dashboard, employee = unit_scope(request.user) != set(), employee_of(request.user) is not None
    if not dashboard and not employee:
        return None
    return {"dashboard": dashboard, "employee": employee, "is_hr": is_hr(request.user)}
