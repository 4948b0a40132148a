"""Nominations for awards and coaching plans: each function checks who may act, writes the row and its
audit in one transaction, and tells the people concerned (``notifications``)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from appraisal.models import AppraisalPeriod
from notifications.messages import InEveryLanguage
from notifications.services import notify
from org.access import hr_users
from org.models import Employee, Unit, User

from ..models import CoachingPlan, Nomination, NominationLog
from ..models.recognition import NEXT_FOLLOW_UP_REQUIRED
from . import selectors
from .access import is_self, may_coach, may_nominate
from .workflows import NOMINATION_WORKFLOW

NOT_TOP_PERFORMER = _("Pegawai ini tidak termasuk pegawai berkinerja terbaik unit ini pada skor terakhir periode ini.")
NOT_ON_COACHING_LIST = _("Pegawai ini tidak termasuk daftar pembinaan pada skor terakhir periode ini.")
SELF_NOMINATION = _("Anda tidak dapat mengusulkan diri sendiri.")
NOT_NOMINATOR = _("Hanya BKPSDM atau kepala unit yang dapat mengusulkan penghargaan di unit ini.")
NOT_COACH = _("Hanya atasan pegawai atau BKPSDM yang dapat menulis rencana pembinaan.")
PLAN_CLOSED = _("Pembinaan ini sudah selesai; tindak lanjutnya tidak dapat diubah lagi.")

NOTICES = {
    NominationLog.Action.PROPOSE: _("Usulan penghargaan menunggu keputusan: %(name)s, %(award)s"),
    NominationLog.Action.APPROVE: _("Usulan penghargaan disetujui: %(name)s, %(award)s"),
    NominationLog.Action.REJECT: _("Usulan penghargaan ditolak: %(name)s, %(award)s"),
}
PLAN_NOTICE = _("Rencana pembinaan Anda telah ditulis; tindak lanjut pada %(date)s")


@transaction.atomic
def nomination_create(
    *,
    period: AppraisalPeriod,
    unit: Unit,
    employee: Employee,
    award: str,
    reason: str,
    acting_user: User,
) -> Nomination:
    """Nominate one of the unit's current top performers; the words that made them one are kept with it."""
    if not may_nominate(acting_user, unit):
        raise PermissionDenied(NOT_NOMINATOR)
    if is_self(acting_user, employee):
        raise ValidationError(SELF_NOMINATION)
    row = selectors.top_performer(period=period, unit=unit, employee=employee)
    if row is None:
        raise ValidationError(NOT_TOP_PERFORMER)
    nomination = Nomination(
        period=period,
        checkpoint=row.score.checkpoint,
        unit=unit,
        employee=employee,
        award=award.strip(),
        reason=reason.strip(),
        score=row.score.score,
        evidence="\n".join(row.evidence),
        nominated_by=acting_user,
    )
    nomination.full_clean()
    nomination.save()
    NOMINATION_WORKFLOW.created(nomination, NominationLog.Action.PROPOSE, acting_user)
    for user in hr_users():
        _tell(user, nomination, NominationLog.Action.PROPOSE, note=nomination.reason)
    return nomination


@transaction.atomic
def nomination_approve(*, nomination: Nomination, acting_user: User, reason: str = "") -> Nomination:
    """HR approves; the certificate can be printed from then on."""
    return _decide(nomination, NominationLog.Action.APPROVE, acting_user, reason)


@transaction.atomic
def nomination_reject(*, nomination: Nomination, acting_user: User, reason: str) -> Nomination:
    return _decide(nomination, NominationLog.Action.REJECT, acting_user, reason)


def _decide(nomination: Nomination, action: str, acting_user: User, reason: str) -> Nomination:
    nomination, log = NOMINATION_WORKFLOW.begin(nomination, action, acting_user, reason)
    nomination.decided_by, nomination.decided_at = acting_user, timezone.now()
    NOMINATION_WORKFLOW.finish(nomination, log, "decided_by", "decided_at")
    for user in {nomination.employee.user, nomination.nominated_by} - {None}:
        _tell(user, nomination, action, note=log.reason)
    return nomination


def _tell(user: User, nomination: Nomination, action: str, *, note: str) -> None:
    params = {"name": nomination.employee.name, "award": nomination.award}
    url = reverse("leaders:nomination-detail", args=[nomination.pk])
    notify(recipient=user, title=NOTICES[action], params=params, note=note, url=url)


@transaction.atomic
def coaching_plan_create(
    *,
    period: AppraisalPeriod,
    employee: Employee,
    goal: str,
    actions: str,
    coach: Employee,
    follow_up_on: date,
    acting_user: User,
) -> CoachingPlan:
    """The supervisor's (or HR's) plan for someone on the coaching list, with why they are on it."""
    if not may_coach(acting_user, employee):
        raise PermissionDenied(NOT_COACH)
    row = selectors.coaching_row(period=period, employee=employee)
    if row is None:
        raise ValidationError(NOT_ON_COACHING_LIST)
    plan = CoachingPlan(
        period=period,
        employee=employee,
        reasons="\n".join(row.evidence),
        goal=goal.strip(),
        actions=actions.strip(),
        coach=coach,
        follow_up_on=follow_up_on,
        created_by=acting_user,
    )
    plan.check_follow_up_date(today=timezone.localdate())
    plan.full_clean()
    plan.save()
    notify(
        recipient=employee.user,
        title=PLAN_NOTICE,
        params={"date": InEveryLanguage(lambda: date_format(follow_up_on, "j F Y"))},
        url=reverse("leaders:coaching-plan-detail", args=[plan.pk]),
    )
    return plan


@transaction.atomic
def coaching_follow_up(
    *, plan: CoachingPlan, outcome: str, is_done: bool, next_follow_up_on: date | None, acting_user: User
) -> CoachingPlan:
    """Record what came of a follow-up; unless the coaching is done, agree the next date.

    Each outcome is added under its date, so the plan keeps the whole story of the coaching.
    """
    plan = CoachingPlan.objects.select_for_update(of=("self",)).select_related("employee").get(pk=plan.pk)
    if not may_coach(acting_user, plan.employee):
        raise PermissionDenied(NOT_COACH)
    if plan.is_done:
        raise ValidationError(PLAN_CLOSED)
    if not is_done and next_follow_up_on is None:
        raise ValidationError({"next_follow_up_on": NEXT_FOLLOW_UP_REQUIRED})
    today = timezone.localdate()
    entry = f"{today:%d-%m-%Y}: {outcome.strip()}"
    plan.outcome = f"{plan.outcome}\n{entry}" if plan.outcome else entry
    plan.is_done = is_done
    if not is_done:
        plan.follow_up_on = next_follow_up_on
    plan.followed_up_by, plan.followed_up_at = acting_user, timezone.now()
    plan.check_follow_up_date(today=today)
    plan.full_clean()
    plan.save(update_fields=["outcome", "is_done", "follow_up_on", "followed_up_by", "followed_up_at", "updated_at"])
    return plan
