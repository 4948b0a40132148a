"""The employee's objection and the superior's decision on it (domain.md §5 step 5)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.outcomes import Outcome

from ..forms.objections import DecisionForm, ObjectionForm
from ..models import Evaluation
from ..permissions import PlanRole, require_role
from ..services import objections as services
from .common import get_evaluation, roles_context

NO_OBJECTION = _("Tidak ada keberatan yang menunggu putusan pada evaluasi ini.")


@login_required
@require_POST
def objection_create(request, pk: int):
    evaluation = get_evaluation(request, pk)
    form = ObjectionForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    with Outcome(request, done=_("Keberatan diajukan ke atasan pejabat penilai.")):
        services.objection_file(evaluation=evaluation, reason=reason, acting_user=request.user)
    return redirect(evaluation)


@login_required
def objection_decide(request, pk: int):
    """The Atasan Pejabat Penilai upholds (changing a rating) or rejects, with reasons."""
    evaluation = get_evaluation(request, pk, Evaluation.objects.select_related("objection", "plan__period"))
    require_role(request.user, evaluation.plan, {PlanRole.ASSESSOR_SUPERIOR})
    if evaluation.status != Evaluation.Status.OBJECTED:
        messages.info(request, NO_OBJECTION)
        return redirect(evaluation)
    initial = {"work_rating": evaluation.work_rating, "behaviour_rating": evaluation.behaviour_rating}
    form = DecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with Outcome(request, done=_("Putusan keberatan disimpan dan disampaikan ke pegawai."), form=form):
            services.objection_decide(objection=evaluation.objection, acting_user=request.user, **form.cleaned_data)
            return redirect(evaluation)
    context = {"evaluation": evaluation, "plan": evaluation.plan, "objection": evaluation.objection, "form": form}
    context |= roles_context(request, evaluation.plan)
    return render(request, "appraisal/objection_decide.html", context, status=400 if form.errors else 200)
