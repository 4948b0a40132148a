"""Access expectations for the ``appraisal`` URLs (collected by ``tests/url_access.py``).

The employee's plans: a draft one (content editing) and an approved one in another year (progress
reporting). Both are built on first use and found again, since every role's request asks afresh.
"""

from __future__ import annotations

from datetime import date

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from appraisal.models import AppraisalPeriod, Evidence, Indicator, Plan, WorkResult
from tests.url_access import EMPLOYEE, EMPLOYEE_CHAIN, HEAD, HR_ROLES, LOGGED_IN, OUTSIDER, SUPERVISOR, Access

from .factories import IndicatorFactory, PeriodFactory, PlanFactory, WorkResultFactory

DRAFT_YEAR, APPROVED_YEAR = 2026, 2025
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _plan(personas, year: int) -> Plan:
    period = PeriodFactory(year=year)
    plan = Plan.objects.filter(period=period, employee=personas.employee).first()
    if plan is None:
        plan = PlanFactory(period=period, employee=personas.employee)
        if year == APPROVED_YEAR:
            plan.status, plan.approved_at = Plan.Status.APPROVED, timezone.now()
            plan.save()
    return plan


def _work_result(personas, year: int = DRAFT_YEAR) -> WorkResult:
    plan = _plan(personas, year)
    return plan.work_results.first() or WorkResultFactory(plan=plan)


def _indicator(personas, year: int = DRAFT_YEAR) -> Indicator:
    work_result = _work_result(personas, year)
    return work_result.indicators.first() or IndicatorFactory(work_result=work_result)


def _evidence(personas) -> Evidence:
    indicator = _indicator(personas, APPROVED_YEAR)
    evidence = Evidence(indicator=indicator, original_name="bukti.pdf", content_type="application/pdf", size=len(PDF))
    evidence.file.save("bukti.pdf", ContentFile(PDF), save=False)
    evidence.save()
    return evidence


def plan_kwargs(personas):
    return {"pk": _plan(personas, DRAFT_YEAR).pk}


def approved_plan_kwargs(personas):
    return {"pk": _plan(personas, APPROVED_YEAR).pk}


def progress_kwargs(personas):
    return {"pk": _indicator(personas, APPROVED_YEAR).pk}


def reason(personas):
    return {"reason": "Diperiksa pada uji akses"}


def _period_kwargs(personas):
    return {"pk": PeriodFactory(year=DRAFT_YEAR).pk}


def _reopen_kwargs(personas):
    period = PeriodFactory(year=2020, status=AppraisalPeriod.Status.CLOSED)
    return {"pk": period.pk}


READERS = EMPLOYEE_CHAIN | HR_ROLES
WITH_EMPLOYEE_RECORD = {EMPLOYEE, SUPERVISOR, HEAD, OUTSIDER}

URL_ACCESS = {
    "appraisal:period-list": Access(allowed=HR_ROLES),
    "appraisal:period-create": Access(
        allowed=HR_ROLES,
        methods=("post",),
        data=lambda p: {"year": 2030 + AppraisalPeriod.objects.count(), "checkpoint_type": "BULANAN"},
    ),
    "appraisal:period-close": Access(allowed=HR_ROLES, methods=("post",), kwargs=_period_kwargs, data=reason),
    "appraisal:period-reopen": Access(allowed=HR_ROLES, methods=("post",), kwargs=_reopen_kwargs, data=reason),
    "appraisal:plan-list": Access(allowed=LOGGED_IN),
    # Anyone with an employee record may start their own plan; HR accounts without one are refused.
    "appraisal:plan-create": Access(
        allowed=WITH_EMPLOYEE_RECORD,
        methods=("post",),
        data=lambda p: {"period": PeriodFactory(year=DRAFT_YEAR).pk, "approach": "KUANTITATIF"},
    ),
    "appraisal:plan-detail": Access(allowed=READERS, kwargs=plan_kwargs),
    "appraisal:plan-achievement": Access(allowed=READERS, kwargs=approved_plan_kwargs),
    "appraisal:plan-submit": Access(allowed={EMPLOYEE}, methods=("post",), kwargs=plan_kwargs),
    "appraisal:plan-approve": Access(allowed={SUPERVISOR}, methods=("post",), kwargs=plan_kwargs),
    "appraisal:plan-return": Access(allowed={SUPERVISOR}, methods=("post",), kwargs=plan_kwargs, data=reason),
    "appraisal:plan-revise": Access(
        allowed={EMPLOYEE, SUPERVISOR}, methods=("post",), kwargs=approved_plan_kwargs, data=reason
    ),
    "appraisal:workresult-create": Access(allowed={EMPLOYEE}, kwargs=plan_kwargs),
    "appraisal:workresult-update": Access(allowed={EMPLOYEE}, kwargs=lambda p: {"pk": _work_result(p).pk}),
    "appraisal:workresult-delete": Access(
        allowed={EMPLOYEE}, methods=("post",), kwargs=lambda p: {"pk": _work_result(p).pk}
    ),
    "appraisal:indicator-create": Access(allowed={EMPLOYEE}, kwargs=lambda p: {"pk": _work_result(p).pk}),
    "appraisal:indicator-update": Access(allowed={EMPLOYEE}, kwargs=lambda p: {"pk": _indicator(p).pk}),
    "appraisal:indicator-delete": Access(
        allowed={EMPLOYEE}, methods=("post",), kwargs=lambda p: {"pk": _indicator(p).pk}
    ),
    "appraisal:indicator-progress": Access(allowed=READERS, kwargs=progress_kwargs),
    "appraisal:realisation-save": Access(
        allowed={EMPLOYEE}, methods=("post",), kwargs=progress_kwargs, data=lambda p: {"checkpoint": 1, "value": "12"}
    ),
    "appraisal:realisation-sync": Access(
        allowed={EMPLOYEE}, methods=("post",), kwargs=progress_kwargs, data=lambda p: {"checkpoint": 1}
    ),
    "appraisal:activity-create": Access(
        allowed={EMPLOYEE},
        methods=("post",),
        kwargs=progress_kwargs,
        data=lambda p: {"date": date(APPROVED_YEAR, 3, 1).isoformat(), "description": "Rapat koordinasi"},
    ),
    "appraisal:evidence-upload": Access(
        allowed={EMPLOYEE},
        methods=("post",),
        kwargs=progress_kwargs,
        data=lambda p: {"file": SimpleUploadedFile("bukti.pdf", PDF), "description": ""},
    ),
    "appraisal:evidence-download": Access(allowed=READERS, kwargs=lambda p: {"pk": _evidence(p).pk}),
    "appraisal:evidence-delete": Access(
        allowed={EMPLOYEE}, methods=("post",), kwargs=lambda p: {"pk": _evidence(p).pk}
    ),
    # Only people with reports: the supervisor and the head (the supervisor reports to them).
    "appraisal:plan-monitoring": Access(allowed={SUPERVISOR, HEAD}),
}
