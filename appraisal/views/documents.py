"""PDF downloads of the SKP and of the evaluation document."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils.text import slugify

from ..documents import evaluation_document, pdf_response, plan_document
from ..models import Evaluation, OrganisationResult
from ..permissions import can_see_ratings
from ..selectors import evaluations_with_content
from .common import get_evaluation, get_plan


@login_required
def plan_pdf(request, pk: int):
    plan = get_plan(request, pk)
    filename = f"skp-{plan.period.year}-{slugify(plan.employee.name)}.pdf"
    return pdf_response("appraisal/documents/plan.html", plan_document(plan), filename)


@login_required
def evaluation_pdf(request, pk: int):
    """The employee gets the document only once the result is sent, like the result page."""
    evaluation = get_evaluation(request, pk, evaluations_with_content(Evaluation.objects.all()))
    if not can_see_ratings(request.user, evaluation):
        raise PermissionDenied
    plan = evaluation.plan
    org = OrganisationResult.objects.filter(unit=plan.unit_id, period=plan.period_id).first()
    context = evaluation_document(evaluation, org_result=org.result if org else "")
    filename = f"evaluasi-{plan.period.year}-{evaluation.checkpoint}-{slugify(plan.employee.name)}.pdf"
    return pdf_response("appraisal/documents/evaluation.html", context, filename)
