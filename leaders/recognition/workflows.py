"""The award nomination as a declaration (``core.workflow``): HR approves or rejects what a unit head or
HR proposed; a rejection needs a reason. Nobody decides a nomination they made or one of themself."""

from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from core.workflow import Transition, Workflow
from org.access import is_hr
from org.models import User

from ..models import Nomination, NominationLog
from .access import is_self

NOT_ALLOWED = _("Hanya BKPSDM yang dapat memutuskan usulan penghargaan, dan bukan usulannya sendiri.")
WRONG_STATE = _("Usulan berstatus %(status)s sudah diputuskan.")


class Role(StrEnum):
    HR = "hr"


def nomination_roles(user: User, nomination: Nomination) -> set[Role]:
    if not is_hr(user) or user.pk == nomination.nominated_by_id or is_self(user, nomination.employee):
        return set()
    return {Role.HR}


NS, NA = Nomination.Status, NominationLog.Action
NOMINATION_WORKFLOW: Workflow[Nomination] = Workflow(
    transitions={
        NA.APPROVE: Transition({NS.PROPOSED}, NS.APPROVED, {Role.HR}),
        NA.REJECT: Transition({NS.PROPOSED}, NS.REJECTED, {Role.HR}, needs_reason=True),
    },
    roles=nomination_roles,
    log=lambda nomination, **row: NominationLog(nomination=nomination, **row),
    not_allowed=NOT_ALLOWED,
    wrong_state=WRONG_STATE,
    related=("employee__user", "nominated_by", "period", "unit"),
)
