"""The AKPK page and its exports (docs/training-akpk.md), for HR and for unit heads over their unit.

Who sees which units is ``org.access.unit_scope``'s answer. The filter choices list only those
units, so any other value in the address is a link to something the reader may not see: 404, as for
an outsider everywhere in Kinerja. Someone who is neither HR nor a unit head gets 403.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from core.xlsx import xlsx_response
from org.access import default_unit, unit_scope, unit_scope_required

from .. import akpk
from ..akpk_documents import akpk_workbook, summary_response
from ..forms.akpk import AkpkFilterForm, BudgetForm

PER_PAGE = 25
VIEWS = ("organisasi", "unit", "jabatan", "individu", "rencana")


def _filters(request) -> tuple[AkpkFilterForm, akpk.Filters | None]:
    """The reader's filters inside their scope; ``None`` while no period exists."""
    scope = unit_scope(request.user)
    # A unit head reads their own unit by default, named as such in the filter, on the page and in the files.
    home = default_unit(request.user)
    form = AkpkFilterForm(request.GET, scope=scope, home=home)
    if not form.is_valid():
        raise Http404
    period = form.cleaned_data["periode"] or form.fields["periode"].queryset.first()
    if period is None:
        return form, None
    unit = form.cleaned_data["unit"] or home
    return form, akpk.Filters.within(period, scope, unit=unit, position_kind=form.cleaned_data["jenis"])


def _budget(request) -> tuple[BudgetForm, int | None]:
    form = BudgetForm(request.GET)
    return form, form.cleaned_data["anggaran"] if form.is_valid() else None


@unit_scope_required
def akpk_page(request):
    form, filters = _filters(request)
    view = request.GET.get("tampilan") if request.GET.get("tampilan") in VIEWS else VIEWS[0]
    context = {"form": form, "filters": filters, "view": view, "views": VIEWS}
    if filters is None:
        return render(request, "training/akpk.html", context)
    report = akpk.report(filters)
    context["report"] = report
    page_number = request.GET.get("page")
    if view == "individu":
        page = Paginator(akpk.need_rows(filters), PER_PAGE).get_page(page_number)
        context["rows"] = akpk.individual_rows(page.object_list, start=page.start_index())
    elif view == "rencana":
        budget_form, budget = _budget(request)
        plan = akpk.programme_plan(report, budget=budget) if budget_form.is_valid() else None
        page = Paginator(plan.rows if plan else [], PER_PAGE).get_page(page_number)
        context.update(budget_form=budget_form, plan=plan)
    else:
        rows = {"organisasi": report.targets, "unit": report.units, "jabatan": report.positions}[view]
        page = Paginator(rows, PER_PAGE).get_page(page_number)
    context["page"] = page
    return render(request, "training/akpk.html", context)


def _report(request) -> akpk.Report:
    _form, filters = _filters(request)
    if filters is None:
        raise Http404
    return akpk.report(filters)


@unit_scope_required
def akpk_export(request):
    """The AKPK workbook for the page's filters: individual, position and organisation sheets."""
    report = _report(request)
    filename = f"akpk-{report.filters.period.year}.xlsx"
    return xlsx_response(akpk_workbook(report), filename)


@unit_scope_required
def akpk_summary(request):
    """The leadership's summary as PDF; a valid budget on the page also plans within it."""
    report = _report(request)
    _form, budget = _budget(request)
    return summary_response(report, akpk.programme_plan(report, budget=budget))
