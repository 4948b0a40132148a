"""Continuous feedback on a plan, the leader's expectations, development actions and peer input."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.outcomes import Outcome, flash_errors
from org.access import employee_of

from ..forms.feedback import DevelopmentActionForm, ExpectationsForm, FeedbackNoteForm, PeerAnswerForm, PeerInviteForm
from ..models import DevelopmentAction, PeerRequest
from ..permissions import PlanRole, plan_roles, require_role
from ..selectors import PeerSummary, core_values, peer_summary, plan_notes
from ..services import feedback as services
from .common import get_evaluation, get_plan, roles_context

ACTION_INVALID = _("Pilih bentuk dan isi uraian rencana pengembangan.")
PEER_INVALID = _("Pilih rekan kerja dari daftar.")


def _notes_page(request, plan, form=None, status: int = 200):
    roles = plan_roles(request.user, plan)
    with_private = bool(roles & {PlanRole.ASSESSOR, PlanRole.HR})
    can_write = PlanRole.ASSESSOR in roles and plan.has_been_approved and plan.period.is_open
    if can_write and form is None:
        form = FeedbackNoteForm(plan=plan, values=core_values(), initial={"date": timezone.localdate()})
    context = {
        "plan": plan,
        "tab": "feedback",
        "notes": plan_notes(plan, with_private=with_private),
        "form": form if can_write else None,
        **roles_context(request, plan),
    }
    return render(request, "appraisal/feedback_list.html", context, status=status)


@login_required
def feedback_list(request, pk: int):
    """Dated notes on the plan; private ones only for the official and HR (issue point 2)."""
    return _notes_page(request, get_plan(request, pk))


@login_required
@require_POST
def feedback_create(request, pk: int):
    plan = get_plan(request, pk)
    require_role(request.user, plan, {PlanRole.ASSESSOR})
    form = FeedbackNoteForm(request.POST, plan=plan, values=core_values())
    if form.is_valid():
        work_result, value = form.subject()
        data = form.cleaned_data
        with Outcome(request, done=_("Umpan balik dicatat."), form=form):
            services.feedback_note_add(
                plan=plan, day=data["date"], work_result=work_result, value=value, text=data["text"],
                is_private=data["is_private"], evidence=data["evidence"], acting_user=request.user,
            )  # fmt: skip
            return redirect("appraisal:feedback-list", pk=plan.pk)
    return _notes_page(request, plan, form, status=400)


@login_required
def plan_expectations(request, pk: int):
    """The official's *ekspektasi khusus pimpinan* per BerAKHLAK value on the SKP."""
    plan = get_plan(request, pk)
    require_role(request.user, plan, {PlanRole.ASSESSOR})
    current = {row.value_id: row.text for row in plan.behaviour_expectations.all()}
    form = ExpectationsForm(request.POST or None, values=core_values(), current=current)
    if request.method == "POST" and form.is_valid():
        with Outcome(request, done=_("Ekspektasi khusus pimpinan disimpan."), form=form):
            services.expectations_save(plan=plan, texts=form.texts(), acting_user=request.user)
            return redirect(plan)
    return render(request, "appraisal/plan_expectations.html", {"plan": plan, "form": form})


def development_panel(evaluation, form: DevelopmentActionForm | None = None) -> dict:
    return {"evaluation": evaluation, "action_form": form or DevelopmentActionForm(plan=evaluation.plan)}


def peer_panel(evaluation, form: PeerInviteForm | None = None, *, summary: PeerSummary | None = None) -> dict:
    peer_form = form or PeerInviteForm(evaluation=evaluation)
    return {"evaluation": evaluation, "peers": summary or peer_summary(evaluation), "peer_form": peer_form}


PANELS = {
    "development": ("appraisal/includes/development_panel.html", development_panel),
    "peer": ("appraisal/includes/peer_panel.html", peer_panel),
}


def _panel_response(request, evaluation, panel: str, *, done=None, error: ValidationError | None = None, form=None):
    """htmx gets the panel alone, so the rating form around it keeps what was typed (a failed form stays
    bound); a plain POST goes back to the rating form with a message."""
    if not request.htmx:
        if error is not None:
            flash_errors(request, error)
        else:
            messages.success(request, done)
        return redirect("appraisal:evaluation-rate", pk=evaluation.pk)
    template, context = PANELS[panel]
    errors = error.messages if error is not None else []
    return render(request, template, context(evaluation, form if errors else None) | {"panel_errors": errors})


@login_required
@require_POST
def development_action_create(request, pk: int):
    evaluation = get_evaluation(request, pk)
    form = DevelopmentActionForm(request.POST, plan=evaluation.plan)
    try:
        if not form.is_valid():
            raise ValidationError(ACTION_INVALID)
        services.development_action_add(evaluation=evaluation, acting_user=request.user, **form.cleaned_data)
    except ValidationError as exc:
        return _panel_response(request, evaluation, "development", error=exc, form=form)
    return _panel_response(request, evaluation, "development", done=_("Rencana pengembangan ditambahkan."))


@login_required
@require_POST
def development_action_delete(request, pk: int):
    action = get_object_or_404(DevelopmentAction, pk=pk)
    action.evaluation = evaluation = get_evaluation(request, action.evaluation_id)
    try:
        services.development_action_delete(action=action, acting_user=request.user)
    except ValidationError as exc:
        return _panel_response(request, evaluation, "development", error=exc)
    return _panel_response(request, evaluation, "development", done=_("Rencana pengembangan dihapus."))


@login_required
@require_POST
def peer_invite(request, pk: int):
    evaluation = get_evaluation(request, pk)
    require_role(request.user, evaluation.plan, {PlanRole.ASSESSOR})
    form = PeerInviteForm(request.POST, evaluation=evaluation)
    try:
        if not form.is_valid():
            raise ValidationError(PEER_INVALID)
        services.peer_invite(evaluation=evaluation, peer=form.cleaned_data["peer"], acting_user=request.user)
    except ValidationError as exc:
        return _panel_response(request, evaluation, "peer", error=exc, form=form)
    return _panel_response(request, evaluation, "peer", done=_("Rekan kerja diundang memberi masukan."))


def _own_request(request, pk: int) -> PeerRequest:
    """Only the invited colleague may open a request; everyone else learns nothing (404)."""
    peer_request = get_object_or_404(PeerRequest.objects.select_related("evaluation__plan__employee"), pk=pk)
    me = employee_of(request.user)
    if me is None or me.pk != peer_request.peer_id:
        raise Http404
    return peer_request


@login_required
def peer_answer(request, pk: int):
    peer_request = _own_request(request, pk)
    values = core_values()
    form = PeerAnswerForm(request.POST or None, values=values)
    if request.method == "POST" and form.is_valid():
        with Outcome(request, done=_("Terima kasih, masukan Anda terkirim tanpa nama."), form=form):
            services.peer_answer(
                request=peer_request, scores=form.scores(), comment=form.cleaned_data["comment"],
                acting_user=request.user,
            )  # fmt: skip
            return redirect("appraisal:evaluation-list")
    context = {"peer_request": peer_request, "form": form}
    return render(request, "appraisal/peer_answer.html", context, status=400 if form.errors else 200)
