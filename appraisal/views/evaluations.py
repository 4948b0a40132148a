"""Evaluation pages: the list, the result page, self-assessment, the official's rating form and transitions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.outcomes import Outcome
from org.access import employee_of, is_hr

from ..forms.evaluations import EvaluationOpenForm, RatingForm, SelfAssessmentForm
from ..forms.objections import ObjectionForm
from ..models import Evaluation, EvaluationLog, ResultAssessment
from ..permissions import PlanRole, can_see_ratings, plan_roles, require_role
from ..selectors import (
    distribution_units,
    evaluation_report,
    evaluations_done_by,
    evaluations_for_superior,
    evaluations_of,
    evaluations_to_rate,
    evaluations_with_content,
    open_peer_requests,
    peer_summary,
    plan_notes,
    work_results_in_order,
)
from ..services import evaluations as services
from .common import get_evaluation, get_plan, roles_context
from .feedback import development_panel, peer_panel

DONE_PER_PAGE = 25
A = EvaluationLog.Action
TRANSITIONS = {
    A.SELF_SUBMIT: (services.evaluation_self_submit, _("Penilaian diri dikirim ke pejabat penilai.")),
    A.START: (services.evaluation_start, _("Penilaian dimulai.")),
    A.SUBMIT: (services.evaluation_submit, _("Evaluasi diajukan.")),
    A.APPROVE: (services.evaluation_approve, _("Evaluasi disetujui dan disampaikan ke pegawai.")),
    A.RETURN: (services.evaluation_return, _("Evaluasi dikembalikan ke pejabat penilai.")),
}


@login_required
def evaluation_list(request):
    """My evaluations, those I must rate, approve or decide, peer requests waiting for me, and (paginated)
    those I have finished, which stay listed once delivered."""
    me = employee_of(request.user)
    context = {
        "employee": me,
        "mine": evaluations_of(me)[:50] if me else [],
        "to_rate": evaluations_to_rate(me) if me else [],
        "for_superior": evaluations_for_superior(me) if me else [],
        "peer_requests": open_peer_requests(me) if me else [],
        "done": Paginator(evaluations_done_by(me) if me else [], DONE_PER_PAGE).get_page(request.GET.get("page")),
        "sees_distribution": bool(distribution_units(request.user)),
    }
    return render(request, "appraisal/evaluation_list.html", context)


@login_required
@require_POST
def evaluation_create(request, pk: int):
    plan = get_plan(request, pk)
    form = EvaluationOpenForm(request.POST, plan=plan)
    with Outcome(request, done=_("Evaluasi dibuka; pegawai diberi tahu untuk mengisi penilaian diri.")):
        if not form.is_valid():
            raise ValidationError(_("Pilih jenis evaluasi dan titik pantau."))
        return redirect(services.evaluation_open(plan=plan, acting_user=request.user, **form.cleaned_data))
    return redirect(plan)


def _rows(evaluation: Evaluation) -> tuple[list[ResultAssessment], list]:
    """A row per current work result (plan order; unsaved if the plan gained one since) and per value."""
    saved = {row.work_result_id: row for row in evaluation.result_assessments.all()}
    results = []
    for wr in work_results_in_order().filter(plan=evaluation.plan_id):
        row = saved.get(wr.pk) or ResultAssessment(evaluation=evaluation, work_result=wr)
        row.work_result = wr
        results.append(row)
    return results, list(evaluation.behaviour_ratings.all())


def _load(request, pk: int) -> Evaluation:
    return get_evaluation(request, pk, evaluations_with_content(Evaluation.objects.all()))


@login_required
def evaluation_detail(request, pk: int):
    """The result page: ratings once released (for the employee), feedback, objection and history."""
    evaluation = _load(request, pk)
    results, values = _rows(evaluation)
    roles = plan_roles(request.user, evaluation.plan)
    context = {
        "evaluation": evaluation,
        "plan": evaluation.plan,
        "results": results,
        "values": values,
        "report": evaluation_report(evaluation),
        "show_ratings": can_see_ratings(request.user, evaluation),
        "roles": {str(role) for role in roles},
        "actions": {str(a) for a in services.evaluation_actions(evaluation=evaluation, user=request.user)},
        "submit_is_send": services.submit_action(evaluation) == A.SEND,
        "can_object": PlanRole.OWNER in roles and evaluation.objection_open(today=timezone.localdate()),
        "objection_form": ObjectionForm(),
        "logs": evaluation.logs.select_related("actor__employee"),
        "is_hr": is_hr(request.user),
    }
    return render(request, "appraisal/evaluation_detail.html", context)


def _refuse_unless(request, evaluation: Evaluation, role: PlanRole, status: str, message):
    """403 for readers without the role; a message and the result page when the state forbids it."""
    require_role(request.user, evaluation.plan, {role})
    if evaluation.status != status:
        messages.info(request, message)
        return redirect(evaluation)
    return None


@login_required
def evaluation_self(request, pk: int):
    """The employee's penilaian diri, before the official starts rating."""
    evaluation = _load(request, pk)
    if refusal := _refuse_unless(
        request, evaluation, PlanRole.OWNER, Evaluation.Status.SELF_ASSESSMENT, services.SELF_CLOSED
    ):
        return refusal
    results, values = _rows(evaluation)
    form = SelfAssessmentForm(request.POST or None, evaluation=evaluation, results=results, values=values)
    if request.method == "POST" and form.is_valid():
        with Outcome(request, done=_("Penilaian diri disimpan."), form=form):
            services.evaluation_self_assess(
                evaluation=evaluation, version=form.cleaned_data["version"], results=form.texts("result_"),
                values=form.texts("value_"), action_plan=form.cleaned_data["action_plan"], acting_user=request.user,
            )  # fmt: skip
            return redirect(evaluation)
    context = {"evaluation": evaluation, "plan": evaluation.plan, "form": form, "results": results, "values": values}
    context |= roles_context(request, evaluation.plan)
    return render(request, "appraisal/evaluation_self.html", context, status=400 if form.errors else 200)


