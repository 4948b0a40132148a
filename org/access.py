"""Who may see what: the one place that decides who is HR, who heads a unit and who supervises whom.

Every app, view, selector and context processor asks these functions; hiding a link is never the only
guard, and nothing else writes its own rule about these roles (docs/org.md, "Roles").

Roles (domain.md §5): HR administrators (BKPSDM, the ``HR_GROUP`` group, and superusers), supervisors
(an employee with active people who report to them, directly or as superior of their assessing official),
unit heads, employees (their own data) and anonymous citizens (the public survey form only).

A unit's head is the *active* employee holding the unit's head position (``Position.is_unit_head``).
An employee on leave, on study leave, retired or dismissed heads nothing: they lose the head's pages and
notices, and the unit falls back to the nearest active head above it where a head must answer.

Reading is not acting: ``can_view_employee`` and ``reads_unit`` open pages, while every action asks for
its own role (``supervises``, the officials a plan recorded, HR), so who may read can grow without
changing who may approve, rate or decide.
"""

from __future__ import annotations

from functools import wraps
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .models import Employee, ImportJob, Unit, User
from .selectors import unit_subtree_ids

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from django.db.models import QuerySet

    from .models import EmployeeQuerySet

HR_GROUP = "BKPSDM"


def is_hr(user: User) -> bool:
    """HR staff of BKPSDM (or a superuser). Memoised on the user object for the request."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_kinerja_is_hr"):
        user._kinerja_is_hr = user.is_superuser or user.groups.filter(name=HR_GROUP).exists()
    return user._kinerja_is_hr


def hr_users() -> QuerySet[User]:
    """Active accounts of the HR group, who receive HR's notices (superusers are not HR's staff)."""
    return User.objects.filter(groups__name=HR_GROUP, is_active=True)


def employee_of(user: User) -> Employee | None:
    """The employee record behind a login, if any."""
    if not user.is_authenticated:
        return None
    return getattr(user, "employee", None)


# --- Supervision ---------------------------------------------------------------------------------


def supervises(user: User, employee: Employee) -> bool:
    """Whether the user is the employee's assessing official or that official's superior."""
    me = employee_of(user)
    if me is None or me.pk == employee.pk:
        return False
    return me.pk in (employee.supervisor_id, getattr(employee.supervisor, "supervisor_id", None))


def is_supervisor(user: User) -> bool:
    """Whether anyone active reports to the user (the monitoring page's audience). Memoised per request."""
    me = employee_of(user)
    if me is None:
        return False
    if not hasattr(user, "_kinerja_is_supervisor"):
        # Asked on every page: the direct reports, then those of the reports, each from the supervisor
        # index (one query with both joined by OR scans every employee of a large Pemda).
        reports = Employee.objects.active().exclude(pk=me.pk)
        user._kinerja_is_supervisor = (
            reports.filter(supervisor=me).exists() or reports.filter(supervisor__supervisor=me).exists()
        )
    return user._kinerja_is_supervisor


# --- Unit heads (one rule: only an active employee heads a unit) ----------------------------------


def is_unit_head(employee: Employee) -> bool:
    """The rule for one employee; ``unit_heads`` is the same rule as a query."""
    return employee.status == Employee.Status.AKTIF and employee.position.is_unit_head


def unit_heads() -> EmployeeQuerySet:
    """Every employee who heads a unit now: active, in a unit head's position."""
    return Employee.objects.active().filter(position__is_unit_head=True)


def unit_head(unit: Unit) -> Employee | None:
    """The head of this very unit, if the position is held by an active employee."""
    return unit_heads().filter(position__unit=unit).select_related("user").first()


def responsible_head(unit: Unit) -> Employee | None:
    """The head who answers for a unit: its own head, else the nearest head above it."""
    chain = unit.ancestor_ids(include_self=True)
    heads = {
        head.position.unit_id: head
        for head in unit_heads().filter(position__unit_id__in=chain).select_related("position", "user")
    }
    return _nearest(chain, heads)


def responsible_heads(unit_ids: Iterable[int]) -> dict[int, Employee]:
    """``responsible_head`` for many units at once, in two queries whatever their number; a unit with
    no head anywhere above it is left out."""
    parents = dict(Unit.objects.values_list("pk", "parent_id"))
    heads = {head.position.unit_id: head for head in unit_heads().select_related("position", "user")}
    found = {}
    for pk in set(unit_ids):
        chain, unit_id = [], pk
        while unit_id is not None and unit_id not in chain:
            chain.append(unit_id)
            unit_id = parents.get(unit_id)
        if (head := _nearest(chain, heads)) is not None:
            found[pk] = head
    return found


def _nearest(chain: list[int], heads: dict[int, Employee]) -> Employee | None:
    return next((heads[pk] for pk in chain if pk in heads), None)


def headed_unit(user: User) -> Unit | None:
    """The unit the user heads, if any."""
    me = employee_of(user)
    return me.position.unit if me is not None and is_unit_head(me) else None


def heads(user: User, unit: Unit | None) -> bool:
    """Whether the user heads this very unit."""
    mine = headed_unit(user)
    return unit is not None and mine is not None and mine.pk == unit.pk


def unit_scope(user: User) -> set[int] | None:
    """Units whose figures the user may read as a whole: every unit for HR (``None``), a unit head's
    unit with all its sub-units, else none (an empty set). Memoised on the user for the request."""
    if is_hr(user):
        return None
    if not hasattr(user, "_kinerja_unit_scope"):
        unit = headed_unit(user)
        user._kinerja_unit_scope = set(unit_subtree_ids(unit)) if unit else set()
    return user._kinerja_unit_scope


def default_unit(user: User) -> Unit | None:
    """The unit a reader's scoped pages (dashboard, talent map, recognition, AKPK) read when no unit is
    chosen: none for HR, who read every unit; a unit head's own unit, which their filter names."""
    return None if is_hr(user) else headed_unit(user)


def reads_unit(user: User, unit_id: int | None) -> bool:
    """Whether the unit is in the user's ``unit_scope``: HR reads every unit, a unit head their unit and
    its sub-units. A membership test on the per-request memo, so asking it per row costs no query."""
    scope = unit_scope(user)
    return scope is None or unit_id in scope


# --- Reading a person's pages ---------------------------------------------------------------------


def can_view_employee(user: User, employee: Employee) -> bool:
    """Who may *read* a person's pages (employee page, appraisal record, plans, scores, development).

    HR reads everyone; an employee themself; a supervisor the people they assess (also after they left);
    a unit head every active employee of their unit and its sub-units, so the dashboard's lists open on
    the people they count (docs/security.md, "Who may read a person"). Reading grants no action: every
    action asks its own role (``supervises``, a plan's recorded officials, HR), so a unit head who is
    not the person's official gets 403 where the official acts. Beyond the person's supervisor, only the
    per-request memos (``is_hr``, ``unit_scope``) query, however many people a request asks about.
    """
    if is_hr(user):
        return True
    me = employee_of(user)
    if me is None:
        return False
    if me.pk == employee.pk or supervises(user, employee):
        return True
    return employee.status == Employee.Status.AKTIF and reads_unit(user, employee.unit_id)


# --- Guards for views -----------------------------------------------------------------------------


def own_import_job(user: User, token) -> ImportJob:
    """An import job belongs to its uploader: anyone else's, or none, is a 404."""
    return get_object_or_404(ImportJob, token=token, owner=user)


def hr_required(view: Callable) -> Callable:
    """Login first (anonymous users go to the login page); logged-in non-HR users get 403."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_hr(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def unit_scope_required(view: Callable) -> Callable:
    """Login first; logged-in users who are neither HR nor a unit head get 403 (``unit_scope``)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if unit_scope(request.user) == set():
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
