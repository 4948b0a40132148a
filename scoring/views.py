"""Score pages: HR's period overview with the recompute button, and each employee's own scores."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from appraisal.models import AppraisalPeriod
from core.outcomes import Outcome
from core.params import int_param
from org.access import can_view_employee, employee_of, hr_required
from org.models import Employee, Unit

from . import selectors
from .forms import ScoringRulesForm
from .models import PREDIKAT_ABBREVIATIONS, ScoreRun
from .services import score_run_request, scoring_rules_update

SCORES_PER_PAGE = 50


@hr_required
def period_list(request):
    return render(request, "scoring/period_list.html", {"periods": selectors.periods_with_computed_at()})


def _chosen_checkpoint(request, period: AppraisalPeriod) -> int:
    numbers = [checkpoint.number for checkpoint in period.checkpoints()]
    computed = period.unit_scores.order_by("-checkpoint").values_list("checkpoint", flat=True).first()
    chosen = int_param(request, "titik")
    return chosen if chosen in numbers else computed or numbers[0]


@hr_required
def period_scores(request, pk: int):
    period = get_object_or_404(AppraisalPeriod, pk=pk)
    checkpoint = _chosen_checkpoint(request, period)
    unit_id = int_param(request, "unit")
    unit = Unit.objects.filter(pk=unit_id).first() if unit_id is not None else None
    scores = selectors.employee_scores(period=period, checkpoint=checkpoint, unit=unit)
    context = {
        "period": period,
        "checkpoint": checkpoint,
        "checkpoints": period.checkpoints(),
        "unit": unit,
        "units": Unit.objects.filter(parent__isnull=True).order_by("code"),
        "page": Paginator(scores, SCORES_PER_PAGE).get_page(request.GET.get("page")),
        "unit_scores": selectors.top_unit_scores(period=period, checkpoint=checkpoint),
        "computed_at": selectors.last_computed_at(period),
        "last_run": selectors.last_period_run(period),
        "predikat_abbreviations": PREDIKAT_ABBREVIATIONS,
        "runs": selectors.latest_runs(period=period),
    }
    return render(request, "scoring/period_scores.html", context)


@hr_required
@require_POST
def run_start(request, pk: int):
    period = get_object_or_404(AppraisalPeriod, pk=pk)
    run = score_run_request(period=period, acting_user=request.user)
    messages.info(request, _("Penghitungan ulang skor periode %(period)s dimulai.") % {"period": period})
    return redirect("scoring:run-detail", pk=run.pk)


@hr_required
def rules_edit(request, pk: int):
    """HR's page for a period's weights, points and achievement rules, with who changed what."""
    period = get_object_or_404(AppraisalPeriod, pk=pk)
    form = ScoringRulesForm(request.POST or None, policy=selectors.policy_of(period), period=period)
    if request.method == "POST" and form.is_valid():
        with Outcome(request, form=form) as outcome:
            history = scoring_rules_update(period=period, values=form.cleaned_data, acting_user=request.user)
            saved = _("Aturan skor disimpan; seluruh skor periode ini dihitung ulang.")
            outcome.done = saved if history else _("Tidak ada aturan yang berubah.")
            return redirect("scoring:rules-edit", pk=period.pk)
    context = {"period": period, "form": form, "changes": selectors.rules_changes(period=period)}
    return render(request, "scoring/rules_edit.html", context, status=400 if form.errors else 200)


def _run_context(pk: int) -> dict:
    """Everything from the stored run: the page never asks the broker, so it answers while Redis is down."""
    run = get_object_or_404(ScoreRun.objects.select_related("period", "requested_by", "retry", "retry_of"), pk=pk)
    return {"run": run, "stale": run.is_stale(at=timezone.now()), "max_attempts": settings.SCORING_RUN_MAX_ATTEMPTS}


@hr_required
def run_detail(request, pk: int):
    return render(request, "scoring/run_detail.html", _run_context(pk))


@hr_required
def run_status(request, pk: int):
    """The progress partial that the run page polls (htmx) until the run is over, done or failed."""
    return render(request, "scoring/includes/run_status.html", _run_context(pk))


@login_required
def employee_scores(request, pk: int):
    employee = get_object_or_404(Employee.objects.select_related("unit", "position", "supervisor"), pk=pk)
    if not can_view_employee(request.user, employee):
        raise Http404
    context = {"employee": employee, "scores": selectors.scores_of(employee)}
    return render(request, "scoring/employee_scores.html", context)


@login_required
def my_scores(request):
    me = employee_of(request.user)
    if me is None:
        raise PermissionDenied
    return redirect("scoring:employee-scores", pk=me.pk)
