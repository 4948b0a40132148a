"""The appraisal workflows as declarations (``core.workflow``): periods, plans and evaluations.

Each table says, per action, from which states to which, who may take it, whether a reason is
required and what else must hold. The services in ``services/`` run these tables and add what is
particular to one action (completeness checks, snapshots, notifications); the pages ask
``available`` for the buttons. docs/architecture.md, "Declaring a workflow".
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.workflow import Transition, Workflow
from org.access import is_hr
from org.models import User

from .models import AppraisalPeriod, Evaluation, EvaluationLog, PeriodLog, Plan, PlanLog
from .permissions import NOT_ALLOWED, PlanRole, ensure_period_writable, plan_roles

HR_ONLY = _("Hanya BKPSDM yang dapat mengelola periode penilaian.")
PERIOD_WRONG_STATE = _("Tindakan ini tidak dapat dilakukan pada periode berstatus %(status)s.")
PLAN_WRONG_STATE = _("Tindakan ini tidak dapat dilakukan pada SKP berstatus %(status)s.")
EVALUATION_WRONG_STATE = _("Tindakan ini tidak dapat dilakukan pada evaluasi berstatus %(status)s.")
REVISION_LOCKED = _(
    "Evaluasi tahunan SKP ini sudah diajukan, jadi SKP tidak dapat direvisi lagi: hasil yang disampaikan "
    "harus memuat target yang dinilai."
)

OWNER, ASSESSOR, SUPERIOR, HR = PlanRole.OWNER, PlanRole.ASSESSOR, PlanRole.ASSESSOR_SUPERIOR, PlanRole.HR


def _hr(user: User, period: AppraisalPeriod) -> set[PlanRole]:
    return {HR} if is_hr(user) else set()


def _period_log(period: AppraisalPeriod, *, from_status: str, to_status: str, **row) -> PeriodLog:
    """A period's log names the action (close or reopen), which already says both states."""
    return PeriodLog(period=period, **row)


P = AppraisalPeriod.Status
PERIOD_WORKFLOW: Workflow[AppraisalPeriod] = Workflow(
    transitions={
        PeriodLog.Action.CLOSE: Transition({P.OPEN}, P.CLOSED, {HR}, needs_reason=True),
        PeriodLog.Action.REOPEN: Transition({P.CLOSED}, P.OPEN, {HR}, needs_reason=True),
    },
    roles=_hr,
    log=_period_log,
    not_allowed=HR_ONLY,
    wrong_state=PERIOD_WRONG_STATE,
)


def _plan_period_open(plan: Plan, user: User) -> None:
    ensure_period_writable(plan.period, user)


def _revision_allowed(plan: Plan, user: User) -> None:
    """The annual result was rated on the approved targets; a revision would change what it shows."""
    if plan.progress_locked():
        raise ValidationError(REVISION_LOCKED, code="locked")


PS, PA, PLAN_IN_PERIOD = Plan.Status, PlanLog.Action, (_plan_period_open,)
PLAN_WORKFLOW: Workflow[Plan] = Workflow(
    transitions={
        PA.SUBMIT: Transition({PS.DRAFT, PS.RETURNED, PS.REVISION}, PS.SUBMITTED, {OWNER}, guards=PLAN_IN_PERIOD),
        PA.APPROVE: Transition({PS.SUBMITTED}, PS.APPROVED, {ASSESSOR}, guards=PLAN_IN_PERIOD),
        PA.RETURN: Transition({PS.SUBMITTED}, PS.RETURNED, {ASSESSOR}, needs_reason=True, guards=PLAN_IN_PERIOD),
        PA.REVISE: Transition(
            {PS.APPROVED},
            PS.REVISION,
            {OWNER, ASSESSOR},
            needs_reason=True,
            guards=(_plan_period_open, _revision_allowed),
        ),
    },
    roles=plan_roles,
    log=lambda plan, **row: PlanLog(plan=plan, **row),
    not_allowed=NOT_ALLOWED,
    wrong_state=PLAN_WRONG_STATE,
    related=("period", "employee", "assessor"),
)


def _evaluation_roles(user: User, evaluation: Evaluation) -> frozenset[PlanRole]:
    return plan_roles(user, evaluation.plan)


def _evaluation_period_open(evaluation: Evaluation, user: User) -> None:
    ensure_period_writable(evaluation.plan.period, user)


ES, EA, IN_PERIOD = Evaluation.Status, EvaluationLog.Action, (_evaluation_period_open,)
EVALUATION_WORKFLOW: Workflow[Evaluation] = Workflow(
    transitions={
        EA.SELF_SUBMIT: Transition({ES.SELF_ASSESSMENT}, ES.RATING, {OWNER}, guards=IN_PERIOD),
        EA.START: Transition({ES.SELF_ASSESSMENT}, ES.RATING, {ASSESSOR}, guards=IN_PERIOD),
        EA.SUBMIT: Transition({ES.RATING}, ES.SUBMITTED, {ASSESSOR}, guards=IN_PERIOD, when=Evaluation.needs_approval),
        EA.SEND: Transition(
            {ES.RATING}, ES.SENT, {ASSESSOR}, guards=IN_PERIOD, when=lambda evaluation: not evaluation.needs_approval()
        ),
        EA.APPROVE: Transition({ES.SUBMITTED}, ES.SENT, {SUPERIOR}, guards=IN_PERIOD),
        EA.RETURN: Transition({ES.SUBMITTED}, ES.RATING, {SUPERIOR}, needs_reason=True, guards=IN_PERIOD),
        # Objections run after the year ends, when HR may already have closed the period.
        EA.OBJECT: Transition({ES.SENT}, ES.OBJECTED, {OWNER}, needs_reason=True),
        EA.DECIDE: Transition({ES.OBJECTED}, ES.DECIDED, {SUPERIOR}, needs_reason=True),
    },
    roles=_evaluation_roles,
    log=lambda evaluation, **row: EvaluationLog(evaluation=evaluation, **row),
    not_allowed=NOT_ALLOWED,
    wrong_state=EVALUATION_WRONG_STATE,
    related=(
        "plan__period",
        "plan__unit",
        "plan__employee__user",
        "plan__assessor__user",
        "plan__assessor_superior__user",
        "updated_by__employee",
    ),
    save=Evaluation.save_version,
)
