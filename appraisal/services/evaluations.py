"""The evaluation workflow (domain.md §1.5; §5 steps 2 and 4).

The Pejabat Penilai opens an evaluation for a checkpoint or the year; the employee may first write a
self-assessment; the official rates (two overall ratings, seven values) and submits. A periodic
evaluation is then sent to the employee; an annual one goes to the official's superior, who approves
(and it is sent) or returns it. Objections are in ``services.objections``.

Every change is refused unless its ``version`` is the stored one (optimistic locking) and increments
it; every rating change writes a ``RatingChange`` row. The transitions are declared in
``appraisal/workflows.py`` (``EVALUATION_WORKFLOW``), which writes their ``EvaluationLog`` rows; the
services here notify whoever acts next.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from notifications.messages import InEveryLanguage
from notifications.services import notify
from org.models import Employee, User

from ..achievement import round2
from ..models import (
    BehaviourRating,
    CoreValue,
    Evaluation,
    EvaluationLog,
    Plan,
    RatingChange,
    ResultAssessment,
)
from ..permissions import PlanRole, ensure_period_writable, require_role
from ..predikat import Rating, predikat_or_blank
from ..selectors import evaluation_report
from ..workflows import EVALUATION_WORKFLOW
from . import distribution, plan_scores_mark

NOT_APPROVED_YET = _("Evaluasi dapat dibuka setelah SKP disetujui.")
NO_SUCH_CHECKPOINT = _("Titik pantau tidak ada pada periode ini.")
ALREADY_OPEN = _("Evaluasi untuk titik pantau ini sudah dibuka.")
STALE = _(
    "Evaluasi ini sudah diubah oleh %(name)s pada %(time)s setelah Anda membukanya. Perubahan Anda tidak "
    "disimpan agar tidak menimpa perubahan itu. Muat ulang halaman, periksa isinya, lalu ulangi perubahan Anda."
)
SELF_CLOSED = _("Penilaian diri hanya dapat diisi sebelum pejabat penilai mulai menilai.")
RATING_CLOSED = _("Rating hanya dapat diubah saat evaluasi dalam penilaian pejabat penilai.")
BAD_RATING = _("Rating tidak dikenal.")
RATINGS_REQUIRED = _("Pilih rating hasil kerja, rating perilaku kerja, dan rating ketujuh nilai BerAKHLAK.")
FEEDBACK_REQUIRED = _("Ada rating di bawah ekspektasi: isi kekuatan dan hal yang perlu ditingkatkan.")

A, S = EvaluationLog.Action, Evaluation.Status
OWNER, ASSESSOR = PlanRole.OWNER, PlanRole.ASSESSOR


@dataclass(frozen=True)
class RatingInput:
    """What the official's form sends: ratings and feedback; keys are value and work-result ids."""

    work_rating: str = ""
    behaviour_rating: str = ""
    values: dict[int, tuple[str, str]] = field(default_factory=dict)
    results: dict[int, str] = field(default_factory=dict)
    strengths: str = ""
    improvements: str = ""
    place: str = ""


def submit_action(evaluation: Evaluation) -> str:
    """Annual results go to the superior for approval; periodic ones (or a top official's) are sent."""
    return A.SUBMIT if evaluation.needs_approval() else A.SEND


def evaluation_actions(*, evaluation: Evaluation, user: User) -> set[str]:
    """The transitions this user may take now, so pages show only buttons that will work. Objections
    have their own forms (the objection window and the decision page), so they are not among them."""
    return EVALUATION_WORKFLOW.available(evaluation, user) - {A.OBJECT, A.DECIDE}


def check_version(evaluation: Evaluation, version: int) -> None:
    if evaluation.version == version:
        return
    who = evaluation.updated_by
    name = str(getattr(who, "employee", None) or who) if who else "—"
    time = formats.date_format(timezone.localtime(evaluation.updated_at), "j F Y H:i")
    raise ValidationError(STALE, code="stale", params={"name": name, "time": time})


