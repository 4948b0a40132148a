"""The supervisor's monitoring page: who has no plan, who has not reported, who is behind."""

from __future__ import annotations

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from core.params import int_param
from org.roles import employee_of
from org.selectors import reports_of

from ..models import AppraisalPeriod
from ..selectors import current_period, monitoring_rows
from .plans import checkpoint_from

ROWS_PER_PAGE = 50


@login_required
def plan_monitoring(request):
    """All of a supervisor's reports at one checkpoint, most urgent first (a fixed number of queries)."""
    me = employee_of(request.user)
    if me is None or not reports_of(me).exists():
        raise PermissionDenied
    year = int_param(request, "tahun")
    if year is None:
        period = current_period(today=timezone.localdate())
    else:
        period = get_object_or_404(AppraisalPeriod, year=year)
    context = {"period": period, "periods": AppraisalPeriod.objects.order_by("-year")}
    if period is not None:
        checkpoint = checkpoint_from(request, period)
        rows = monitoring_rows(supervisor=me, period=period, checkpoint=checkpoint)
        query = request.GET.copy()
        query.pop("page", None)
        context |= {
            "checkpoint": checkpoint,
            "checkpoints": period.checkpoints(),
            "page": Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page")),
            "counts": Counter(row.state for row in rows),
            "total": len(rows),
            "query": query.urlencode(),
        }
    return render(request, "appraisal/plan_monitoring.html", context)
