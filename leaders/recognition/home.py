"""The recognition panel of the home page (registered in ``LeadersConfig.ready``): the lists for HR and
unit heads, the team's coaching for supervisors, and one's own plans and awards."""

from __future__ import annotations

from django.http import HttpRequest

from org.access import employee_of, is_supervisor, unit_scope


def recognition_panel(request: HttpRequest) -> dict | None:
    user = request.user
    if not user.is_authenticated:
        return None
    panel = {
        "reads_lists": unit_scope(user) != set(),
        "supervises": is_supervisor(user),
        "own": employee_of(user) is not None,
    }
    return panel if any(panel.values()) else None
