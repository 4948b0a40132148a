"""Continuous feedback, development actions, peer input and the leader's expectations (issue points 2–3).

Only the Pejabat Penilai of the plan writes feedback notes, development actions and expectations,
and invites peers; only an invited colleague answers their own request.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications.services import notify
from org.access import employee_of
from org.models import Employee, User

from ..models import (
    BehaviourExpectation,
    CoreValue,
    DevelopmentAction,
    Evaluation,
    Evidence,
    FeedbackNote,
    PeerAnswer,
    PeerRequest,
    Plan,
    WorkResult,
)
from ..permissions import PlanRole, ensure_period_writable, require_role
from ..workflows import EVALUATION_WORKFLOW
from . import plan_scores_mark
from .evaluations import notify_person

NOT_APPROVED_YET = _("Umpan balik dapat dicatat setelah SKP disetujui.")
DATE_OUTSIDE = _("Tanggal harus di dalam tahun periode dan tidak di masa depan.")
ABOUT_ONE_THING = _("Pilih satu hasil kerja atau satu nilai perilaku.")
NOT_THIS_PLAN = _("Hasil kerja atau bukti dukung bukan milik SKP ini.")
EVALUATION_CLOSED = _("Tindakan ini hanya dapat dilakukan sebelum evaluasi diajukan.")
PEER_NOT_COLLEAGUE = _(
    "Rekan kerja harus pegawai aktif dengan akun, di unit yang sama atau dengan pejabat penilai yang sama."
)
PEER_ALREADY = _("Rekan kerja ini sudah diundang.")
NOT_YOUR_REQUEST = _("Permintaan ini bukan untuk Anda.")
ALREADY_ANSWERED = _("Masukan Anda sudah terkirim.")
ALL_VALUES = _("Beri skor 1–4 untuk ketujuh nilai.")

OPEN_STATUSES = frozenset({Evaluation.Status.SELF_ASSESSMENT, Evaluation.Status.RATING})


def _plan_for_assessor(plan: Plan, user: User) -> Plan:
    plan = Plan.objects.select_for_update(of=("self",)).select_related("period", "employee__user").get(pk=plan.pk)
    require_role(user, plan, {PlanRole.ASSESSOR})
    ensure_period_writable(plan.period, user)
    return plan


@transaction.atomic
def feedback_note_add(
    *, plan: Plan, day: date, work_result: WorkResult | None, value: CoreValue | None, text: str,
    is_private: bool, evidence: Evidence | None, acting_user: User,
) -> FeedbackNote:  # fmt: skip
    """A dated note about one work result or one value (§1.5); the employee is told unless it is private."""
    plan = _plan_for_assessor(plan, acting_user)
    if not plan.has_been_approved:
        raise ValidationError(NOT_APPROVED_YET, code="not_approved")
    if not plan.period.start <= day <= min(plan.period.end, timezone.localdate()):
        raise ValidationError({"date": DATE_OUTSIDE})
    if (work_result is None) == (value is None):
        raise ValidationError(ABOUT_ONE_THING, code="about")
    if (work_result and work_result.plan_id != plan.pk) or (
        evidence and evidence.indicator.work_result.plan_id != plan.pk
    ):
        raise ValidationError(NOT_THIS_PLAN, code="other_plan")
    note = FeedbackNote(plan=plan, date=day, work_result=work_result, value=value, text=text.strip())
    note.is_private, note.evidence, note.author = is_private, evidence, acting_user
    note.full_clean()
    note.save()
    if not is_private:
        url = reverse("appraisal:feedback-list", args=[plan.pk])
        notify(recipient=plan.employee.user, title=_("Umpan balik baru dari pejabat penilai"), note=note.text, url=url)
    return note


@transaction.atomic
def expectations_save(*, plan: Plan, texts: dict[int, str], acting_user: User) -> None:
    """The *ekspektasi khusus pimpinan* per value on the SKP (§1.2), written by the Pejabat Penilai."""
    plan = _plan_for_assessor(plan, acting_user)
    for value in CoreValue.objects.filter(pk__in=texts):
        row = BehaviourExpectation.objects.filter(plan=plan, value=value).first()
        row = row or BehaviourExpectation(plan=plan, value=value)
        row.text, row.updated_by = texts[value.pk].strip(), acting_user
        row.full_clean()
        row.save()


def _open_for_assessor(evaluation: Evaluation, user: User) -> Evaluation:
    evaluation = EVALUATION_WORKFLOW.lock(evaluation)
    require_role(user, evaluation.plan, {PlanRole.ASSESSOR})
    ensure_period_writable(evaluation.plan.period, user)
    if evaluation.status not in OPEN_STATUSES:
        raise ValidationError(EVALUATION_CLOSED, code="closed")
    return evaluation


@transaction.atomic
def development_action_add(
    *, evaluation: Evaluation, kind: str, description: str, value: CoreValue | None,
    work_result: WorkResult | None, acting_user: User,
) -> DevelopmentAction:  # fmt: skip
    """A suggested development action, kept as a structured row for ``training`` (§7.3.5)."""
    evaluation = _open_for_assessor(evaluation, acting_user)
    if work_result is not None and work_result.plan_id != evaluation.plan_id:
        raise ValidationError(NOT_THIS_PLAN, code="other_plan")
    action = DevelopmentAction(evaluation=evaluation, kind=kind, description=description.strip(), value=value)
    action.work_result, action.created_by = work_result, acting_user
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def development_action_delete(*, action: DevelopmentAction, acting_user: User) -> None:
    _open_for_assessor(action.evaluation, acting_user)
    action.delete()


def _is_colleague(peer: Employee, plan: Plan) -> bool:
    others = {plan.employee_id, plan.assessor_id}
    near = peer.unit_id == plan.unit_id or (plan.assessor_id is not None and peer.supervisor_id == plan.assessor_id)
    return peer.status == Employee.Status.AKTIF and peer.user_id is not None and peer.pk not in others and near


@transaction.atomic
def peer_invite(*, evaluation: Evaluation, peer: Employee, acting_user: User) -> PeerRequest:
    """Ask a colleague for short structured feedback on the seven values (issue point 3)."""
    evaluation = _open_for_assessor(evaluation, acting_user)
    if not _is_colleague(peer, evaluation.plan):
        raise ValidationError({"peer": PEER_NOT_COLLEAGUE})
    if evaluation.peer_requests.filter(peer=peer).exists():
        raise ValidationError({"peer": PEER_ALREADY})
    request = PeerRequest.objects.create(evaluation=evaluation, peer=peer, invited_by=acting_user)
    url = reverse("appraisal:peer-answer", args=[request.pk])
    title = _("Permintaan masukan rekan kerja untuk %(name)s")
    notify(recipient=peer.user, title=title, params={"name": evaluation.plan.employee.name}, url=url)
    return request


@transaction.atomic
def peer_answer(*, request: PeerRequest, scores: dict[int, int], comment: str, acting_user: User) -> PeerRequest:
    """The invited colleague's scores (1–4 per value) and comment; stored once, shown only anonymised."""
    request = PeerRequest.objects.select_for_update().select_related("evaluation__plan").get(pk=request.pk)
    me = employee_of(acting_user)
    if me is None or me.pk != request.peer_id:
        raise PermissionDenied(NOT_YOUR_REQUEST)
    if request.answered_at is not None:
        raise ValidationError(ALREADY_ANSWERED, code="answered")
    if request.evaluation.status not in OPEN_STATUSES:
        raise ValidationError(EVALUATION_CLOSED, code="closed")
    values = list(CoreValue.objects.all())
    if any(scores.get(v.pk) not in (1, 2, 3, 4) for v in values):
        raise ValidationError(ALL_VALUES, code="scores")
    PeerAnswer.objects.bulk_create(PeerAnswer(request=request, value=v, score=scores[v.pk]) for v in values)
    request.comment, request.answered_at = comment.strip(), timezone.now()
    request.save(update_fields=["comment", "answered_at"])
    plan_scores_mark(request.evaluation.plan)
    title, params = _("Masukan rekan kerja diterima untuk %(name)s"), {"name": request.evaluation.plan.employee.name}
    notify_person(request.evaluation.plan.assessor, title, request.evaluation, params=params)
    return request
