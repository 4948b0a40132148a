"""One person's appraisal record, linked from the employee page: plans, evaluations and their history."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from org.access import can_view_employee, is_hr
from org.models import Employee

from ..selectors import employee_logs, evaluations_of, plans_of

EVALUATIONS_PER_PAGE = 25
LOGS_SHOWN = 30


@login_required
def employee_record(request, pk: int):
    """For whoever may see the person (HR, themself, their officials); everyone else gets 404."""
    person = get_object_or_404(Employee.objects.select_related("unit", "position"), pk=pk)
    if not can_view_employee(request.user, person):
        raise Http404
    context = {
        "person": person,
        "plans": plans_of(person),
        "evaluations": Paginator(evaluations_of(person), EVALUATIONS_PER_PAGE).get_page(request.GET.get("page")),
        "logs": employee_logs(person, limit=LOGS_SHOWN),
        "is_hr": is_hr(request.user),
    }
    return render(request, "appraisal/employee_record.html", context)
