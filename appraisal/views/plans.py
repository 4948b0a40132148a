"""SKP pages: my plans, the plan page with its workflow, RHK/IKI forms and the transparency page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.outcomes import Outcome, flash_errors
from core.params import int_param
from org.access import employee_of

from ..forms.common import ReasonForm
from ..forms.evaluations import EvaluationOpenForm
from ..forms.plans import IndicatorForm, PlanCreateForm, WorkResultForm
from ..models import AppraisalPeriod, Indicator, Plan, PlanLog, WorkResult
from ..permissions import PlanRole, plan_roles
from ..reports import plan_report
from ..selectors import plans_awaiting, plans_of, plans_with_content, with_progress
from ..services import plans as services
from .common import get_plan, roles_context

PLAN_FORM_INVALID = _("Pilih periode terbuka yang belum memiliki SKP Anda, dan pendekatannya.")
TRANSITIONS = {
    PlanLog.Action.SUBMIT: (services.plan_submit, _("SKP diajukan ke pejabat penilai.")),
    PlanLog.Action.APPROVE: (services.plan_approve, _("SKP disetujui.")),
    PlanLog.Action.RETURN: (services.plan_return, _("SKP dikembalikan ke pegawai.")),
    PlanLog.Action.REVISE: (services.plan_revise, _("Revisi SKP dibuka.")),
}


@login_required
def plan_list(request):
    """My plans, plans waiting for my approval, and a form to start one."""
    me = employee_of(request.user)
    context = {
        "employee": me,
        "plans": plans_of(me) if me else [],
        "awaiting": plans_awaiting(me) if me else [],
        "form": PlanCreateForm(employee=me) if me else None,
    }
    return render(request, "appraisal/plan_list.html", context)


@login_required
@require_POST
def plan_create(request):
    me = employee_of(request.user)
    if me is None:
        raise PermissionDenied
    form = PlanCreateForm(request.POST, employee=me)
    with Outcome(request, done=_("SKP dibuat.")):
        if not form.is_valid():
            raise ValidationError(PLAN_FORM_INVALID)
        return redirect(services.plan_create(employee=me, acting_user=request.user, **form.cleaned_data))
    return redirect("appraisal:plan-list")


@login_required
def plan_detail(request, pk: int):
    plan = get_plan(request, pk, plans_with_content(Plan.objects.all()))
    actions = services.plan_actions(plan=plan, user=request.user)
    context = {
        "plan": plan,
        "tab": "plan",
        "logs": plan.logs.select_related("actor__employee"),
        "actions": {str(action) for action in actions},
        "can_edit": _can_edit(request, plan),
        "reason_form": ReasonForm(),
        **roles_context(request, plan),
        **_evaluation_context(request, plan),
    }
    return render(request, "appraisal/plan_detail.html", context)


def _evaluation_context(request, plan: Plan) -> dict:
    """The plan's evaluations, and for its Pejabat Penilai the form that opens the next one."""
    is_assessor = PlanRole.ASSESSOR in plan_roles(request.user, plan)
    can_open = is_assessor and plan.has_been_approved and plan.period.is_open
    return {
        "evaluations": plan.evaluations.select_related("plan__period").order_by("kind", "checkpoint")
        if plan.has_been_approved
        else [],
        "open_form": EvaluationOpenForm(plan=plan) if can_open else None,
        "is_assessor": is_assessor,
    }


def _can_edit(request, plan: Plan) -> bool:
    try:
        services.ensure_plan_editable(plan=plan, acting_user=request.user)
    except (PermissionDenied, ValidationError):
        return False
    return True


@login_required
@require_POST
def plan_transition(request, pk: int, action: str):
    """Submit, approve, return or revise; the service decides who may, in which state."""
    plan = get_plan(request, pk)
    service, done = TRANSITIONS[action]
    kwargs = (
        {"reason": request.POST.get("reason", "")} if action in (PlanLog.Action.RETURN, PlanLog.Action.REVISE) else {}
    )
    with Outcome(request, done=done):
        service(plan=plan, acting_user=request.user, **kwargs)
    return redirect(plan)


