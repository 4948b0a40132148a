"""A hand-made data set for the lists: two Perangkat Daerah, a sub-unit, every predikat, a tie and R at 70."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.utils import translation

from org.models import Employee, Position
from tests.appraisal.factories import PeriodFactory
from tests.factories import EmployeeFactory, PositionFactory, UnitFactory

from .factories import scored


@dataclass
class DataSet:
    period: object
    people: dict[str, Employee]
    sub_unit: object
    other_unit: object


def make_head(employee: Employee) -> Employee:
    employee.position.is_unit_head = True
    employee.position.save(update_fields=["is_unit_head"])
    return employee


@pytest.fixture(autouse=True)
def _indonesian():
    """The evidence is words: read in the Pemda's language, whatever an earlier test left active."""
    with translation.override("id"):
        yield


@pytest.fixture
def period(db):
    return PeriodFactory()


@pytest.fixture
def dataset(unit, head, supervisor, employee, period) -> DataSet:
    """Dinas Kesehatan (with Bidang P2P) and Dinas Pendidikan, scored at checkpoint 2.

    Dinas Kesehatan: 14 active people with a score, 11 of them Sangat Baik or Baik, so two places
    (ceil of 1.1). Andi (95) leads; Budi and Citra tie at 92 for the second place, so both are in.
    Dewi (99, Butuh Perbaikan) has the best score but takes no place, and is coached; so are Eka
    (Kurang/Misconduct), Fajar (Sangat Kurang and R 30) and Gita (R 69.99); Citra's R is exactly 70.
    Joko (100) has retired: neither ranked nor listed. Dinas Pendidikan: Hadi (70) over Indah (65).
    """
    make_head(head)
    p2p = UnitFactory(code="DINKES-P2P", name="Bidang P2P", parent=unit)
    fungsional = PositionFactory(unit=p2p, name="Epidemiolog", kind=Position.Kind.FUNGSIONAL)
    pelaksana = PositionFactory(unit=unit, name="Pengadministrasi", kind=Position.Kind.PELAKSANA)
    dikbud = UnitFactory(code="DIKBUD", name="Dinas Pendidikan")
    guru = PositionFactory(unit=dikbud, name="Guru", kind=Position.Kind.FUNGSIONAL)

    def person(name, position, **score):
        someone = EmployeeFactory(name=name, position=position, supervisor=supervisor)
        scored(someone, period=period, **score)
        return someone

    people = {
        "andi": person("Andi", fungsional, score="95", predikat="SANGAT_BAIK", results="100"),
        "budi": person("Budi", fungsional, score="92", predikat="BAIK", results="95"),
        "citra": person("Citra", pelaksana, score="92", predikat="BAIK", results="70"),
        "dewi": person("Dewi", pelaksana, score="99", predikat="BUTUH_PERBAIKAN", results="90"),
        "eka": person("Eka", pelaksana, score="50", predikat="KURANG_MISCONDUCT", results="80"),
        "fajar": person("Fajar", pelaksana, score="40", predikat="SANGAT_KURANG", results="30"),
        "gita": person("Gita", fungsional, score="60", predikat="BAIK", results="69.99"),
        "hadi": person("Hadi", guru, score="70", predikat="BAIK", results="88"),
        "indah": person("Indah", guru, score="65", predikat="SANGAT_BAIK", results="88"),
    }
    for index in range(6):
        person(f"Staf {index}", pelaksana, score=str(80 + index), predikat="BAIK", results="85")
    scored(employee, period=period, score="70", predikat="BAIK", results="75")
    retired = person("Joko", fungsional, score="100", predikat="SANGAT_BAIK", results="100")
    Employee.objects.filter(pk=retired.pk).update(status=Employee.Status.PENSIUN)
    people["joko"] = retired
    return DataSet(period, people, p2p, dikbud)
