"""The training workflows as declarations (``core.workflow``): decisions on recommendations and the
verification of development records (docs/training-development.md).

The employee's supervisor (their assessing official or that official's superior) and HR decide on a
proposed recommendation: accept it, replace it with another programme or dismiss it; replacing and
dismissing need a reason. The same people verify or reject a recorded activity, a rejection with a
reason. Nobody decides on their own recommendations or verifies their own records, HR included.
"""

from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from core.workflow import Transition, Workflow
from org.access import employee_of, is_hr, supervises
from org.models import Employee, User

from .models import DevelopmentRecord, DevelopmentRecordLog, Recommendation, RecommendationLog

NOT_ALLOWED = _("Hanya atasan pegawai atau BKPSDM yang dapat melakukan tindakan ini.")
RECOMMENDATION_WRONG_STATE = _("Rekomendasi berstatus %(status)s sudah diputuskan.")
RECORD_WRONG_STATE = _("Catatan berstatus %(status)s sudah diperiksa.")


class Role(StrEnum):
    SUPERVISOR = "supervisor"
    HR = "hr"


def reviewer_roles(user: User, employee: Employee) -> set[Role]:
    """The roles that let a user decide on this employee's training; never on one's own."""
    me = employee_of(user)
    if me is not None and me.pk == employee.pk:
        return set()
    roles = {Role.HR} if is_hr(user) else set()
    if supervises(user, employee):
        roles.add(Role.SUPERVISOR)
    return roles


REVIEWERS = {Role.SUPERVISOR, Role.HR}
RS, RA = Recommendation.Status, RecommendationLog.Action
RECOMMENDATION_WORKFLOW: Workflow[Recommendation] = Workflow(
    transitions={
        RA.ACCEPT: Transition({RS.PROPOSED}, RS.ACCEPTED, REVIEWERS),
        RA.REPLACE: Transition({RS.PROPOSED}, RS.REPLACED, REVIEWERS, needs_reason=True),
        RA.DISMISS: Transition({RS.PROPOSED}, RS.DISMISSED, REVIEWERS, needs_reason=True),
    },
    roles=lambda user, recommendation: reviewer_roles(user, recommendation.employee),
    log=lambda recommendation, **row: RecommendationLog(recommendation=recommendation, **row),
    not_allowed=NOT_ALLOWED,
    wrong_state=RECOMMENDATION_WRONG_STATE,
    related=("employee__user", "employee__supervisor__user", "programme", "period"),
)

DS, DA = DevelopmentRecord.Status, DevelopmentRecordLog.Action
RECORD_WORKFLOW: Workflow[DevelopmentRecord] = Workflow(
    transitions={
        DA.VERIFY: Transition({DS.SUBMITTED}, DS.VERIFIED, REVIEWERS),
        DA.REJECT: Transition({DS.SUBMITTED}, DS.REJECTED, REVIEWERS, needs_reason=True),
    },
    roles=lambda user, record: reviewer_roles(user, record.employee),
    log=lambda record, **row: DevelopmentRecordLog(record=record, **row),
    not_allowed=NOT_ALLOWED,
    wrong_state=RECORD_WRONG_STATE,
    related=("employee__user", "employee__supervisor__user"),
)
