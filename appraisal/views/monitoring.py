"""The supervisor's monitoring page: who has no plan, who has not reported, who is behind."""

from __future__ import annotations

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from core.params import int_param
from org.access import employee_of, is_supervisor
from org.selectors import assessed_by, reports_of

from ..models import AppraisalPeriod
from ..selectors import current_period, monitoring_rows
from .plans import checkpoint_from

ROWS_PER_PAGE = 50
ASSESSED_ONLY = "dinilai"  # ?lingkup=dinilai: only the people the user assesses (the home page's list)


@login_required
def plan_monitoring(request):
    """All of a supervisor's reports at one checkpoint, most urgent first (a fixed number of queries).

    ``?lingkup=dinilai`` narrows it to the people the user assesses, the list the home page counts."""
    if not is_supervisor(request.user):
        raise PermissionDenied
    me = employee_of(request.user)
    year = int_param(request, "tahun")
    if year is None:
        period = current_period(today=timezone.localdate())
    else:
        period = get_object_or_404(AppraisalPeriod, year=year)
    assessed_only = request.GET.get("lingkup") == ASSESSED_ONLY
    context = {
        "period": period,
        "periods": AppraisalPeriod.objects.order_by("-year"),
        "assessed_only": assessed_only,
        "assessed_count": assessed_by(me).count(),
        "report_count": reports_of(me).count(),
    }
    if period is not None:
        checkpoint = checkpoint_from(request, period)
        rows = monitoring_rows(supervisor=me, period=period, checkpoint=checkpoint, assessed_only=assessed_only)
        context |= {
            "checkpoint": checkpoint,
            "checkpoints": period.checkpoints(),
            "page": Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page")),
            "counts": Counter(row.state for row in rows),
            "total": len(rows),
        }
    return render(request, "appraisal/plan_monitoring.html", context)
