"""Role flags for the navigation bar."""

from __future__ import annotations

from .access import employee_of, is_hr, is_supervisor, unit_scope


def roles(request) -> dict:
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "is_hr": is_hr(user),
        "is_supervisor": is_supervisor(user),
        "current_employee": employee_of(user),
        # Lazy: read only by the pages that offer unit figures (HR, or a unit head over their unit).
        "reads_unit_figures": lambda: unit_scope(user) != set(),
    }
