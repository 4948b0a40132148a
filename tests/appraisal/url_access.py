"""Access expectations for the ``appraisal`` URLs (collected by ``tests/url_access.py``).

The employee's plans: a draft one (content editing) and an approved one in another year (progress
reporting). Both are built on first use and found again, since every role's request asks afresh.
"""

from __future__ import annotations

from datetime import date

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from appraisal.models import (
    AppraisalPeriod,
    CoreValue,
    DevelopmentAction,
    Evaluation,
    Evidence,
    Indicator,
    Objection,
    PeerRequest,
    Plan,
    WorkResult,
)
from appraisal.services.evaluations import evaluation_open
from tests.url_access import (
    EMPLOYEE,
    EMPLOYEE_READERS,
    HEAD,
    HR_ROLES,
    LOGGED_IN,
    OUTSIDER,
    SUPERVISOR,
    UNIT_HEAD,
    Access,
)

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


def _evaluation(personas, status: str = "SELF_ASSESSMENT") -> Evaluation:
    """The employee's annual evaluation (approved plan), put into ``status`` afresh for every request."""
    plan = _indicator(personas, APPROVED_YEAR).work_result.plan
    evaluation = plan.evaluations.filter(kind="ANNUAL").first() or evaluation_open(
        plan=plan, kind="ANNUAL", checkpoint=None, acting_user=personas.supervisor.user
    )
    rating = "SESUAI_EKSPEKTASI"
    released = status in Evaluation.RELEASED_STATUSES
    Evaluation.objects.filter(pk=evaluation.pk).update(
        status=status, work_rating=rating, behaviour_rating=rating, predikat="BAIK",
        sent_at=timezone.now() if released else None,
    )  # fmt: skip
    evaluation.behaviour_ratings.update(rating=rating)
    Objection.objects.filter(evaluation=evaluation).delete()
    if status == "OBJECTED":
        Objection.objects.create(
            evaluation=evaluation, reason="Keberatan uji akses", old_work_rating=rating,
            old_behaviour_rating=rating, old_predikat="BAIK",
        )  # fmt: skip
    return Evaluation.objects.get(pk=evaluation.pk)


def evaluation_kwargs(status: str):
    return lambda personas: {"pk": _evaluation(personas, status).pk}


def _peer_request(personas) -> PeerRequest:
    """A request to the head, who works in the employee's unit (a colleague for this purpose)."""
    request, _ = PeerRequest.objects.get_or_create(evaluation=_evaluation(personas, "RATING"), peer=personas.head)
    return request


def _action(personas) -> DevelopmentAction:
    evaluation = _evaluation(personas, "RATING")
    return DevelopmentAction.objects.create(evaluation=evaluation, kind="COACHING", description="Coaching layanan")


def _unit_head_view(personas):
    """The head heads the personas' unit, so the distribution page is theirs too."""
    position = personas.head.position
    position.is_unit_head = True
    position.save()
    return {"unit": position.unit_id, "tahun": PeriodFactory(year=APPROVED_YEAR).year}


def _org_result(personas):
    period = PeriodFactory(year=APPROVED_YEAR)
    return {"unit": personas.employee.unit_id, "period": period.pk, "result": "BAIK", "note": ""}


def _note(personas):
    value = CoreValue.objects.order_by("order").first()
    return {"date": date(APPROVED_YEAR, 3, 1).isoformat(), "about": f"value-{value.pk}", "text": "Ramah melayani"}


def _rating_form(personas):
    evaluation = Evaluation.objects.get(plan__employee=personas.employee, kind="ANNUAL")
    return {"version": evaluation.version, "work_rating": "DI_ATAS_EKSPEKTASI"}


READERS = EMPLOYEE_READERS


def _on_record(allowed, **options) -> Access:
    """A URL about the employee's plan or evaluation: the outsider may not learn it exists (404); the
    employee's readers (both officials above them, the head of a unit above and HR) may, so without
    the action's role they get 403."""
    return Access(allowed=allowed, outsiders={OUTSIDER}, **options)


WITH_EMPLOYEE_RECORD = LOGGED_IN - HR_ROLES


