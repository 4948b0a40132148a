"""Hand-made rows the API and the exports read: released annual results, stored scores, unit IKM."""

from __future__ import annotations

from decimal import Decimal

from api.services import client_create
from appraisal.models import Evaluation
from appraisal.predikat import predikat_for
from org.models import Employee, Unit, User
from scoring.models import EmployeeScore, UnitScore
from tests.appraisal.factories import PeriodFactory, PlanFactory


def annual_result(
    employee: Employee,
    *,
    year: int,
    work: str = "SESUAI_EKSPEKTASI",
    behaviour: str = "SESUAI_EKSPEKTASI",
    status: str = Evaluation.Status.SENT,
) -> Evaluation:
    plan = PlanFactory(employee=employee, period=PeriodFactory(year=year))
    return Evaluation.objects.create(
        plan=plan,
        kind=Evaluation.Kind.ANNUAL,
        checkpoint=4,
        status=status,
        work_rating=work,
        behaviour_rating=behaviour,
        predikat=predikat_for(work=work, behaviour=behaviour),
    )


def employee_score(employee: Employee, *, year: int, checkpoint: int = 1, score: str = "80.00") -> EmployeeScore:
    return EmployeeScore.objects.create(
        employee=employee,
        period=PeriodFactory(year=year),
        checkpoint=checkpoint,
        unit=employee.unit,
        score=Decimal(score),
        results=Decimal(score),
        missing=["P"],
    )


def unit_ikm(unit: Unit, *, year: int, checkpoint: int = 1, ikm: str = "83.33") -> UnitScore:
    return UnitScore.objects.create(
        unit=unit,
        period=PeriodFactory(year=year),
        checkpoint=checkpoint,
        employees=1,
        scored=1,
        ikm=Decimal(ikm),
        ikm_responses=12,
    )


def api_client_with_token(user: User, *, unit: Unit | None = None, name: str = "Dasbor Bappeda") -> tuple:
    return client_create(name=name, unit=unit, all_units=unit is None, acting_user=user)
