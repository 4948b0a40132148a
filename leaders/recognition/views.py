"""Recognition and coaching pages (docs/leaders.md, "Recognition and coaching").

The lists and the nominations are HR's and a unit head's over their unit (``org.access.unit_scope``);
a unit outside the reader's scope, or a person who is not on the list the link claims, is 404. Records
of one person (a nomination, a coaching plan) are seen by the person, their supervisors, the heads
above them and HR; anyone else gets 404, and someone who may see a record but not act on it 403.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from appraisal.models import AppraisalPeriod
from core.outcomes import Outcome, flash_errors
from core.xlsx import xlsx_response
from org.access import default_unit, employee_of, is_hr, is_supervisor, reads_unit, unit_scope, unit_scope_required
from org.models import Employee, Unit
from org.selectors import reports_of
from training.forms.development import OptionalReasonForm, ReasonForm

from ..models import CoachingPlan, Nomination, NominationLog
from . import selectors, services
from .access import may_coach, may_see_employee_record, may_see_nomination, may_see_plan
from .documents import certificate_response, lists_workbook, scope_label
from .forms import LISTS, CoachingPlanForm, FollowUpForm, ListFilterForm, NominationForm
from .workflows import NOMINATION_WORKFLOW

PER_PAGE = 25
NOMINATED = _("Usulan penghargaan dikirim ke BKPSDM.")
APPROVED = _("Usulan penghargaan disetujui; piagam dapat diunduh.")
REJECTED = _("Usulan penghargaan ditolak.")
PLAN_SAVED = _("Rencana pembinaan disimpan.")
FOLLOW_UP_SAVED = _("Tindak lanjut dicatat.")


# --- The lists ------------------------------------------------------------------------------------


def _lists(request) -> tuple[ListFilterForm, selectors.Lists | None, Unit | None]:
    """The reader's filters inside their scope and the lists they select; ``None`` while no period exists."""
    scope = unit_scope(request.user)
    home = default_unit(request.user)
    form = ListFilterForm(request.GET, scope=scope, home=home)
    if not form.is_valid():
        raise Http404
    period = form.cleaned_data["periode"] or form.fields["periode"].queryset.first()
    if period is None:
        return form, None, None
    unit = form.cleaned_data["unit"]
    groups = [unit] if unit else selectors.default_groups(scope, home)
    lists = selectors.recognition_lists(period=period, groups=groups, position_kind=form.cleaned_data["jenis"])
    return form, lists, unit or (groups[0] if scope is not None and groups else None)


@unit_scope_required
def lists_page(request):
    form, lists, unit = _lists(request)
    which = form.cleaned_data["daftar"] or LISTS[0]
    context = {"form": form, "lists": lists, "unit": unit, "which": which, "is_hr": is_hr(request.user)}
    if lists is not None:
        rows = lists.top if which == LISTS[0] else lists.coaching
        page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
        context.update(page=page, writable=_coachable(request, page.object_list))
    return render(request, "leaders/recognition/lists.html", context)


def _coachable(request, rows) -> set[int]:
    return {row.employee.pk for row in rows if may_coach(request.user, row.employee)}


@unit_scope_required
def lists_export(request):
    form, lists, unit = _lists(request)
    if lists is None:
        raise Http404
    which = form.cleaned_data["daftar"] or LISTS[0]
    scope = scope_label(unit.name if unit else None, form.cleaned_data["jenis"])
    filename = f"{'pegawai-terbaik' if which == LISTS[0] else 'daftar-pembinaan'}-{lists.period.year}.xlsx"
    return xlsx_response(lists_workbook(lists, which=which, scope=scope), filename)


# --- Nominations ----------------------------------------------------------------------------------


@unit_scope_required
def nomination_create(request, period_pk: int, unit_pk: int, employee_pk: int):
    """A top performer of a unit the reader may read; anyone else is not a link this page makes (404)."""
    period = get_object_or_404(AppraisalPeriod, pk=period_pk)
    unit = get_object_or_404(Unit, pk=unit_pk)
    employee = get_object_or_404(Employee.objects.select_related("position", "unit"), pk=employee_pk)
    if not reads_unit(request.user, unit.pk):
        raise Http404
    row = selectors.top_performer(period=period, unit=unit, employee=employee)
    if row is None:
        raise Http404
    form = NominationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with Outcome(request, done=NOMINATED, form=form):
            nomination = services.nomination_create(
                period=period, unit=unit, employee=employee, acting_user=request.user, **form.cleaned_data
            )
            return redirect("leaders:nomination-detail", pk=nomination.pk)
    context = {"form": form, "row": row, "period": period, "unit": unit}
    return render(request, "leaders/recognition/nomination_form.html", context, status=400 if form.errors else 200)


@unit_scope_required
def nomination_list(request):
    rows = selectors.nominations_visible(scope=unit_scope(request.user))
    status = request.GET.get("status")
    if status in Nomination.Status.values:
        rows = rows.filter(status=status)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "status": status, "statuses": Nomination.Status.choices}
    return render(request, "leaders/recognition/nomination_list.html", context)


def _nomination(request, pk: int) -> Nomination:
    nomination = get_object_or_404(
        Nomination.objects.select_related(
            "employee__position", "employee__unit", "employee__supervisor", "unit", "period", "nominated_by__employee"
        ),
        pk=pk,
    )
    if not may_see_nomination(request.user, nomination):
        raise Http404
    return nomination


