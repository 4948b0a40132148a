"""Fetch-with-permission helpers shared by the appraisal views (outsiders get 404)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from ..models import Evaluation, Indicator, Plan
from ..permissions import can_view_plan, plan_roles
from ..selectors import EVALUATION_RELATED

PLAN_RELATED = ("period", "employee__supervisor", "assessor", "assessor_superior", "position", "unit")


def get_plan(request: HttpRequest, pk: int, queryset: QuerySet[Plan] | None = None) -> Plan:
    """The plan if the user may read it; anyone else learns nothing, not even that it exists."""
    plan = get_object_or_404((queryset if queryset is not None else Plan.objects).select_related(*PLAN_RELATED), pk=pk)
    if not can_view_plan(request.user, plan):
        raise Http404
    return plan


def get_indicator(request: HttpRequest, pk: int) -> Indicator:
    indicator = get_object_or_404(Indicator.objects.select_related("work_result"), pk=pk)
    indicator.work_result.plan = get_plan(request, indicator.work_result.plan_id)
    return indicator


def roles_context(request: HttpRequest, plan: Plan) -> dict:
    return {"roles": {str(role) for role in plan_roles(request.user, plan)}}


def get_evaluation(request: HttpRequest, pk: int, queryset: QuerySet[Evaluation] | None = None) -> Evaluation:
    """The evaluation if the user may read its plan; a supervisor of other people gets 404 (issue)."""
    queryset = queryset if queryset is not None else Evaluation.objects.select_related(*EVALUATION_RELATED)
    evaluation = get_object_or_404(queryset, pk=pk)
    if not can_view_plan(request.user, evaluation.plan):
        raise Http404
    return evaluation
