"""Home page per role and the HR browser of units and employees."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .filters import EmployeeFilter
from .models import Employee
from .roles import can_view_employee, employee_of, hr_required, is_hr
from .selectors import reports_of, unit_tree_rows

EMPLOYEES_PER_PAGE = 25


@login_required
def home(request):
    """One landing page; its panels depend on the roles the user holds."""
    me = employee_of(request.user)
    context = {
        "employee": me,
        "reports": reports_of(me)[:10] if me else [],
        "report_count": reports_of(me).count() if me else 0,
        "employee_count": Employee.objects.active().count() if is_hr(request.user) else None,
    }
    return render(request, "org/home.html", context)


@hr_required
def employee_list(request):
    employee_filter = EmployeeFilter(
        request.GET, queryset=Employee.objects.select_related("unit", "position", "supervisor").order_by("name", "pk")
    )
    page = Paginator(employee_filter.qs, EMPLOYEES_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "org/employee_list.html",
        {"filter": employee_filter, "page": page, "query": query.urlencode()},
    )


@login_required
def employee_detail(request, pk: int):
    employee = get_object_or_404(
        Employee.objects.select_related("unit", "position", "supervisor__supervisor", "user"), pk=pk
    )
    if not can_view_employee(request.user, employee):
        raise Http404
    return render(request, "org/employee_detail.html", {"employee": employee})


@hr_required
def unit_list(request):
    return render(request, "org/unit_list.html", {"rows": unit_tree_rows()})