def notify_person(employee: Employee | None, title: Promise, evaluation: Evaluation, **message) -> None:
    """Tell the person about the evaluation; ``message`` is what ``notify`` takes (params, body, note)."""
    user = employee.user if employee is not None else None
    url = reverse("appraisal:evaluation-detail", args=[evaluation.pk])
    notify(recipient=user, title=title, url=url, **message)


def evaluation_title(evaluation: Evaluation) -> InEveryLanguage:
    """The evaluation's title as a notification parameter (the model words it, per language)."""
    return InEveryLanguage(lambda: evaluation.title)


@transaction.atomic
def evaluation_open(*, plan: Plan, kind: str, checkpoint: int | None, acting_user: User) -> Evaluation:
    """The official opens a periodic (checkpoint) or annual evaluation; the employee may self-assess first."""
    plan = Plan.objects.select_for_update(of=("self",)).select_related("period", "employee__user").get(pk=plan.pk)
    require_role(acting_user, plan, {ASSESSOR})
    ensure_period_writable(plan.period, acting_user)
    if not plan.has_been_approved:
        raise ValidationError(NOT_APPROVED_YET, code="not_approved")
    number = len(plan.period.checkpoints()) if kind == Evaluation.Kind.ANNUAL else checkpoint
    if number is None or plan.period.checkpoint(number) is None:
        raise ValidationError({"checkpoint": NO_SUCH_CHECKPOINT})
    if _already_open(plan, kind, number):
        raise ValidationError(ALREADY_OPEN, code="exists")
    evaluation = Evaluation(plan=plan, kind=kind, checkpoint=number, place=settings.APPRAISAL_DOCUMENT_PLACE)
    evaluation.updated_by = acting_user
    evaluation.full_clean()
    evaluation.save()
    BehaviourRating.objects.bulk_create(
        BehaviourRating(evaluation=evaluation, value=v) for v in CoreValue.objects.all()
    )
    ensure_result_rows(evaluation)
    EVALUATION_WORKFLOW.created(evaluation, A.OPEN, acting_user)
    title = _("Penilaian diri dibuka: %(title)s")
    notify_person(plan.employee, title, evaluation, params={"title": evaluation_title(evaluation)})
    return evaluation


def _already_open(plan: Plan, kind: str, number: int) -> bool:
    existing = Evaluation.objects.filter(plan=plan, kind=kind)
    return existing.filter(checkpoint=number).exists() if kind == Evaluation.Kind.PERIODIC else existing.exists()


def ensure_result_rows(evaluation: Evaluation) -> None:
    """One row per current work result; a revision may have added some since the evaluation opened."""
    have = set(evaluation.result_assessments.values_list("work_result_id", flat=True))
    missing = evaluation.plan.work_results.exclude(pk__in=have)
    ResultAssessment.objects.bulk_create(ResultAssessment(evaluation=evaluation, work_result=wr) for wr in missing)


def _editable(evaluation: Evaluation, version: int, user: User, role: PlanRole, status: str, closed) -> Evaluation:
    evaluation = EVALUATION_WORKFLOW.lock(evaluation)
    require_role(user, evaluation.plan, {role})
    ensure_period_writable(evaluation.plan.period, user)
    if evaluation.status != status:
        raise ValidationError(closed, code="closed")
    check_version(evaluation, version)
    ensure_result_rows(evaluation)
    return evaluation


def _save_texts(rows: list, key: str, name: str, texts: dict[int, str]) -> None:
    changed = [row for row in rows if getattr(row, key) in texts]
    for row in changed:
        setattr(row, name, texts[getattr(row, key)].strip())
    if changed:
        type(changed[0]).objects.bulk_update(changed, [name])


