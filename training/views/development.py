"""The development pages (issue 12 points 5, 6 and 8): the employee's development page, the
supervisor's team view, the reviewers' decisions and HR's below-20-JP list.

Views fetch with an access check (someone who may not see the employee gets 404), hand the form to a
service in ``training.decisions`` and redirect; a refused form is shown again with what was typed.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.downloads import private_attachment
from core.outcomes import Outcome, flash_errors
from org.access import can_view_employee, employee_of, hr_required, is_supervisor
from org.models import Employee
from org.selectors import reports_of, unit_subtree_ids

from .. import decisions, development
from ..forms.development import (
    DevelopmentRecordForm,
    OptionalReasonForm,
    ReasonForm,
    RecordOutcomeFormSet,
    ReplaceForm,
    ShortfallFilterForm,
)
from ..models import DevelopmentRecord, DevelopmentRecordLog, Recommendation, RecommendationLog
from ..workflows import RECOMMENDATION_WORKFLOW, RECORD_WORKFLOW

PER_PAGE = 25
RECORD_SAVED = _("Kegiatan dicatat dan menunggu verifikasi atasan.")
DONE = {
    RecommendationLog.Action.ACCEPT: _("Rekomendasi diterima."),
    RecommendationLog.Action.REPLACE: _("Rekomendasi diganti dengan program lain."),
    RecommendationLog.Action.DISMISS: _("Rekomendasi ditolak."),
    DevelopmentRecordLog.Action.VERIFY: _("Catatan diverifikasi; JP-nya dihitung."),
    DevelopmentRecordLog.Action.REJECT: _("Catatan ditolak."),
}


# --- The employee's page --------------------------------------------------------------------------


@login_required
def my_development(request):
    """The employee's own page; posting it records a completed activity."""
    me = employee_of(request.user)
    if me is None:
        raise Http404
    data = request.POST if request.method == "POST" else None
    form = DevelopmentRecordForm(data, request.FILES or None)
    outcomes = RecordOutcomeFormSet(data, prefix="outcome")
    if data is not None and form.is_valid() and outcomes.is_valid():
        with Outcome(request, done=RECORD_SAVED, form=form):
            decisions.development_record_submit(form=form, outcomes=outcomes, employee=me, acting_user=request.user)
            return redirect("training:my-development")
    invalid = bool(form.errors or outcomes.total_error_count())
    return _development_page(request, me, status=400 if invalid else 200, form=form, outcomes=outcomes)


@login_required
def employee_development(request, pk: int):
    """The same page as a supervisor or HR sees it, with the decisions they may take; the employee
    themself is sent to their own page, where they can record an activity."""
    employee = get_object_or_404(Employee.objects.select_related("position", "unit"), pk=pk)
    if not can_view_employee(request.user, employee):
        raise Http404
    if employee_of(request.user) == employee:
        return redirect("training:my-development")
    return _development_page(request, employee)


def _development_page(request, employee: Employee, status: int = 200, **forms):
    recommendations = development.recommendation_list(employee)
    ledger = development.ledger(employee, year=timezone.localdate().year)
    context = {
        "employee": employee,
        "own": employee_of(request.user) == employee,
        "profile": development.profiles([employee])[employee.pk],
        "recommendations": [(r, RECOMMENDATION_WORKFLOW.available(r, request.user)) for r in recommendations],
        "ledger": ledger,
        "records": [(r, RECORD_WORKFLOW.available(r, request.user)) for r in ledger.records],
        **forms,
    }
    return render(request, "training/development_detail.html", context, status=status)


# --- The supervisor's team ------------------------------------------------------------------------


@login_required
def team(request):
    """Every subordinate's gaps, proposed recommendations and records awaiting verification."""
    if not is_supervisor(request.user):
        raise PermissionDenied
    found = development.team(reports_of(employee_of(request.user)))
    return render(request, "training/team.html", {"members": found.members, "team_jpm": found.jpm})


# --- Decisions ------------------------------------------------------------------------------------