def _exchange_year(personas):
    return {"tahun": PeriodFactory(year=2026).year}


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
    "appraisal:plan-detail": _on_record(allowed=READERS, kwargs=plan_kwargs),
    "appraisal:plan-achievement": _on_record(allowed=READERS, kwargs=approved_plan_kwargs),
    "appraisal:plan-submit": _on_record(allowed={EMPLOYEE}, methods=("post",), kwargs=plan_kwargs),
    "appraisal:plan-approve": _on_record(allowed={SUPERVISOR}, methods=("post",), kwargs=plan_kwargs),
    "appraisal:plan-return": _on_record(allowed={SUPERVISOR}, methods=("post",), kwargs=plan_kwargs, data=reason),
    "appraisal:plan-revise": _on_record(
        allowed={EMPLOYEE, SUPERVISOR}, methods=("post",), kwargs=approved_plan_kwargs, data=reason
    ),
    "appraisal:workresult-create": _on_record(allowed={EMPLOYEE}, kwargs=plan_kwargs),
    "appraisal:workresult-update": _on_record(allowed={EMPLOYEE}, kwargs=lambda p: {"pk": _work_result(p).pk}),
    "appraisal:workresult-delete": _on_record(
        allowed={EMPLOYEE}, methods=("post",), kwargs=lambda p: {"pk": _work_result(p).pk}
    ),
    "appraisal:indicator-create": _on_record(allowed={EMPLOYEE}, kwargs=lambda p: {"pk": _work_result(p).pk}),
    "appraisal:indicator-update": _on_record(allowed={EMPLOYEE}, kwargs=lambda p: {"pk": _indicator(p).pk}),
    "appraisal:indicator-delete": _on_record(
        allowed={EMPLOYEE}, methods=("post",), kwargs=lambda p: {"pk": _indicator(p).pk}
    ),
    "appraisal:indicator-progress": _on_record(allowed=READERS, kwargs=progress_kwargs),
    "appraisal:realisation-save": _on_record(
        allowed={EMPLOYEE}, methods=("post",), kwargs=progress_kwargs, data=lambda p: {"checkpoint": 1, "value": "12"}
    ),
    "appraisal:realisation-sync": _on_record(
        allowed={EMPLOYEE}, methods=("post",), kwargs=progress_kwargs, data=lambda p: {"checkpoint": 1}
    ),
    "appraisal:activity-create": _on_record(
        allowed={EMPLOYEE},
        methods=("post",),
        kwargs=progress_kwargs,
        data=lambda p: {"date": date(APPROVED_YEAR, 3, 1).isoformat(), "description": "Rapat koordinasi"},
    ),
    "appraisal:evidence-upload": _on_record(
        allowed={EMPLOYEE},
        methods=("post",),
        kwargs=progress_kwargs,
        data=lambda p: {"file": SimpleUploadedFile("bukti.pdf", PDF), "description": ""},
    ),
    "appraisal:evidence-download": _on_record(allowed=READERS, kwargs=lambda p: {"pk": _evidence(p).pk}),
    "appraisal:evidence-delete": _on_record(
        allowed={EMPLOYEE}, methods=("post",), kwargs=lambda p: {"pk": _evidence(p).pk}
    ),
    # Only people with reports: the supervisor and the head (the supervisor reports to them).
    "appraisal:plan-monitoring": Access(allowed={SUPERVISOR, HEAD}),
    # A person's record: whoever may see the person (as the employee page); everyone else gets 404.
    "appraisal:employee-record": _on_record(allowed=READERS, kwargs=lambda p: {"pk": p.employee.pk}),
    # Evaluations (docs/appraisal-evaluations.md): the employee, the Pejabat Penilai (supervisor) and
    # the Atasan Pejabat Penilai (head) act; HR reads; the others of them get 403 and the outsider 404.
    "appraisal:plan-pdf": _on_record(allowed=READERS, kwargs=plan_kwargs),
    "appraisal:plan-expectations": _on_record(allowed={SUPERVISOR}, kwargs=approved_plan_kwargs),
    "appraisal:feedback-list": _on_record(allowed=READERS, kwargs=approved_plan_kwargs),
    "appraisal:feedback-create": _on_record(
        allowed={SUPERVISOR}, methods=("post",), kwargs=approved_plan_kwargs, data=_note
    ),
    "appraisal:evaluation-create": _on_record(
        allowed={SUPERVISOR},
        methods=("post",),
        kwargs=approved_plan_kwargs,
        data=lambda p: {"kind": "PERIODIC", "checkpoint": 1},
    ),
    "appraisal:evaluation-list": Access(allowed=LOGGED_IN),
    "appraisal:evaluation-detail": _on_record(allowed=READERS, kwargs=evaluation_kwargs("SELF_ASSESSMENT")),
    "appraisal:evaluation-self": _on_record(allowed={EMPLOYEE}, kwargs=evaluation_kwargs("SELF_ASSESSMENT")),
    "appraisal:evaluation-rate": _on_record(
        allowed={SUPERVISOR}, methods=("get", "post"), kwargs=evaluation_kwargs("RATING"), data=_rating_form
    ),
    "appraisal:evaluation-history": _on_record(allowed=HR_ROLES, kwargs=evaluation_kwargs("SENT")),
    "appraisal:evaluation-pdf": _on_record(allowed=READERS, kwargs=evaluation_kwargs("SENT")),
    "appraisal:evaluation-selfsubmit": _on_record(
        allowed={EMPLOYEE}, methods=("post",), kwargs=evaluation_kwargs("SELF_ASSESSMENT")
    ),
    "appraisal:evaluation-start": _on_record(
        allowed={SUPERVISOR}, methods=("post",), kwargs=evaluation_kwargs("SELF_ASSESSMENT")
    ),
    "appraisal:evaluation-submit": _on_record(
        allowed={SUPERVISOR}, methods=("post",), kwargs=evaluation_kwargs("RATING")
    ),
    "appraisal:evaluation-approve": _on_record(
        allowed={HEAD}, methods=("post",), kwargs=evaluation_kwargs("SUBMITTED")
    ),
    "appraisal:evaluation-return": _on_record(
        allowed={HEAD}, methods=("post",), kwargs=evaluation_kwargs("SUBMITTED"), data=reason
    ),
    "appraisal:objection-create": _on_record(
        allowed={EMPLOYEE}, methods=("post",), kwargs=evaluation_kwargs("SENT"), data=lambda p: {"reason": "Keberatan"}
    ),
    "appraisal:objection-decide": _on_record(allowed={HEAD}, kwargs=evaluation_kwargs("OBJECTED")),
    "appraisal:developmentaction-create": _on_record(
        allowed={SUPERVISOR},
        methods=("post",),
        kwargs=evaluation_kwargs("RATING"),
        data=lambda p: {"kind": "COACHING", "description": "Coaching layanan prima"},
    ),
    "appraisal:developmentaction-delete": _on_record(
        allowed={SUPERVISOR}, methods=("post",), kwargs=lambda p: {"pk": _action(p).pk}
    ),
    "appraisal:peer-invite": _on_record(
        allowed={SUPERVISOR}, methods=("post",), kwargs=evaluation_kwargs("RATING"), data=lambda p: {"peer": p.head.pk}
    ),
    # Only the invited colleague; HR does not see who answered what either.
    "appraisal:peer-answer": Access(
        allowed={HEAD}, outsiders=LOGGED_IN - {HEAD}, kwargs=lambda p: {"pk": _peer_request(p).pk}
    ),
    # HR and unit heads (the head is made head of the personas' unit by the query builder); the head two
    # levels up reads the distribution of the units right below them only, so this one is not theirs (404).
    "appraisal:distribution-detail": Access(allowed=HR_ROLES | {HEAD}, outsiders={UNIT_HEAD}, data=_unit_head_view),
    "appraisal:orgresult-set": Access(allowed=HR_ROLES, methods=("post",), data=_org_result),
    # HR's exchange page (exports of a year, reading a SKP record file back); an empty POST re-renders it.
    "appraisal:exchange": Access(allowed=HR_ROLES, methods=("get", "post")),
    "appraisal:skp-record-export": Access(allowed=HR_ROLES, data=_exchange_year),
    "appraisal:skp-record-template": Access(allowed=HR_ROLES),
    "appraisal:plan-export": Access(allowed=HR_ROLES, data=_exchange_year),
    "appraisal:evaluation-export": Access(allowed=HR_ROLES, data=_exchange_year),
}
