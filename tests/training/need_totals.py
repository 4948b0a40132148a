"""A hand-made subtree whose needs the real run computes, for the stored totals and the HR dashboard's
brief: Dinas Kesehatan (the personas' unit) and its Bidang P2P, needs from position standards never met.

| person | unit | position kind | standard (required, level) | needs |
|---|---|---|---|---|
| Ani | Dinkes | PELAKSANA | M.01 (3, never assessed), M.03 (3, 1) | M.01, M.03 |
| Budi | Bidang | FUNGSIONAL | M.03 (2, never assessed) | M.03 |
| Citra | Bidang | PELAKSANA | M.01 (2, 3) | none: the standard is met |
| Eko | Bidang | FUNGSIONAL | M.03 (2, never assessed) | M.03 |
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from appraisal.models import AppraisalPeriod
from org.models import Employee, Position, Unit
from tests.factories import EmployeeFactory, PositionFactory, UnitFactory
from training.models import Competency

from .factories import AssessmentFactory, PositionStandardFactory

STANDARDS = {
    "Ani": ("unit", Position.Kind.PELAKSANA, [("M.01", 3, None), ("M.03", 3, 1)]),
    "Budi": ("bidang", Position.Kind.FUNGSIONAL, [("M.03", 2, None)]),
    "Citra": ("bidang", Position.Kind.PELAKSANA, [("M.01", 2, 3)]),
    "Eko": ("bidang", Position.Kind.FUNGSIONAL, [("M.03", 2, None)]),
}


@dataclass
class Subtree:
    period: AppraisalPeriod
    unit: Unit
    bidang: Unit
    people: dict[str, Employee]


def person(name: str, *, unit: Unit, kind: str, standard: list[tuple[str, int, int | None]]) -> Employee:
    """An employee in a position of their own with its standard, and their levels where assessed."""
    employee = EmployeeFactory(name=name, position=PositionFactory(unit=unit, kind=kind))
    for code, required, level in standard:
        competency = Competency.objects.get(code=code)
        PositionStandardFactory(position=employee.position, competency=competency, required_level=required)
        if level is not None:
            AssessmentFactory(employee=employee, competency=competency, level=level)
    return employee


def subtree(period: AppraisalPeriod, unit: Unit) -> Subtree:
    units = {"unit": unit, "bidang": UnitFactory(code="DINKES-P2P", name="Bidang P2P", parent=unit)}
    people = {
        name: person(name, unit=units[where], kind=kind, standard=standard)
        for name, (where, kind, standard) in STANDARDS.items()
    }
    return Subtree(period, unit, units["bidang"], people)


def change(world: Subtree) -> None:
    """Between two runs: Ani reaches M.03, Citra's level no longer counts (M.01 becomes a need), Budi moves
    to Dinkes as a structural official with an M.01 gap, and Eko retires."""
    m03 = Competency.objects.get(code="M.03")
    AssessmentFactory(employee=world.people["Ani"], competency=m03, level=3, assessed_on=date(2026, 4, 1))
    world.people["Citra"].competency_assessments.update(is_valid=False)
    budi = world.people["Budi"]
    budi.position = PositionFactory(unit=world.unit, kind=Position.Kind.STRUKTURAL)
    budi.unit = world.unit
    budi.save(update_fields=["position", "unit"])
    PositionStandardFactory(position=budi.position, competency=Competency.objects.get(code="M.01"), required_level=2)
    world.people["Eko"].status = Employee.Status.PENSIUN
    world.people["Eko"].save(update_fields=["status"])