def _recommendation(request, pk: int) -> Recommendation:
    recommendation = get_object_or_404(
        Recommendation.objects.select_related("employee__supervisor", "programme__form", "period"), pk=pk
    )
    if not can_view_employee(request.user, recommendation.employee):
        raise Http404
    return recommendation


def _record(request, pk: int) -> DevelopmentRecord:
    record = get_object_or_404(DevelopmentRecord.objects.select_related("employee__supervisor", "form"), pk=pk)
    if not can_view_employee(request.user, record.employee):
        raise Http404
    return record


def _back(request, employee: Employee):
    """Where the reviewer came from (the team view or the employee's page), never another site."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("training:employee-development", employee.pk)


@login_required
@require_POST
def recommendation_accept(request, pk: int):
    recommendation = _recommendation(request, pk)
    form = OptionalReasonForm(request.POST)
    with Outcome(request, done=DONE[RecommendationLog.Action.ACCEPT]):
        reason = form.reason_or_refusal()
        decisions.recommendation_accept(recommendation=recommendation, reason=reason, acting_user=request.user)
    return _back(request, recommendation.employee)


@login_required
@require_POST
def record_verify(request, pk: int):
    record = _record(request, pk)
    with Outcome(request, done=DONE[DevelopmentRecordLog.Action.VERIFY]):
        decisions.development_record_verify(record=record, acting_user=request.user)
    return _back(request, record.employee)


@login_required
def recommendation_replace(request, pk: int):
    recommendation = _recommendation(request, pk)
    form = ReplaceForm(request.POST or None, exclude=recommendation.programme_id)
    return _decision_page(
        request,
        recommendation,
        RECOMMENDATION_WORKFLOW,
        RecommendationLog.Action.REPLACE,
        form,
        lambda data: decisions.recommendation_replace(recommendation=recommendation, acting_user=request.user, **data),
    )


@login_required
def recommendation_dismiss(request, pk: int):
    """The confirmation page of a dismissal, with its reason."""
    recommendation = _recommendation(request, pk)
    return _decision_page(
        request,
        recommendation,
        RECOMMENDATION_WORKFLOW,
        RecommendationLog.Action.DISMISS,
        ReasonForm(request.POST or None),
        lambda data: decisions.recommendation_dismiss(recommendation=recommendation, acting_user=request.user, **data),
    )


@login_required
def record_reject(request, pk: int):
    record = _record(request, pk)
    return _decision_page(
        request,
        record,
        RECORD_WORKFLOW,
        DevelopmentRecordLog.Action.REJECT,
        ReasonForm(request.POST or None),
        lambda data: decisions.development_record_reject(record=record, acting_user=request.user, **data),
    )


def _decision_page(request, obj, flow, action: str, form, step):
    """A decision that needs words: the form and what it is about; a refusal keeps what was typed."""
    try:
        flow.check(obj, action, request.user)
    except ValidationError as refusal:
        flash_errors(request, refusal)
        return _back(request, obj.employee)
    if request.method == "POST" and form.is_valid():
        with Outcome(request, done=DONE[action], form=form):
            step(form.cleaned_data)
            return _back(request, obj.employee)
    context = {"object": obj, "action": action, "form": form, "next": request.GET.get("next", "")}
    return render(request, "training/decision_form.html", context, status=400 if form.errors else 200)


@login_required
def record_certificate(request, pk: int):
    """Served to those who may see the employee; always as an attachment, never rendered inline."""
    record = _record(request, pk)
    if not record.certificate:
        raise Http404
    return private_attachment(
        record.certificate, filename=record.certificate_name, content_type=record.certificate_type
    )


# --- HR's list of those below 20 JP ---------------------------------------------------------------


@hr_required
def shortfall_list(request):
    """Who is below the minimum JP in a period's year, with what their accepted programmes would bring."""
    filters = ShortfallFilterForm(request.GET or None)
    period, unit = filters.chosen()
    rows = development.shortfall_list(period, unit_ids=unit_subtree_ids(unit) if unit else None) if period else []
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = development.shortfall_rows(page.object_list)
    context = {"filters": filters, "period": period, "unit": unit, "page": page, "minimum": development.minimum_jp()}
    return render(request, "training/shortfall_list.html", context)
