"""The effective standard of a position and the current level of an employee, in constant queries."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import EmployeeFactory, PositionFactory
from tests.training.factories import AssessmentFactory, CompetencyFactory, PositionStandardFactory
from training.models import Competency, PositionKindStandard
from training.selectors import current_levels, standards_for_positions

pytestmark = pytest.mark.django_db


def seeded(code: str) -> Competency:
    return Competency.objects.get(code=code)


def test_it_takes_a_positions_own_rows_as_its_whole_standard():
    position = PositionFactory(kind="PELAKSANA", level="PELAKSANA")
    technical = CompetencyFactory()
    PositionStandardFactory(position=position, competency=technical, required_level=3, criticality=2)
    PositionStandardFactory(position=position, competency=seeded("M.03"), required_level=3)
    standard = standards_for_positions([position.pk])[position.pk]
    assert {pk: (s.required_level, s.criticality, s.own) for pk, s in standard.items()} == {
        technical.pk: (3, 2, True),
        seeded("M.03").pk: (3, 1, True),
    }


def test_it_falls_back_to_the_defaults_of_the_positions_level():
    pengawas = PositionFactory(kind="STRUKTURAL", level="PENGAWAS")
    PositionKindStandard.objects.filter(position_level="PENGAWAS", competency__code="M.08").update(criticality=3)
    standard = standards_for_positions([pengawas.pk])[pengawas.pk]
    defaults = PositionKindStandard.objects.filter(position_level="PENGAWAS")
    assert set(standard) == set(defaults.values_list("competency_id", flat=True))
    assert standard[seeded("M.08").pk].criticality == 3
    assert {s.required_level for s in standard.values()} == {2}
    assert not any(s.own for s in standard.values())


def test_it_leaves_out_inactive_competencies_and_gives_an_empty_standard_to_a_level_without_defaults():
    PositionKindStandard.objects.filter(position_level="AHLI_MUDA").delete()
    seeded("M.07").__class__.objects.filter(code="M.07").update(is_active=False)
    fungsional, pelaksana = PositionFactory(level="AHLI_MUDA"), PositionFactory(level="PELAKSANA")
    standards = standards_for_positions([fungsional.pk, pelaksana.pk])
    assert standards[fungsional.pk] == {}
    assert seeded("M.07").pk not in standards[pelaksana.pk]
    assert len(standards[pelaksana.pk]) == 8


def test_it_reads_standards_in_three_queries_however_many_positions(django_assert_num_queries):
    positions = [PositionFactory(level=level) for level in ("PELAKSANA", "PENGAWAS", "ADMINISTRATOR")]
    for position in positions[:2]:
        PositionStandardFactory(position=position)
    many = positions + [PositionFactory(level="PELAKSANA") for _ in range(5)]
    with django_assert_num_queries(3):
        standards_for_positions([p.pk for p in many])
    with django_assert_num_queries(3):
        assert len(standards_for_positions([p.pk for p in positions])) == 3


def test_it_takes_the_latest_valid_assessment_as_the_current_level():
    employee, competency = EmployeeFactory(), CompetencyFactory()
    AssessmentFactory(employee=employee, competency=competency, level=1, assessed_on=date(2024, 5, 1))
    AssessmentFactory(employee=employee, competency=competency, level=3, assessed_on=date(2025, 5, 1))
    AssessmentFactory(employee=employee, competency=competency, level=4, assessed_on=date(2026, 5, 1), is_valid=False)
    AssessmentFactory(employee=employee, competency=competency, level=2, assessed_on=date(2023, 5, 1))
    assert current_levels([employee.pk]) == {employee.pk: {competency.pk: 3}}


def test_it_breaks_a_same_day_tie_by_the_later_record():
    employee, competency = EmployeeFactory(), CompetencyFactory()
    AssessmentFactory(employee=employee, competency=competency, level=2)
    AssessmentFactory(employee=employee, competency=competency, level=4)
    assert current_levels([employee.pk])[employee.pk][competency.pk] == 4


def test_it_reads_current_levels_in_one_query(django_assert_num_queries):
    employees = EmployeeFactory.create_batch(4)
    competencies = CompetencyFactory.create_batch(3)
    for index, employee in enumerate(employees[:3]):
        for competency in competencies:
            AssessmentFactory(employee=employee, competency=competency, level=1 + index)
    with django_assert_num_queries(1):
        levels = current_levels([employee.pk for employee in employees])
    assert levels[employees[2].pk] == dict.fromkeys((c.pk for c in competencies), 3)
    assert employees[3].pk not in levels
