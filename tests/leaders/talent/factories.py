"""Hand-made inputs of the talent map: annual results by year, a JPM by construction, penalties."""

from __future__ import annotations

from datetime import date

from appraisal.models import Evaluation
from appraisal.predikat import Predikat, Rating
from org.models import DisciplinaryPenalty, Employee
from tests.appraisal.factories import PeriodFactory, PlanFactory
from tests.training.factories import AssessmentFactory, CompetencyFactory
from training.models import PositionStandard

A, S, B = Rating.DI_ATAS_EKSPEKTASI, Rating.SESUAI_EKSPEKTASI, Rating.DI_BAWAH_EKSPEKTASI
# One (Hasil Kerja, Perilaku Kerja) pair per predikat, from the §1.4 matrix.
RATINGS = {
    Predikat.SANGAT_BAIK: (A, A),
    Predikat.BAIK: (S, S),
    Predikat.BUTUH_PERBAIKAN: (B, S),
    Predikat.KURANG_MISCONDUCT: (S, B),
    Predikat.SANGAT_KURANG: (B, B),
}


def annual_result(employee: Employee, year: int, predikat: str, *, status: str = Evaluation.Status.SENT) -> Evaluation:
    """An annual evaluation of ``year`` in ``status`` with ``predikat`` (ratings from the matrix)."""
    period = PeriodFactory(year=year)
    plan = PlanFactory(period=period, employee=employee)
    work, behaviour = RATINGS[Predikat(predikat)]
    return Evaluation.objects.create(
        plan=plan, kind=Evaluation.Kind.ANNUAL, checkpoint=4, status=status,
        work_rating=work, behaviour_rating=behaviour, predikat=predikat,
    )  # fmt: skip


def jpm_of(employee: Employee, matched: int, *, required: tuple[int, ...] = (5, 5, 5, 5, 5), on=date(2026, 3, 1)):
    """Give the employee's position its own standard (levels ``required``) and assess the employee so
    that Σ min(actual, required) is ``matched``: JPM = matched / Σ required × 100 (17 of 25 is 68.00)."""
    rows = []
    left = matched
    for index, level in enumerate(required):
        competency = CompetencyFactory(code=f"T.TAL.{employee.position_id}.{index}")
        PositionStandard.objects.get_or_create(
            position=employee.position, competency=competency, defaults={"required_level": level}
        )
        actual = min(level, left)
        left -= actual
        if actual:
            rows.append(AssessmentFactory(employee=employee, competency=competency, level=actual, assessed_on=on))
    return rows


def penalty(employee: Employee, level: str, *, starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31)):
    return DisciplinaryPenalty.objects.create(
        employee=employee, level=level, starts_on=starts_on, ends_on=ends_on, decree_number=f"800/{employee.pk}/2026"
    )