@transaction.atomic
def evaluation_self_assess(
    *, evaluation: Evaluation, version: int, results: dict[int, str], values: dict[int, str], action_plan: str,
    acting_user: User,
) -> Evaluation:  # fmt: skip
    """The employee's penilaian diri per work result and value, with an action plan (issue point 2)."""
    evaluation = _editable(evaluation, version, acting_user, OWNER, S.SELF_ASSESSMENT, SELF_CLOSED)
    _save_texts(list(evaluation.result_assessments.all()), "work_result_id", "self_assessment", results)
    _save_texts(list(evaluation.behaviour_ratings.all()), "value_id", "self_assessment", values)
    evaluation.self_action_plan = action_plan.strip()
    evaluation.save_version(acting_user, "self_action_plan")
    return evaluation


def _checked(rating: str) -> str:
    if rating and rating not in Rating.values:
        raise ValidationError(BAD_RATING, code="bad_rating")
    return rating


def change_row(field_name: str, old: str, new: str, **extra) -> list[RatingChange]:
    return [] if old == new else [RatingChange(field=field_name, old=old, new=new, **extra)]


def apply_ratings(evaluation: Evaluation, *, work: str, behaviour: str) -> list[RatingChange]:
    """Set both overall ratings and derive the predikat (§1.4); returns the history rows, unsaved."""
    F = RatingChange.Field
    predikat = predikat_or_blank(work=_checked(work), behaviour=_checked(behaviour))
    changes = change_row(F.WORK, evaluation.work_rating, work)
    changes += change_row(F.BEHAVIOUR, evaluation.behaviour_rating, behaviour)
    changes += change_row(F.PREDIKAT, evaluation.predikat, predikat)
    evaluation.work_rating, evaluation.behaviour_rating, evaluation.predikat = work, behaviour, predikat
    return changes


def record_changes(evaluation: Evaluation, changes: list[RatingChange], user: User, context: str) -> None:
    for change in changes:
        change.evaluation, change.actor, change.context = evaluation, user, context
    RatingChange.objects.bulk_create(changes)


def _apply_value_ratings(evaluation: Evaluation, values: dict[int, tuple[str, str]]) -> list[RatingChange]:
    rows, changes = list(evaluation.behaviour_ratings.all()), []
    for row in rows:
        rating, feedback = values.get(row.value_id, (row.rating, row.feedback))
        changes += change_row(RatingChange.Field.VALUE, row.rating, _checked(rating), value_id=row.value_id)
        row.rating, row.feedback = rating, feedback.strip()
    BehaviourRating.objects.bulk_update(rows, ["rating", "feedback"])
    return changes


@transaction.atomic
def evaluation_rate(*, evaluation: Evaluation, version: int, ratings: RatingInput, acting_user: User) -> Evaluation:
    """Save the official's ratings and feedback (a draft until submitted); the predikat is derived here."""
    evaluation = _editable(evaluation, version, acting_user, ASSESSOR, S.RATING, RATING_CLOSED)
    changes = _apply_value_ratings(evaluation, ratings.values)
    _save_texts(list(evaluation.result_assessments.all()), "work_result_id", "feedback", ratings.results)
    changes += apply_ratings(evaluation, work=ratings.work_rating, behaviour=ratings.behaviour_rating)
    evaluation.strengths, evaluation.improvements = ratings.strengths.strip(), ratings.improvements.strip()
    evaluation.place = ratings.place.strip()
    record_changes(evaluation, changes, acting_user, RatingChange.Context.RATING)
    fields = ["work_rating", "behaviour_rating", "predikat", "strengths", "improvements", "place"]
    evaluation.save_version(acting_user, *fields)
    return evaluation


@transaction.atomic
def evaluation_self_submit(*, evaluation: Evaluation, acting_user: User) -> Evaluation:
    """The employee hands the self-assessment over; the official may now rate."""
    evaluation, log = EVALUATION_WORKFLOW.begin(evaluation, A.SELF_SUBMIT, acting_user)
    evaluation.self_submitted_at = timezone.now()
    EVALUATION_WORKFLOW.finish(evaluation, log, "self_submitted_at")
    title = _("Penilaian diri dikirim: %(name)s")
    notify_person(evaluation.plan.assessor, title, evaluation, params={"name": evaluation.plan.employee.name})
    return evaluation