def _editable_or_redirect(request, plan: Plan):
    """403 for people who may only read the plan; a message when its state or period forbids edits."""
    try:
        services.ensure_plan_editable(plan=plan, acting_user=request.user)
    except ValidationError as exc:
        flash_errors(request, exc)
        return redirect(plan)
    return None


def _work_result_form(request, plan: Plan, instance: WorkResult | None):
    if refusal := _editable_or_redirect(request, plan):
        return refusal
    form = WorkResultForm(request.POST or None, instance=instance, plan=plan)
    if request.method == "POST" and form.is_valid():
        with Outcome(request, done=_("Rencana hasil kerja disimpan."), form=form):
            services.work_result_save(work_result=form.save(commit=False), acting_user=request.user)
            return redirect(plan)
    return render(request, "appraisal/workresult_form.html", {"plan": plan, "form": form, "object": instance})


@login_required
def work_result_create(request, pk: int):
    return _work_result_form(request, get_plan(request, pk), None)


@login_required
def work_result_update(request, pk: int):
    work_result = get_object_or_404(WorkResult, pk=pk)
    work_result.plan = get_plan(request, work_result.plan_id)
    return _work_result_form(request, work_result.plan, work_result)


@login_required
@require_POST
def work_result_delete(request, pk: int):
    work_result = get_object_or_404(WorkResult, pk=pk)
    work_result.plan = plan = get_plan(request, work_result.plan_id)
    with Outcome(request, done=_("Rencana hasil kerja dihapus.")):
        services.work_result_delete(work_result=work_result, acting_user=request.user)
    return redirect(plan)


def _indicator_form(request, work_result: WorkResult, instance: Indicator | None):
    plan = work_result.plan
    if refusal := _editable_or_redirect(request, plan):
        return refusal
    instance = instance or Indicator(work_result=work_result)
    form = IndicatorForm(request.POST or None, instance=instance, plan=plan)
    if request.method == "POST" and form.is_valid():
        with Outcome(request, done=_("Indikator disimpan."), form=form):
            services.indicator_save(
                indicator=form.save(commit=False),
                checkpoint_targets=form.checkpoint_targets(),
                acting_user=request.user,
            )
            return redirect(plan)
    context = {"plan": plan, "work_result": work_result, "form": form, "object": instance if instance.pk else None}
    return render(request, "appraisal/indicator_form.html", context)


@login_required
def indicator_create(request, pk: int):
    work_result = get_object_or_404(WorkResult, pk=pk)
    work_result.plan = get_plan(request, work_result.plan_id)
    return _indicator_form(request, work_result, None)


@login_required
def indicator_update(request, pk: int):
    indicator = get_object_or_404(Indicator.objects.select_related("work_result"), pk=pk)
    indicator.work_result.plan = get_plan(request, indicator.work_result.plan_id)
    return _indicator_form(request, indicator.work_result, indicator)


@login_required
@require_POST
def indicator_delete(request, pk: int):
    indicator = get_object_or_404(Indicator.objects.select_related("work_result"), pk=pk)
    indicator.work_result.plan = plan = get_plan(request, indicator.work_result.plan_id)
    with Outcome(request, done=_("Indikator dihapus.")):
        services.indicator_delete(indicator=indicator, acting_user=request.user)
    return redirect(plan)


def checkpoint_from(request, period: AppraisalPeriod):
    """The checkpoint asked for in ``?titik=``, else the one today falls in."""
    number = int_param(request, "titik")
    chosen = period.checkpoint(number) if number is not None else None
    return chosen or period.checkpoint_on(timezone.localdate())


@login_required
def plan_achievement(request, pk: int):
    """The transparency page: every number of the plan's capaian traced to its inputs (§7.1)."""
    plan = get_plan(request, pk)
    checkpoint = checkpoint_from(request, plan.period)
    plan = with_progress(Plan.objects.filter(pk=plan.pk), checkpoint=checkpoint.number).get()
    context = {
        "plan": plan,
        "tab": "achievement",
        "report": plan_report(plan, checkpoint=checkpoint),
        "checkpoints": plan.period.checkpoints(),
        **roles_context(request, plan),
    }
    return render(request, "appraisal/plan_achievement.html", context)
