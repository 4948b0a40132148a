"""Who may do what with a plan. Views and services both ask; hiding a button is never the only guard.

Roles on a plan come from the plan's own snapshot (domain.md §5, ``org.models``): the owner, the
assessing official (Pejabat Penilai) and that official's superior recorded when the plan was made,
plus HR. Others only read: whoever may read the employee now (``org.access.can_view_employee``: the
people who assess them after a transfer, the head of their unit) and the head of the unit the plan
recorded or of a unit above it. Every action asks ``plan_roles`` (``require_role``, the workflows), never
``can_view_plan``, so a reader without a role gets 403.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from org.access import can_view_employee, employee_of, heads, is_hr, reads_unit

if TYPE_CHECKING:
    from org.models import Unit, User

    from .models import AppraisalPeriod, Evaluation, FeedbackNote, Plan

NOT_ALLOWED = _("Anda tidak berwenang melakukan tindakan ini pada SKP ini.")
PERIOD_CLOSED = _("Periode %(year)s sudah ditutup; data hanya dapat diubah oleh BKPSDM.")


class PlanRole(StrEnum):
    OWNER = "OWNER"
    ASSESSOR = "ASSESSOR"
    ASSESSOR_SUPERIOR = "ASSESSOR_SUPERIOR"
    HR = "HR"


def plan_roles(user: User, plan: Plan) -> frozenset[PlanRole]:
    roles = {PlanRole.HR} if is_hr(user) else set()
    me = employee_of(user)
    if me is not None:
        by_field = {
            PlanRole.OWNER: plan.employee_id,
            PlanRole.ASSESSOR: plan.assessor_id,
            PlanRole.ASSESSOR_SUPERIOR: plan.assessor_superior_id,
        }
        roles |= {role for role, pk in by_field.items() if pk == me.pk}
    return frozenset(roles)


def can_view_plan(user: User, plan: Plan) -> bool:
    """Read only. The head of the unit the plan recorded reads it after a transfer too, as the dashboard
    and the distribution page, which count a plan where it was made, link to it."""
    return bool(plan_roles(user, plan)) or can_view_employee(user, plan.employee) or reads_unit(user, plan.unit_id)


def require_role(user: User, plan: Plan, allowed: frozenset[PlanRole] | set[PlanRole]) -> None:
    """Refuse (403) a user who may read the plan but holds none of the roles the action needs."""
    if not plan_roles(user, plan) & set(allowed):
        raise PermissionDenied(NOT_ALLOWED)


def ensure_period_writable(period: AppraisalPeriod, user: User) -> None:
    """A closed period is read-only for everyone but HR (the issue, point 1)."""
    if not period.is_open and not is_hr(user):
        raise ValidationError(PERIOD_CLOSED, code="period_closed", params={"year": period.year})


def can_see_ratings(user: User, evaluation: Evaluation) -> bool:
    """The employee sees ratings and feedback once the result is sent; every other reader always."""
    if evaluation.is_released:
        return True
    return plan_roles(user, evaluation.plan) != {PlanRole.OWNER}


def can_see_note(user: User, note: FeedbackNote, *, roles: frozenset[PlanRole]) -> bool:
    """Private notes are for the Pejabat Penilai and HR only (issue point 2)."""
    return not note.is_private or bool(roles & {PlanRole.ASSESSOR, PlanRole.HR})


def can_set_org_result(user: User, unit: Unit) -> bool:
    """HR, or the head of the unit one level up (domain.md §1.6 step 1, §5 step 3)."""
    return is_hr(user) or heads(user, unit.parent)


def can_view_distribution(user: User, unit: Unit) -> bool:
    """HR, the unit's own head (who is warned) and the head of the unit above."""
    return can_set_org_result(user, unit) or heads(user, unit)