@transaction.atomic
def evaluation_start(*, evaluation: Evaluation, acting_user: User) -> Evaluation:
    """The official starts rating without waiting further; the self-assessment (optional) closes."""
    return EVALUATION_WORKFLOW.take(evaluation, A.START, acting_user)


def check_complete(evaluation: Evaluation) -> None:
    """All nine ratings chosen; strengths and improvements when any is below expectation (issue point 3)."""
    values = [row.rating for row in evaluation.behaviour_ratings.all()]
    if not (evaluation.work_rating and evaluation.behaviour_rating and values and all(values)):
        raise ValidationError(RATINGS_REQUIRED, code="incomplete")
    if evaluation.needs_feedback() and not (evaluation.strengths and evaluation.improvements):
        raise ValidationError(FEEDBACK_REQUIRED, code="feedback")


@transaction.atomic
def evaluation_submit(*, evaluation: Evaluation, acting_user: User) -> Evaluation:
    """Annual: to the superior for approval. Periodic (or no superior): sent to the employee at once."""
    action = submit_action(evaluation)
    evaluation, log = EVALUATION_WORKFLOW.begin(evaluation, action, acting_user)
    check_complete(evaluation)
    # Progress reports lock the plan row first, so none slips in between this read and the lock.
    Plan.objects.select_for_update().values("pk").get(pk=evaluation.plan_id)
    report = evaluation_report(evaluation)
    evaluation.achievement = round2(report.capaian) if report.capaian is not None else None
    evaluation.submitted_at = timezone.now()
    evaluation.sent_at = evaluation.submitted_at if action == A.SEND else None
    EVALUATION_WORKFLOW.finish(evaluation, log, "achievement", "submitted_at", "sent_at")
    if action == A.SUBMIT:
        title = _("Evaluasi menunggu persetujuan: %(name)s")
        params = {"name": evaluation.plan.employee.name}
        notify_person(evaluation.plan.assessor_superior, title, evaluation, params=params)
    else:
        _release(evaluation, acting_user)
    distribution.refresh_for(evaluation)
    return evaluation


def _release(evaluation: Evaluation, acting_user: User) -> None:
    """The result reaches the employee: tell them, and refresh their stored scores (E and P count now)."""
    _notify_result(evaluation)
    plan_scores_mark(evaluation.plan)


def _notify_result(evaluation: Evaluation) -> None:
    deadline = evaluation.objection_deadline()
    params = {"title": evaluation_title(evaluation)}
    if deadline:
        params["date"] = InEveryLanguage(lambda: formats.date_format(deadline))
    body = _("Keberatan dapat diajukan paling lambat %(date)s.") if deadline else ""
    notify_person(evaluation.plan.employee, _("Hasil %(title)s disampaikan"), evaluation, params=params, body=body)


@transaction.atomic
def evaluation_approve(*, evaluation: Evaluation, acting_user: User) -> Evaluation:
    """The Atasan Pejabat Penilai approves the annual result; it is sent and the objection window opens."""
    evaluation, log = EVALUATION_WORKFLOW.begin(evaluation, A.APPROVE, acting_user)
    distribution.ensure_allows(evaluation)
    evaluation.approved_at = evaluation.sent_at = timezone.now()
    evaluation.approved_by = acting_user
    EVALUATION_WORKFLOW.finish(evaluation, log, "approved_at", "approved_by", "sent_at")
    _release(evaluation, acting_user)
    distribution.refresh_for(evaluation)
    return evaluation


@transaction.atomic
def evaluation_return(*, evaluation: Evaluation, reason: str, acting_user: User) -> Evaluation:
    """The superior sends the ratings back to the official with a reason."""
    evaluation = EVALUATION_WORKFLOW.take(evaluation, A.RETURN, acting_user, reason)
    title, params = _("Evaluasi dikembalikan: %(name)s"), {"name": evaluation.plan.employee.name}
    notify_person(evaluation.plan.assessor, title, evaluation, params=params, note=reason)
    distribution.refresh_for(evaluation)
    return evaluation
