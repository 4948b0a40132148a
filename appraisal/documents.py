"""The official documents as PDF (WeasyPrint): the SKP and the Dokumen Evaluasi Kinerja Pegawai.

Both are rendered from Django templates laid out like the forms of PermenPANRB 6/2022 (domain.md
§1.2, §1.5), in DejaVu Sans (installed with the system libraries), with no network access: the HTML
refers to no external resource.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _t
from weasyprint import HTML

from .distribution import rules_for
from .models import CoreValue, Evaluation, Plan
from .reports import PlanReport
from .selectors import core_values, evaluation_report, plans_with_content


@dataclass(frozen=True)
class ValueRow:
    """One BerAKHLAK row of a document: guides, the leader's expectation and (in an evaluation) feedback."""

    value: CoreValue
    expectation: str
    rating: str = ""
    feedback: str = ""


def pdf_response(template: str, context: dict, filename: str) -> HttpResponse:
    html = render_to_string(template, context)
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def place_date(place: str, day: date | None) -> str:
    """ "Kabupaten Contoh, 20 Desember 2026" above a signature; the place alone while undated."""
    return f"{place}, {formats.date_format(day, 'j F Y')}" if day else place


def _expectations(plan: Plan) -> dict[int, str]:
    return {row.value_id: row.text for row in plan.behaviour_expectations.all()}


def plan_document(plan: Plan) -> dict:
    """Context of the SKP: header from the plan's snapshot, work results, the seven values, signatures."""
    plan = plans_with_content(Plan.objects.filter(pk=plan.pk)).get()
    expectations = _expectations(plan)
    return {
        "plan": plan,
        "values": [ValueRow(value, expectations.get(value.pk, "")) for value in core_values()],
        "place_date": place_date(settings.APPRAISAL_DOCUMENT_PLACE, _local(plan.approved_at)),
    }


def _local(moment) -> date | None:
    return timezone.localdate(moment) if moment else None


def evaluation_document(evaluation: Evaluation, *, org_result: str = "") -> dict:
    """Context of the evaluation document, in the order of domain.md §1.5."""
    report: PlanReport = evaluation_report(evaluation)
    expectations = _expectations(evaluation.plan)
    feedback = {row.work_result_id: row.feedback for row in evaluation.result_assessments.all()}
    ratings = {row.value_id: row for row in evaluation.behaviour_ratings.all()}
    values = [
        ValueRow(row.value, expectations.get(row.value_id, ""), row.get_rating_display(), row.feedback)
        for row in ratings.values()
    ]
    results = []
    for work_result in report.plan.work_results.all():
        rows = [r for r in report.rows if r.indicator.work_result_id == work_result.pk]
        results.append({"work_result": work_result, "rows": rows, "feedback": feedback.get(work_result.pk, "")})
    return {
        "evaluation": evaluation,
        "plan": report.plan,
        "report": report,
        "results": results,
        "values": values,
        "org_result": org_result,
        "pattern": rules_for(org_result) if org_result else [],
        "period_label": _t("Akhir") if evaluation.is_annual else report.checkpoint.label,
        "period_start": report.plan.period.start if evaluation.is_annual else report.checkpoint.start,
        "period_end": report.checkpoint.end,
        "place_date": place_date(evaluation.place, _local(evaluation.sent_at)),
        "decision_place_date": place_date(evaluation.place, _local(_decided_at(evaluation))),
    }


def _decided_at(evaluation: Evaluation):
    objection = getattr(evaluation, "objection", None)
    return objection.decided_at if objection is not None else None
