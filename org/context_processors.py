"""Role flags for the navigation bar."""

from __future__ import annotations

from .access import employee_of, is_hr, is_supervisor


def roles(request) -> dict:
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "is_hr": is_hr(user),
        "is_supervisor": is_supervisor(user),
        "current_employee": employee_of(user),
    }
