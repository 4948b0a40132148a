"""Who may read and write recognition and coaching records, built on ``org.access`` (the one place
that knows who is HR, who heads a unit and who supervises whom)."""

from __future__ import annotations

from org.access import can_view_employee, employee_of, is_hr, reads_unit, supervises
from org.models import Employee, Unit, User

from ..models import CoachingPlan, Nomination


def may_nominate(user: User, unit: Unit) -> bool:
    """HR, or the head of the unit (or of a unit above it) whose top performers these are."""
    return reads_unit(user, unit.pk)


def may_coach(user: User, employee: Employee) -> bool:
    """HR, or the employee's assessing official or that official's superior."""
    return is_hr(user) or supervises(user, employee)


def may_see_employee_record(user: User, employee: Employee) -> bool:
    """Whoever may read the person (``can_view_employee``), and the head of their unit or a unit above
    even once they are no longer active: a recognition or coaching record stays the unit's."""
    return can_view_employee(user, employee) or reads_unit(user, employee.unit_id)


def may_see_plan(user: User, plan: CoachingPlan) -> bool:
    return may_see_employee_record(user, plan.employee)


def may_see_nomination(user: User, nomination: Nomination) -> bool:
    """Also the one who nominated, after the nominee moved elsewhere."""
    return (
        nomination.nominated_by_id == user.pk
        or reads_unit(user, nomination.unit_id)
        or may_see_employee_record(user, nomination.employee)
    )


def is_self(user: User, employee: Employee) -> bool:
    me = employee_of(user)
    return me is not None and me.pk == employee.pk
