"""Results for HR (all units) and unit heads (their subtree): IKM, grade, comparisons, review, exports."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.outcomes import Outcome
from core.params import parse_int
from org.access import hr_required, is_hr
from org.models import Unit
from org.selectors import unit_subtree_ids

from .. import exports, services
from ..access import can_manage_unit, get_managed_unit, survey_manager_required
from ..forms.results import PeriodForm, ReasonForm
from ..ikm import grade_bands
from ..models import Response, Service
from ..reports import unit_report
from ..selectors import comparison_units, responses_in, unit_comparison

RESPONSES_PER_PAGE = 30
RESPONSE_FILTERS = {
    "dicurigai": {"suspicious_reason__gt": ""},
    "dikecualikan": {"excluded_at__isnull": False},
    "dihitung": {"excluded_at__isnull": True},
}
RESPONSE_FILTER_LABELS = [
    ("dicurigai", _("Dicurigai")),
    ("dikecualikan", _("Dikecualikan")),
    ("dihitung", _("Dihitung")),
    ("semua", _("Semua")),
]
EXCLUDED_MESSAGE = _("Respons dikecualikan dari perhitungan. Datanya tetap disimpan.")
EXCLUDED_MANY = _("%(count)s respons dikecualikan dari perhitungan. Datanya tetap disimpan.")
NOTHING_CHOSEN = _("Pilih respons yang akan dikecualikan dan tulis alasannya.")
INCLUDED_MESSAGE = _("Respons dihitung kembali.")


@survey_manager_required
def result_index(request):
    """The units the user may see, side by side for the chosen period (comparison between units)."""
    form = PeriodForm(request.GET or None)
    period = form.period()
    rows = unit_comparison(units=comparison_units(request.user, root=None), start=period.start, end=period.end)
    chart = {
        "labels": [unit.name for unit, _result in rows],
        "values": [float(result.score) if result.score is not None else None for _unit, result in rows],
    }
    context = {"form": form, "period": period, "rows": rows, "rows_chart": chart}
    return render(request, "surveys/result_index.html", context)


def _report_for(request, unit_code: str):
    unit = get_managed_unit(request.user, unit_code)
    form = PeriodForm(request.GET or None)
    service = None
    if slug := request.GET.get("layanan"):
        service = get_object_or_404(Service, unit=unit, slug=slug)
    report = unit_report(
        unit=unit,
        period=form.period(),
        include_subunits=form.include_subunits(),
        service=service,
        population=form.population_size(),
    )
    return form, report


@survey_manager_required
def result_detail(request, unit_code: str):
    form, report = _report_for(request, unit_code)
    context = {
        "form": form,
        "report": report,
        "result": report.result,
        "services": report.unit.services.order_by("name"),
        "chart": _chart_data(report),
        "can_review": is_hr(request.user),
        # A sub-unit's head sees the OPD above by name only: its results are not theirs (404).
        "parent_visible": report.unit.parent is not None and can_manage_unit(request.user, report.unit.parent),
        "grade_bands": grade_bands(),
        "service_rows": [(_service_label(service, report.unit), result) for service, result in report.by_service],
    }
    return render(request, "surveys/result_detail.html", context)


def _service_label(service: Service | None, unit) -> str | None:
    """A sub-unit's service is named with its unit: several puskesmas all offer "Imunisasi"."""
    if service is None or service.unit_id == unit.pk:
        return service and service.name
    return f"{service.name} · {service.unit.name}"


def _chart_data(report) -> dict:
    return {
        "elements": {
            "labels": [f"{e.code} {e.name}" for e in report.result.elements],
            "values": [float(e.nrr) if e.nrr is not None else None for e in report.result.elements],
            "priorities": [e.code for e in report.result.priorities],
        },
        "months": {
            "labels": [month.strftime("%Y-%m") for month, _result in report.by_month],
            "values": [float(r.score) if r.score is not None else None for _month, r in report.by_month],
        },
        "quarters": {
            "labels": [label for label, _result in report.by_quarter],
            "values": [float(r.score) if r.score is not None else None for _label, r in report.by_quarter],
        },
    }