def _rating_context(evaluation: Evaluation, form: RatingForm, results: list, values: list) -> dict:
    """Everything shown beside the ratings: achievement and hint, self-assessment, notes, peers, guides."""
    report = evaluation_report(evaluation)
    notes = list(plan_notes(evaluation.plan, with_private=True))
    summary = peer_summary(evaluation)
    expectations = {row.value_id: row.text for row in evaluation.plan.behaviour_expectations.all()}
    for row in results:
        row.field, row.rows = (
            form[f"result_{row.work_result_id}"],
            [r for r in report.rows if r.indicator.work_result_id == row.work_result_id],
        )
        row.notes = [n for n in notes if n.work_result_id == row.work_result_id]
    for row in values:
        row.field, row.feedback_field = form[f"value_{row.value_id}"], form[f"value_{row.value_id}_feedback"]
        row.notes = [n for n in notes if n.value_id == row.value_id]
        row.peer_mean, row.expectation = summary.means.get(row.value_id), expectations.get(row.value_id, "")
    return {
        "evaluation": evaluation,
        "plan": evaluation.plan,
        "form": form,
        "results": results,
        "values": values,
        "report": report,
        **development_panel(evaluation),
        **peer_panel(evaluation, summary=summary),
    }


@login_required
def evaluation_rate(request, pk: int):
    """The Pejabat Penilai's form; a save made on an older version is refused (optimistic locking)."""
    evaluation = _load(request, pk)
    if refusal := _refuse_unless(
        request, evaluation, PlanRole.ASSESSOR, Evaluation.Status.RATING, services.RATING_CLOSED
    ):
        return refusal
    results, values = _rows(evaluation)
    form = RatingForm(request.POST or None, evaluation=evaluation, results=results, values=values)
    if request.method == "POST" and form.is_valid():
        with Outcome(request, done=_("Rating disimpan. Ajukan evaluasi bila sudah lengkap."), form=form):
            services.evaluation_rate(
                evaluation=evaluation, version=form.cleaned_data["version"], ratings=form.rating_input(),
                acting_user=request.user,
            )  # fmt: skip
            return redirect("appraisal:evaluation-rate", pk=evaluation.pk)
    context = _rating_context(evaluation, form, results, values) | roles_context(request, evaluation.plan)
    return render(request, "appraisal/evaluation_rate.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def evaluation_transition(request, pk: int, action: str):
    """Self-submit, start, submit (or send), approve or return; the service decides who may, and when."""
    evaluation = get_evaluation(request, pk)
    service, done = TRANSITIONS[action]
    kwargs = {"reason": request.POST.get("reason", "")} if action == A.RETURN else {}
    with Outcome(request, done=done):
        service(evaluation=evaluation, acting_user=request.user, **kwargs)
    return redirect(evaluation)


@login_required
def evaluation_history(request, pk: int):
    """Every rating change (who, when, old and new) and every step: for HR (issue point 8)."""
    evaluation = get_evaluation(request, pk)
    if not is_hr(request.user):
        raise PermissionDenied
    context = {
        "evaluation": evaluation,
        "plan": evaluation.plan,
        "changes": evaluation.rating_changes.select_related("actor__employee", "value"),
        "logs": evaluation.logs.select_related("actor__employee"),
        **roles_context(request, evaluation.plan),
    }
    return render(request, "appraisal/evaluation_history.html", context)
