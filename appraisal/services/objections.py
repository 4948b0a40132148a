"""Objections (*keberatan*, domain.md §1.5, §5 step 5, §7.4).

After an annual result is sent, the employee may object, with reasons, within
``APPRAISAL_OBJECTION_DAYS`` calendar days. The Atasan Pejabat Penilai decides: upheld with changed
rating(s), so the predikat is derived again, or rejected with reasons. Both the objection and the
decision, with the ratings before and after, stay visible to the employee.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from org.models import User

from ..models import Evaluation, EvaluationLog, Objection, RatingChange
from ..workflows import EVALUATION_WORKFLOW
from . import distribution, plan_scores_mark
from .evaluations import apply_ratings, notify_person, record_changes

ANNUAL_ONLY = _("Keberatan hanya dapat diajukan terhadap hasil evaluasi tahunan.")
WINDOW_CLOSED = _("Batas waktu pengajuan keberatan (%(date)s) sudah lewat.")
NO_SUPERIOR = _("Evaluasi ini tidak memiliki atasan pejabat penilai; hubungi BKPSDM.")
MUST_CHANGE = _("Jika keberatan diterima, ubah minimal satu rating.")

A = EvaluationLog.Action


@transaction.atomic
def objection_file(*, evaluation: Evaluation, reason: str, acting_user: User) -> Objection:
    """The employee objects to a sent annual result, within the window (§7.4)."""
    evaluation, log = EVALUATION_WORKFLOW.begin(evaluation, A.OBJECT, acting_user, reason)
    if not evaluation.is_annual:
        raise ValidationError(ANNUAL_ONLY, code="annual_only")
    if not evaluation.objection_open(today=timezone.localdate()):
        deadline = formats.date_format(evaluation.objection_deadline())
        raise ValidationError(WINDOW_CLOSED, code="window_closed", params={"date": deadline})
    if evaluation.plan.assessor_superior_id is None:
        raise ValidationError(NO_SUPERIOR, code="no_superior")
    objection = Objection(
        evaluation=evaluation,
        reason=log.reason,
        filed_by=acting_user,
        old_work_rating=evaluation.work_rating,
        old_behaviour_rating=evaluation.behaviour_rating,
        old_predikat=evaluation.predikat,
    )
    objection.full_clean()
    objection.save()
    EVALUATION_WORKFLOW.finish(evaluation, log)
    title, params = _("Keberatan atas evaluasi %(name)s"), {"name": evaluation.plan.employee.name}
    notify_person(evaluation.plan.assessor_superior, title, evaluation, params=params, note=log.reason)
    return objection


@transaction.atomic
def objection_decide(
    *, objection: Objection, upheld: bool, reason: str, work_rating: str, behaviour_rating: str, acting_user: User
) -> Objection:
    """The superior upholds (with changed ratings, predikat derived again) or rejects, with reasons."""
    evaluation, log = EVALUATION_WORKFLOW.begin(objection.evaluation, A.DECIDE, acting_user, reason)
    objection = Objection.objects.select_for_update().get(pk=objection.pk)
    if upheld:
        changes = apply_ratings(evaluation, work=work_rating, behaviour=behaviour_rating)
        if not changes:
            raise ValidationError(MUST_CHANGE, code="unchanged")
        record_changes(evaluation, changes, acting_user, RatingChange.Context.OBJECTION)
    objection.status = Objection.Status.UPHELD if upheld else Objection.Status.REJECTED
    objection.decision_reason, objection.decided_by, objection.decided_at = log.reason, acting_user, timezone.now()
    objection.new_predikat = evaluation.predikat
    objection.full_clean()
    objection.save()
    EVALUATION_WORKFLOW.finish(evaluation, log, "work_rating", "behaviour_rating", "predikat")
    title, params = _("Keberatan Anda telah diputus: %(status)s"), {"status": Objection.Status(objection.status).label}
    notify_person(evaluation.plan.employee, title, evaluation, params=params, note=log.reason)
    title, params = _("Keberatan %(name)s telah diputus"), {"name": evaluation.plan.employee.name}
    notify_person(evaluation.plan.assessor, title, evaluation, params=params)
    distribution.refresh_for(evaluation)
    plan_scores_mark(evaluation.plan)
    return objection
