"""The distribution page (domain.md §1.6): a unit's predikat against its organisation result's pattern."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.outcomes import Outcome
from core.params import int_param
from org.models import Unit

from ..distribution import OrgResult
from ..forms.distribution import OrgResultForm
from ..models import AppraisalPeriod, Evaluation
from ..permissions import can_set_org_result
from ..predikat import Predikat
from ..selectors import current_period, distribution_units, unit_distribution
from ..services import distribution as services

PICK_RESULT = _("Pilih capaian kinerja organisasi.")


def _period(request) -> AppraisalPeriod:
    year = int_param(request, "tahun")
    if year is not None:
        return get_object_or_404(AppraisalPeriod, year=year)
    period = current_period(today=timezone.localdate())
    if period is None:
        raise Http404
    return period


def _bars(state) -> list[dict]:
    counts = state.counts
    total = sum(counts.values())
    return [
        {"code": code, "label": label, "count": counts.get(code, 0),
         "share": counts.get(code, 0) * 100 / total if total else 0}
        for code, label in Predikat.choices
    ]  # fmt: skip


@login_required
def distribution_detail(request):
    units = distribution_units(request.user)
    if not units:
        raise PermissionDenied
    chosen = int_param(request, "unit")
    unit = next((u for u in units if u.pk == chosen), None) if chosen is not None else units[0]
    if unit is None:
        raise Http404
    period = _period(request)
    state = unit_distribution(unit=unit, period=period)
    evaluations = Evaluation.objects.filter(kind=Evaluation.Kind.ANNUAL, plan__period=period, plan__unit=unit)
    context = {
        "units": units,
        "unit": unit,
        "period": period,
        "periods": AppraisalPeriod.objects.order_by("-year"),
        "state": state,
        "bars": _bars(state),
        "evaluations": evaluations.select_related("plan__employee").order_by("plan__employee__name"),
        "form": OrgResultForm(initial={"result": state.org_result.result if state.org_result else OrgResult.BAIK})
        if can_set_org_result(request.user, unit) and period.is_open
        else None,
    }
    return render(request, "appraisal/distribution_detail.html", context)


@login_required
@require_POST
def org_result_set(request):
    unit = get_object_or_404(Unit, pk=request.POST.get("unit") or 0)
    period = get_object_or_404(AppraisalPeriod, pk=request.POST.get("period") or 0)
    if not can_set_org_result(request.user, unit):
        raise PermissionDenied
    form = OrgResultForm(request.POST)
    with Outcome(request, done=_("Capaian kinerja organisasi disimpan.")):
        if not form.is_valid():
            raise ValidationError(PICK_RESULT)
        services.org_result_set(unit=unit, period=period, acting_user=request.user, **form.cleaned_data)
    return redirect(services.distribution_url(unit, period))
