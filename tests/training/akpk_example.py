"""A small Pemda for the AKPK tests, with every figure computed by hand in test_akpk.py.

Dinas Kesehatan (DINKES) with a sub-unit Bidang Pelayanan (DINKES-YAN), and Dinas Pendidikan (DISDIK).
Every position has its own standard, so no level default adds needs; nobody has an evaluation or a
survey answer, so every need is a competency gap (rule 1, priority = gap × criticality):

| employee | position (unit)             | competency  | required | current | crit. | priority |
|----------|-----------------------------|-------------|----------|---------|-------|----------|
| Ani      | Analis Kesehatan (DINKES)   | M.03        | 3        | 1       | 1     | 2        |
| Ani      |                             | T.KES.01    | 3        | 2       | 2     | 2        |
| Budi     | Analis Kesehatan (DINKES)   | M.03        | 3        | 3       | 1     | –        |
| Budi     |                             | T.KES.01    | 3        | none    | 2     | 6        |
| Citra    | Perawat (DINKES-YAN)        | M.05        | 3        | 2       | 1     | 1        |
| Citra    |                             | M.03        | 2        | 2       | 1     | –        |
| Dedi     | Perawat (DINKES-YAN)        | M.05        | 3        | 1       | 1     | 2        |
| Dedi     |                             | M.03        | 2        | 1       | 1     | 1        |
| Kepala   | Kepala Dinas (DINKES, head) | M.03        | 4        | 4       | 1     | –        |
| Eko      | Guru (DISDIK)               | M.03        | 3        | 1       | 1     | 2        |

Eko's name starts with "=" so the export must keep it text, never a formula. Catalogue: PA Komunikasi
Efektif (M.03, 8 JP), PB Pelayanan Prima (M.05 and M.03, 24 JP), PC Bimtek Kesehatan (T.KES.01, 16 JP).
"""

from __future__ import annotations

from dataclasses import dataclass

from appraisal.models import AppraisalPeriod
from org.models import Employee, Unit
from tests.appraisal.factories import PeriodFactory
from tests.factories import EmployeeFactory, PositionFactory, UnitFactory, UserFactory
from tests.training.factories import (
    AssessmentFactory,
    CompetencyFactory,
    PositionStandardFactory,
    ProgrammeCompetencyFactory,
    ProgrammeFactory,
    form,
)
from training.models import Competency
from training.services import recommendations_compute

EKO_NAME = '=HYPERLINK("http://contoh.invalid","Eko")'


@dataclass(frozen=True)
class Example:
    period: AppraisalPeriod
    dinkes: Unit
    pelayanan: Unit
    disdik: Unit
    head: Employee
    employees: dict[str, Employee]


def _position(unit: Unit, name: str, kind: str, standard: list[tuple[str, int, int]], **fields):
    position = PositionFactory(unit=unit, name=name, kind=kind, **fields)
    for code, required, criticality in standard:
        competency = Competency.objects.get(code=code)
        PositionStandardFactory(
            position=position, competency=competency, required_level=required, criticality=criticality
        )
    return position


def _employee(name: str, position, levels: dict[str, int], **fields) -> Employee:
    employee = EmployeeFactory(name=name, position=position, **fields)
    for code, level in levels.items():
        AssessmentFactory(employee=employee, competency=Competency.objects.get(code=code), level=level)
    return employee


def build() -> Example:
    """The data set above, with the period's needs and recommendations computed."""
    period = PeriodFactory(year=2026)
    CompetencyFactory(code="T.KES.01", name="Pelayanan Kesehatan Dasar")
    dinkes = UnitFactory(code="DINKES", name="Dinas Kesehatan")
    pelayanan = UnitFactory(code="DINKES-YAN", name="Bidang Pelayanan", parent=dinkes)
    disdik = UnitFactory(code="DISDIK", name="Dinas Pendidikan")
    analis = _position(dinkes, "Analis Kesehatan", "FUNGSIONAL", [("M.03", 3, 1), ("T.KES.01", 3, 2)])
    perawat = _position(pelayanan, "Perawat", "PELAKSANA", [("M.05", 3, 1), ("M.03", 2, 1)], level="PELAKSANA")
    kepala = _position(dinkes, "Kepala Dinas", "STRUKTURAL", [("M.03", 4, 1)], level="JPT_PRATAMA", is_unit_head=True)
    guru = _position(disdik, "Guru", "FUNGSIONAL", [("M.03", 3, 1)])
    head = _employee("Kepala", kepala, {"M.03": 4}, user=UserFactory(username="kadinkes"))
    employees = {
        "Ani": _employee("Ani", analis, {"M.03": 1, "T.KES.01": 2}),
        "Budi": _employee("Budi", analis, {"M.03": 3}),
        "Citra": _employee("Citra", perawat, {"M.05": 2, "M.03": 2}),
        "Dedi": _employee("Dedi", perawat, {"M.05": 1, "M.03": 1}),
        "Eko": _employee(EKO_NAME, guru, {"M.03": 1}),
    }
    catalogue = [
        ("PA", "Komunikasi Efektif", 8, ["M.03"]),
        ("PB", "Pelayanan Prima", 24, ["M.05", "M.03"]),
        ("PC", "Bimtek Kesehatan", 16, ["T.KES.01"]),
    ]
    for code, title, jp, competencies in catalogue:
        programme = ProgrammeFactory(code=code, title=title, form=form(), jp=jp)
        for competency in competencies:
            ProgrammeCompetencyFactory(programme=programme, competency=Competency.objects.get(code=competency))
    recommendations_compute(period=period)
    return Example(period, dinkes, pelayanan, disdik, head, employees)
