"""HR pages for appraisal periods: list, open a year, close and reopen with a reason."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.outcomes import Outcome
from org.access import hr_required

from ..forms.common import ReasonForm
from ..forms.periods import PeriodForm
from ..models import AppraisalPeriod, PeriodLog
from ..services import periods as services


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
def period_create(request):
    form = PeriodForm(request.POST)
    if form.is_valid():
        with Outcome(request, form=form) as outcome:
            period = services.period_create(acting_user=request.user, **form.cleaned_data)
            outcome.done = _("Periode %(year)s dibuka.") % {"year": period.year}
            return redirect("appraisal:period-list")
    return _render_list(request, form, status=400)


def _status_change(request, pk: int, service, done: str):
    period = get_object_or_404(AppraisalPeriod, pk=pk)
    form = ReasonForm(request.POST)
    with Outcome(request, done=done % {"year": period.year}):
        if not form.is_valid():
            raise ValidationError(form.errors["reason"])
        service(period=period, reason=form.cleaned_data["reason"], acting_user=request.user)
    return redirect("appraisal:period-list")


@hr_required
@require_POST
def period_close(request, pk: int):
    return _status_change(request, pk, services.period_close, _("Periode %(year)s ditutup."))


@hr_required
@require_POST
def period_reopen(request, pk: int):
    return _status_change(request, pk, services.period_reopen, _("Periode %(year)s dibuka kembali."))
