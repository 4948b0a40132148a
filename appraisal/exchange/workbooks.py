"""Plans and evaluations of one year as XLSX for the Pemda's own spreadsheets (HR only).

One row per indicator (plans) or per evaluation; labels in the reader's language, NIPs as text,
numbers as numbers, and every cell through ``core.xlsx`` so nothing in them is ever a formula.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from openpyxl.styles import Font

from core.xlsx import XlsxWriter

from ..models import AppraisalPeriod, Evaluation, Indicator, Plan, WorkResult
from ..predikat import Predikat, Rating

BOLD = Font(bold=True)


def plans_workbook(period: AppraisalPeriod) -> bytes:
    writer = XlsxWriter()
    sheet = writer.add_sheet(_("SKP %(year)s") % {"year": period.year})
    sheet.worksheet.freeze_panes = "A2"
    headers = [
        _("NIP"),
        _("Nama"),
        _("Unit kerja"),
        _("Jabatan"),
        _("Status SKP"),
        _("Bagian"),
        _("Rencana hasil kerja"),
    ]
    headers += [_("Indikator kinerja individu"), _("Target"), _("Target batas bawah"), _("Target batas atas")]
    sheet.append([*headers, _("Satuan"), _("Bobot")], font=BOLD)
    indicators = Prefetch("indicators", queryset=Indicator.objects.order_by("order", "pk"))
    results = Prefetch(
        "work_results", queryset=WorkResult.objects.order_by("section", "order", "pk").prefetch_related(indicators)
    )
    plans = (
        Plan.objects.filter(period=period)
        .select_related("employee", "unit", "position")
        .prefetch_related(results)
        .order_by("unit__code", "employee__name", "pk")
    )
    for plan in plans.iterator(chunk_size=500):
        person = [plan.employee.nip, plan.employee.full_name, plan.unit.name, plan.position.name]
        person.append(plan.get_status_display())
        for result in plan.work_results.all():
            for indicator in result.indicators.all():
                targets = [indicator.target_value, indicator.target_low, indicator.target_high]
                sheet.append(
                    [
                        *person,
                        result.get_section_display(),
                        result.text,
                        indicator.description,
                        *targets,
                        indicator.unit,
                        indicator.weight,
                    ]
                )
    return writer.to_bytes()


def evaluations_workbook(period: AppraisalPeriod) -> bytes:
    writer = XlsxWriter()
    sheet = writer.add_sheet(_("Evaluasi %(year)s") % {"year": period.year})
    sheet.worksheet.freeze_panes = "A2"
    headers = [_("NIP"), _("Nama"), _("Unit kerja"), _("Evaluasi"), _("Status"), _("Capaian SKP (%)")]
    sheet.append([*headers, _("Rating hasil kerja"), _("Rating perilaku kerja"), _("Predikat kinerja")], font=BOLD)
    evaluations = (
        Evaluation.objects.filter(plan__period=period)
        .select_related("plan__employee", "plan__unit", "plan__period")
        .order_by("plan__unit__code", "plan__employee__name", "kind", "checkpoint", "pk")
    )
    for evaluation in evaluations.iterator(chunk_size=500):
        plan = evaluation.plan
        ratings = [_label(Rating, evaluation.work_rating), _label(Rating, evaluation.behaviour_rating)]
        sheet.append(
            [
                plan.employee.nip,
                plan.employee.full_name,
                plan.unit.name,
                evaluation.title,
                evaluation.get_status_display(),
                evaluation.achievement,
                *ratings,
                _label(Predikat, evaluation.predikat),
            ]
        )
    return writer.to_bytes()


def _label(choices, value: str) -> str:
    return str(choices(value).label) if value else ""
