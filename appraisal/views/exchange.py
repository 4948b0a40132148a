"""Exchange files of appraisal (HR only): the SKP record for SIASN out and back, plans and evaluations."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils import timezone

from core.params import int_param
from core.xlsx import xlsx_response
from org.access import hr_required
from org.exporting import export_workbook, template_workbook
from org.views import import_upload_page

from ..exchange.skp import SKP_RECORDS, released_annual_results, skp_records
from ..exchange.workbooks import evaluations_workbook, plans_workbook
from ..forms.exchange import SkpRecordImportForm
from ..models import AppraisalPeriod


@hr_required
def exchange(request):
    """Exports of a year, and the upload that reads a SKP record file back (a check, docs/import-export.md)."""
    context = {"periods": AppraisalPeriod.objects.order_by("-year")}
    return import_upload_page(
        request,
        form_class=SkpRecordImportForm,
        template="appraisal/exchange.html",
        layouts=[SKP_RECORDS],
        context=context,
    )


def _period(request) -> AppraisalPeriod:
    return get_object_or_404(AppraisalPeriod, year=int_param(request, "tahun"))


@hr_required
def skp_record_export(request):
    period = _period(request)
    results = released_annual_results().filter(plan__period=period).order_by("plan__employee__name", "pk")
    content = export_workbook(SKP_RECORDS, skp_records(results.iterator(chunk_size=500)))
    return xlsx_response(content, f"skp-siasn-{period.year}.xlsx")


@hr_required
def skp_record_template(request):
    return xlsx_response(template_workbook(SKP_RECORDS), f"templat-{SKP_RECORDS.kind}.xlsx")


@hr_required
def plan_export(request):
    period = _period(request)
    return xlsx_response(plans_workbook(period), f"skp-{period.year}-{timezone.localdate():%Y%m%d}.xlsx")


@hr_required
def evaluation_export(request):
    period = _period(request)
    return xlsx_response(evaluations_workbook(period), f"evaluasi-{period.year}-{timezone.localdate():%Y%m%d}.xlsx")