@login_required
def nomination_detail(request, pk: int):
    nomination = _nomination(request, pk)
    context = {
        "nomination": nomination,
        "logs": nomination.logs.select_related("actor__employee"),
        "actions": NOMINATION_WORKFLOW.available(nomination, request.user),
        "approve_form": OptionalReasonForm(),
    }
    return render(request, "leaders/recognition/nomination_detail.html", context)


@login_required
@require_POST
def nomination_approve(request, pk: int):
    nomination = _nomination(request, pk)
    form = OptionalReasonForm(request.POST)
    with Outcome(request, done=APPROVED):
        reason = form.reason_or_refusal()
        services.nomination_approve(nomination=nomination, reason=reason, acting_user=request.user)
    return redirect("leaders:nomination-detail", pk=nomination.pk)


@login_required
def nomination_reject(request, pk: int):
    """The confirmation page of a rejection, with its reason; a refused form keeps what was typed."""
    nomination = _nomination(request, pk)
    try:
        NOMINATION_WORKFLOW.check(nomination, NominationLog.Action.REJECT, request.user)
    except ValidationError as refusal:
        flash_errors(request, refusal)
        return redirect("leaders:nomination-detail", pk=nomination.pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with Outcome(request, done=REJECTED, form=form):
            services.nomination_reject(nomination=nomination, acting_user=request.user, **form.cleaned_data)
            return redirect("leaders:nomination-detail", pk=nomination.pk)
    context = {"nomination": nomination, "form": form}
    return render(request, "leaders/recognition/reject_form.html", context, status=400 if form.errors else 200)


@login_required
def award_certificate(request, pk: int):
    nomination = _nomination(request, pk)
    if nomination.status != Nomination.Status.APPROVED:
        raise Http404
    return certificate_response(nomination)


# --- Coaching plans -------------------------------------------------------------------------------


def _may_write(request, employee: Employee) -> None:
    """404 for those who may not see the employee's records, 403 for those who see but may not write."""
    if may_coach(request.user, employee):
        return
    raise PermissionDenied if may_see_employee_record(request.user, employee) else Http404


@login_required
def coaching_plan_create(request, period_pk: int, employee_pk: int):
    period = get_object_or_404(AppraisalPeriod, pk=period_pk)
    employee = get_object_or_404(Employee.objects.select_related("unit", "position", "supervisor"), pk=employee_pk)
    _may_write(request, employee)
    if existing := CoachingPlan.objects.filter(period=period, employee=employee).first():
        return redirect("leaders:coaching-plan-detail", pk=existing.pk)
    row = selectors.coaching_row(period=period, employee=employee)
    if row is None:
        raise Http404
    form = CoachingPlanForm(request.POST or None, employee=employee, coach=employee_of(request.user))
    if request.method == "POST" and form.is_valid():
        with Outcome(request, done=PLAN_SAVED, form=form):
            plan = services.coaching_plan_create(
                period=period, employee=employee, acting_user=request.user, **form.cleaned_data
            )
            return redirect("leaders:coaching-plan-detail", pk=plan.pk)
    context = {"form": form, "row": row, "period": period, "employee": employee}
    return render(request, "leaders/recognition/coaching_plan_form.html", context, status=400 if form.errors else 200)


def _plan(request, pk: int) -> CoachingPlan:
    plan = get_object_or_404(
        CoachingPlan.objects.select_related(
            "employee__position", "employee__unit", "employee__supervisor", "coach", "period", "created_by__employee"
        ),
        pk=pk,
    )
    if not may_see_plan(request.user, plan):
        raise Http404
    return plan


@login_required
def coaching_plan_detail(request, pk: int):
    plan = _plan(request, pk)
    context = {"plan": plan, "writable": may_coach(request.user, plan.employee)}
    return render(request, "leaders/recognition/coaching_plan_detail.html", context)


@login_required
def coaching_follow_up(request, pk: int):
    plan = _plan(request, pk)
    _may_write(request, plan.employee)
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with Outcome(request, done=FOLLOW_UP_SAVED, form=form):
            services.coaching_follow_up(plan=plan, acting_user=request.user, **form.cleaned_data)
            return redirect("leaders:coaching-plan-detail", pk=plan.pk)
    context = {"plan": plan, "form": form}
    return render(request, "leaders/recognition/follow_up_form.html", context, status=400 if form.errors else 200)


@login_required
def coaching_team(request):
    """A supervisor's people on the coaching list of the latest period; HR reads the full list instead."""
    if is_hr(request.user):
        return redirect(f"{reverse('leaders:recognition-lists')}?daftar=pembinaan")
    if not is_supervisor(request.user):
        raise PermissionDenied
    period = AppraisalPeriod.objects.order_by("-year").first()
    rows = selectors.team_coaching(period=period, team=reports_of(employee_of(request.user))) if period else []
    return render(request, "leaders/recognition/coaching_team.html", {"period": period, "rows": rows})


@login_required
def my_recognition(request):
    """The employee's own coaching plans and awards."""
    me = employee_of(request.user)
    if me is None:
        raise PermissionDenied
    plans, awards = selectors.records_of(me)
    return render(request, "leaders/recognition/my_recognition.html", {"plans": plans, "awards": awards})
