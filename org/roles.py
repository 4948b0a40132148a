"""Who may see what. Every view asks these functions; hiding a link is never the only guard.

Roles (domain.md §5): HR administrators (BKPSDM, the ``HR_GROUP`` group), supervisors (an employee
with people who report to them, directly or as superior of their assessing official), employees
(their own data) and anonymous citizens (the public survey form only).
"""

from __future__ import annotations

from functools import wraps
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

if TYPE_CHECKING:
    from collections.abc import Callable

    from .models import Employee, User

HR_GROUP = "BKPSDM"


def is_hr(user: User) -> bool:
    """HR staff of BKPSDM (or a superuser). Memoised on the user object for the request."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_kinerja_is_hr"):
        user._kinerja_is_hr = user.is_superuser or user.groups.filter(name=HR_GROUP).exists()
    return user._kinerja_is_hr


def employee_of(user: User) -> Employee | None:
    """The employee record behind a login, if any."""
    if not user.is_authenticated:
        return None
    return getattr(user, "employee", None)


def is_supervisor(user: User) -> bool:
    employee = employee_of(user)
    if employee is None:
        return False
    if not hasattr(user, "_kinerja_is_supervisor"):
        user._kinerja_is_supervisor = employee.subordinates.active().exists()
    return user._kinerja_is_supervisor


def can_view_employee(user: User, employee: Employee) -> bool:
    """HR sees everyone; an employee sees themself; a supervisor sees the people they assess."""
    if is_hr(user):
        return True
    me = employee_of(user)
    if me is None:
        return False
    return me.pk == employee.pk or me.pk in (
        employee.supervisor_id,
        getattr(employee.supervisor, "supervisor_id", None),
    )


def hr_required(view: Callable) -> Callable:
    """Login first (anonymous users go to the login page); logged-in non-HR users get 403."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_hr(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
