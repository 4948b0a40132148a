"""Access expectations for the recognition and coaching URLs of ``leaders`` (collected by ``tests/url_access.py``).

Recognition and coaching: the lists, their export, the nominations list and the nomination form are
HR's and a unit head's (the ``head`` persona is made head of the personas' unit, ``unit_head`` heads a
unit above it); everyone else who is logged in gets 403. ``employee`` is both a top performer and on
the coaching list (predikat Baik, R 65). A nomination, its certificate and a coaching plan are seen by
the employee, both supervisors, the unit heads and HR, an outsider gets 404; deciding a nomination is
HR's (403 for the others who see it, the head nominated it), writing a coaching plan or its follow-up
the supervisors' and HR's (403 for the employee and the head of the unit above, who only read). Records
are made afresh for every request, so one role's decision does not spoil the next.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import count

from django.utils import timezone

from appraisal.models import AppraisalPeriod
from leaders.models import CoachingPlan, Nomination
from scoring.models import EmployeeScore
from tests.appraisal.factories import PeriodFactory
from tests.url_access import (
    EMPLOYEE_READERS,
    HEAD,
    HR_ROLES,
    LOGGED_IN,
    OUTSIDER,
    SUPERVISOR,
    UNIT_HEAD,
    Access,
    Personas,
)

WRITERS = HR_ROLES | {SUPERVISOR, HEAD}
SEE_EMPLOYEE = EMPLOYEE_READERS
_awards = count(1)


def _scored_period(personas: Personas) -> AppraisalPeriod:
    """A period in which ``employee`` is a top performer and on the coaching list; ``head`` heads the unit."""
    period = PeriodFactory()
    employee = personas.employee
    defaults = {"unit": employee.unit, "score": Decimal(85), "predikat": "BAIK", "results": Decimal(65)}
    EmployeeScore.objects.get_or_create(period=period, employee=employee, checkpoint=2, defaults=defaults)
    position = personas.head.position
    if not position.is_unit_head:
        position.is_unit_head = True
        position.save(update_fields=["is_unit_head"])
    return period


def _lists(personas: Personas) -> dict:
    _scored_period(personas)
    return {}


def _nomination_target(personas: Personas) -> dict:
    period = _scored_period(personas)
    return {"period_pk": period.pk, "unit_pk": personas.employee.unit_id, "employee_pk": personas.employee.pk}


def _nomination(personas: Personas, **fields) -> Nomination:
    """A fresh nomination by the head; each with its own award name, so several may be live at once."""
    period = _scored_period(personas)
    return Nomination.objects.create(
        period=period,
        checkpoint=2,
        unit=personas.employee.unit,
        employee=personas.employee,
        award=f"Penghargaan {next(_awards)}",
        reason="Capaian tertinggi.",
        score=Decimal(85),
        evidence="Predikat Baik",
        nominated_by=personas.head.user,
        **fields,
    )


def _proposed(personas: Personas) -> dict:
    return {"pk": _nomination(personas).pk}


def _approved(personas: Personas) -> dict:
    fields = {"status": Nomination.Status.APPROVED, "decided_by": personas.hr_user, "decided_at": timezone.now()}
    return {"pk": _nomination(personas, **fields).pk}


def _coachee(personas: Personas) -> dict:
    return {"period_pk": _scored_period(personas).pk, "employee_pk": personas.employee.pk}


def _plan(personas: Personas) -> dict:
    period = _scored_period(personas)
    plan, _created = CoachingPlan.objects.get_or_create(
        period=period,
        employee=personas.employee,
        defaults={
            "reasons": "R (capaian hasil kerja) 65,00, di bawah 70,00",
            "goal": "Capaian sesuai target.",
            "actions": "Dialog kinerja.",
            "coach": personas.supervisor,
            "follow_up_on": timezone.localdate(),
            "created_by": personas.supervisor.user,
        },
    )
    return {"pk": plan.pk}


UNIT_READERS = Access(allowed=HR_ROLES | {HEAD, UNIT_HEAD}, kwargs=_lists)

URL_ACCESS = {
    "leaders:recognition-lists": UNIT_READERS,
    "leaders:recognition-export": UNIT_READERS,
    "leaders:nomination-list": UNIT_READERS,
    "leaders:nomination-create": Access(allowed=HR_ROLES | {HEAD, UNIT_HEAD}, kwargs=_nomination_target),
    "leaders:nomination-detail": Access(allowed=SEE_EMPLOYEE, kwargs=_proposed, outsiders={OUTSIDER}),
    "leaders:nomination-approve": Access(allowed=HR_ROLES, kwargs=_proposed, methods=("post",), outsiders={OUTSIDER}),
    "leaders:nomination-reject": Access(allowed=HR_ROLES, kwargs=_proposed, outsiders={OUTSIDER}),
    "leaders:award-certificate": Access(allowed=SEE_EMPLOYEE, kwargs=_approved, outsiders={OUTSIDER}),
    "leaders:coaching-plan-create": Access(allowed=WRITERS, kwargs=_coachee, outsiders={OUTSIDER}),
    "leaders:coaching-plan-detail": Access(allowed=SEE_EMPLOYEE, kwargs=_plan, outsiders={OUTSIDER}),
    "leaders:coaching-follow-up": Access(allowed=WRITERS, kwargs=_plan, outsiders={OUTSIDER}),
    # HR is sent on to the full coaching list; an employee without people of their own gets 403.
    "leaders:coaching-team": Access(allowed=HR_ROLES | {SUPERVISOR, HEAD}, kwargs=_lists),
    # Everyone with an employee record behind their login; HR's and the superuser's logins have none.
    "leaders:my-recognition": Access(allowed=LOGGED_IN - HR_ROLES),
}
