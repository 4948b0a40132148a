"""HR pages for appraisal periods: list, open a year, close and reopen with a reason."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from org.access import hr_required

from ..forms import PeriodForm, ReasonForm
from ..models import AppraisalPeriod, PeriodLog
from ..services.periods import period_close, period_create, period_reopen
from .common import flash_errors


def _render_list(request, form: PeriodForm | None = None, status: int = 200):
    periods = AppraisalPeriod.objects.prefetch_related(
        Prefetch("logs", queryset=PeriodLog.objects.select_related("actor").order_by("-created_at", "-pk"))
    )
    context = {"periods": periods, "form": form or PeriodForm(), "reason_form": ReasonForm()}
    return render(request, "appraisal/period_list.html", context, status=status)


@hr_required
def period_list(request):
    return _render_list(request)


@hr_required
@require_POST
def period_create_view(request):
    form = PeriodForm(request.POST)
    if not form.is_valid():
        return _render_list(request, form, status=400)
    try:
        period = period_create(acting_user=request.user, **form.cleaned_data)
    except ValidationError as exc:
        form.add_error(None, exc)
        return _render_list(request, form, status=400)
    messages.success(request, _("Periode %(year)s dibuka.") % {"year": period.year})
    return redirect("appraisal:period-list")


def _status_change(request, pk: int, service, done: str):
    period = get_object_or_404(AppraisalPeriod, pk=pk)
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["reason"])
        service(period=period, reason=form.cleaned_data["reason"], acting_user=request.user)
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, done % {"year": period.year})
    return redirect("appraisal:period-list")


@hr_required
@require_POST
def period_close_view(request, pk: int):
    return _status_change(request, pk, period_close, _("Periode %(year)s ditutup."))


@hr_required
@require_POST
def period_reopen_view(request, pk: int):
    return _status_change(request, pk, period_reopen, _("Periode %(year)s dibuka kembali."))
