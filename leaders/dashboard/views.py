"""The HR dashboard, the list behind each of its numbers, its two reports, and an employee's own trend.

HR reads every unit; a unit head reads their unit with its sub-units (``org.access.unit_scope``); anyone
else gets 403. The filter lists only the units the reader may see, so any other unit in the address is
refused like any other bad filter: the page says so (400) and shows nothing.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render

from appraisal.predikat import Predikat
from appraisal.services.distribution import distribution_url
from core.xlsx import xlsx_response
from org.access import default_unit, employee_of, unit_scope, unit_scope_required
from scoring.models import PREDIKAT_ABBREVIATIONS
from training.forms.akpk import AkpkFilterForm

from . import figures, lists, reports, selectors
from .scope import Scope
from .trend import employee_trend

PER_PAGE = 25


def _scope(request) -> tuple[AkpkFilterForm, Scope | None]:
    """The reader's filters inside their scope; ``None`` for bad input or while no period exists."""
    scope = unit_scope(request.user)
    home = default_unit(request.user)
    form = AkpkFilterForm(request.GET, scope=scope, home=home)
    if not form.is_valid():
        return form, None
    period = form.cleaned_data["periode"] or form.fields["periode"].queryset.first()
    if period is None:
        return form, None
    unit = form.cleaned_data["unit"] or home
    return form, Scope.at_now(period=period, unit=unit, position_kind=form.cleaned_data["jenis"])


def _refused(request, template: str, form: AkpkFilterForm) -> HttpResponse:
    return render(request, template, {"form": form, "scope": None}, status=400 if form.errors else 200)


@unit_scope_required
def dashboard(request):
    form, scope = _scope(request)
    if scope is None:
        return _refused(request, "leaders/dashboard/dashboard.html", form)
    units = figures.row_units(scope)
    periods = figures.trend_periods(scope.period)
    context = {
        "form": form,
        "scope": scope,
        "query": scope.query(),
        "cards": selectors.cards(scope),
        "distribution": figures.distribution_rows(scope, units),
        "outside": [(row, distribution_url(row.unit, scope.period)) for row in figures.units_outside_pattern(scope)],
        "periods": periods,
        "scores": figures.score_rows(scope, units, periods),
        "needs": figures.needs_brief(scope),
        "predikat_columns": [(code, Predikat(code).label, short) for short, code in PREDIKAT_ABBREVIATIONS],
    }
    return render(request, "leaders/dashboard/dashboard.html", context)


@unit_scope_required
def item_list(request, kind: str):
    """One card's items, paginated, with the dashboard's filters (and the card's own, e.g. a checkpoint)."""
    if kind not in lists.KINDS:
        raise Http404
    form, scope = _scope(request)
    if scope is None:
        return _refused(request, "leaders/dashboard/list.html", form)
    listing = lists.KINDS[kind](scope, request)
    page = Paginator(listing.items, PER_PAGE).get_page(request.GET.get("page"))
    kept = [(name, request.GET[name]) for name in lists.OWN_PARAMETERS if request.GET.get(name)]
    context = {
        "form": form,
        "scope": scope,
        "listing": listing,
        "kind": kind,
        "page": page,
        "query": scope.query(),
        "extra_params": kept,
    }
    return render(request, "leaders/dashboard/list.html", context)


def _report_scope(request) -> Scope:
    _form, scope = _scope(request)
    if scope is None:
        raise Http404
    return scope


@unit_scope_required
def report_xlsx(request):
    scope = _report_scope(request)
    return xlsx_response(reports.workbook(scope), f"dasbor-sdm-{scope.period.year}.xlsx")


@unit_scope_required
def report_pdf(request):
    return reports.summary_response(_report_scope(request))


@login_required
def my_trend(request):
    """An employee's own composite score and predikat per period; a login without an employee gets 403."""
    me = employee_of(request.user)
    if me is None:
        raise PermissionDenied
    return render(request, "leaders/dashboard/my_trend.html", {"employee": me, "trend": employee_trend(me)})