@survey_manager_required
def result_export_report(request, unit_code: str):
    _form, report = _report_for(request, unit_code)
    return _xlsx(exports.report_xlsx(report), f"ikm-{report.unit.code}-{report.period.start}-{report.period.end}")


@survey_manager_required
def result_export_responses(request, unit_code: str):
    _form, report = _report_for(request, unit_code)
    responses = responses_in(
        unit=report.unit, start=report.period.start, end=report.period.end, include_subunits=report.include_subunits
    )
    if report.service is not None:
        responses = responses.filter(service=report.service)
    return _xlsx(exports.responses_xlsx(responses), f"respons-{report.unit.code}-{report.period.start}")


def _xlsx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=exports.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{slugify(name)}.xlsx"'
    return response


@survey_manager_required
def response_list(request, unit_code: str):
    """The responses behind the index, to review flagged bursts; HR may exclude or re-include them."""
    unit = get_managed_unit(request.user, unit_code)
    form = PeriodForm(request.GET or None)
    period = form.period()
    shown = request.GET.get("tampil", "dicurigai")
    responses = responses_in(
        unit=unit, start=period.start, end=period.end, include_subunits=form.include_subunits()
    ).select_related("unit", "service", "officer", "excluded_by")
    responses = responses.filter(**RESPONSE_FILTERS.get(shown, {}))
    page = Paginator(responses, RESPONSES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "unit": unit,
        "filters": RESPONSE_FILTER_LABELS,
        "form": form,
        "period": period,
        "page": page,
        "shown": shown,
        "can_review": is_hr(request.user),
    }
    return render(request, "surveys/response_list.html", context)


def _reviewable(request, pk: int) -> Response:
    """HR only; a unit head may read the list but not change what counts (403), outsiders get 404."""
    response = get_object_or_404(Response.objects.select_related("unit"), pk=pk)
    if not can_manage_unit(request.user, response.unit):
        raise Http404
    if not is_hr(request.user):
        raise PermissionDenied
    return response


def _back_to_list(request, unit: Unit):
    """The response list again, with the filters the reviewer had chosen."""
    query = QueryDict(request.POST.get("query", "")).urlencode()
    return redirect(reverse("surveys:response-list", args=[unit.code]) + (f"?{query}" if query else ""))


def _review(request, pk: int, service, done_message):
    response = _reviewable(request, pk)
    form = ReasonForm(request.POST)
    with Outcome(request, done=done_message):
        if not form.is_valid():
            raise ValidationError([error for errors in form.errors.values() for error in errors])
        service(response=response, reason=form.cleaned_data["reason"], acting_user=request.user)
    return _back_to_list(request, response.unit)


@survey_manager_required
@require_POST
def response_exclude(request, pk: int):
    return _review(request, pk, services.response_exclude, EXCLUDED_MESSAGE)


@survey_manager_required
@require_POST
def response_include(request, pk: int):
    return _review(request, pk, services.response_include, INCLUDED_MESSAGE)


@hr_required
@require_POST
def response_exclude_many(request, unit_code: str):
    """Exclude the ticked responses of a unit (a reviewed burst) with one reason."""
    unit = get_object_or_404(Unit, code=unit_code)
    form = ReasonForm(request.POST)
    ids = [number for pk in request.POST.getlist("ids") if (number := parse_int(pk)) is not None]
    with Outcome(request) as outcome:
        if not form.is_valid() or not ids:
            raise ValidationError(NOTHING_CHOSEN)
        chosen = Response.objects.filter(pk__in=ids, unit_id__in=unit_subtree_ids(unit))
        count = services.responses_exclude(
            responses=chosen, reason=form.cleaned_data["reason"], acting_user=request.user
        )
        outcome.done = EXCLUDED_MANY % {"count": count}
    return _back_to_list(request, unit)
