"""factory_boy factories for the training app."""

from __future__ import annotations

from datetime import date

import factory
from django.db import connection

from tests.factories import EmployeeFactory, PositionFactory
from training import sql
from training.models import (
    Batch,
    Competency,
    CompetencyAssessment,
    DevelopmentForm,
    DevelopmentRecord,
    PositionStandard,
    Programme,
    ProgrammeCompetency,
)


class CompetencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competency
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"T.UJI.{n:02d}")
    name = factory.Sequence(lambda n: f"Kompetensi Teknis {n}")
    kind = Competency.Kind.TECHNICAL


class PositionStandardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PositionStandard

    position = factory.SubFactory(PositionFactory)
    competency = factory.SubFactory(CompetencyFactory)
    required_level = 3


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompetencyAssessment

    employee = factory.SubFactory(EmployeeFactory)
    competency = factory.SubFactory(CompetencyFactory)
    level = 2
    source = CompetencyAssessment.Source.COMPETENCY_TEST
    assessed_on = date(2026, 3, 1)


def form(code: str = "pelatihan-klasikal") -> DevelopmentForm:
    """A seeded development form (the data migration provides them)."""
    return DevelopmentForm.objects.get(code=code)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    code = factory.Sequence(lambda n: f"P{n:03d}")
    title = factory.Sequence(lambda n: f"Pelatihan {n}")
    form = factory.LazyFunction(form)
    provider = "BPSDM Provinsi"
    jp = 24


class ProgrammeCompetencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeCompetency

    programme = factory.SubFactory(ProgrammeFactory)
    competency = factory.SubFactory(CompetencyFactory)
    target_level = 3


class BatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Batch

    programme = factory.SubFactory(ProgrammeFactory)
    starts_on = date(2026, 5, 4)
    ends_on = date(2026, 5, 8)
    capacity = 30


class DevelopmentRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentRecord

    employee = factory.SubFactory(EmployeeFactory)
    form = factory.LazyFunction(form)
    title = "Pelatihan Pelayanan Prima"
    organiser = "BPSDM Provinsi"
    starts_on = date(2026, 5, 4)
    ends_on = date(2026, 5, 8)
    jp = 24


def count_needs(period) -> None:
    """Count a period's needs written by hand into their totals, as the run does after storing its own."""
    with connection.cursor() as cursor:
        for step in sql.need_totals_steps():
            cursor.execute(step.statement, {"period": period.pk})
