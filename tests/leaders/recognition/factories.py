"""Stored scores made by hand, as ``scoring`` would store them, and the leaders' records on top."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from leaders.models import CoachingPlan, Nomination
from scoring.models import EmployeeScore
from tests.appraisal.factories import PeriodFactory
from tests.factories import EmployeeFactory, UserFactory


class ScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmployeeScore

    employee = factory.SubFactory(EmployeeFactory)
    period = factory.SubFactory(PeriodFactory)
    checkpoint = 2
    unit = factory.SelfAttribute("employee.unit")
    results = Decimal("90.00")
    score = Decimal("80.00")
    predikat = "BAIK"


def scored(employee, *, score="80", predikat="BAIK", results="90", **kwargs) -> EmployeeScore:
    """One stored score for ``employee``; ``None`` leaves a figure missing."""
    return ScoreFactory(
        employee=employee,
        score=None if score is None else Decimal(score),
        predikat=predikat,
        results=None if results is None else Decimal(results),
        **kwargs,
    )


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    period = factory.SubFactory(PeriodFactory)
    checkpoint = 2
    employee = factory.SubFactory(EmployeeFactory)
    unit = factory.SelfAttribute("employee.unit")
    award = "Pegawai Berkinerja Terbaik"
    reason = "Capaian tertinggi di unit."
    score = Decimal("95.00")
    evidence = "Skor Kinerja 95,00 (indeks Kinerja), peringkat 1 dari 1\nPredikat Sangat Baik"
    nominated_by = factory.SubFactory(UserFactory)


class CoachingPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoachingPlan

    period = factory.SubFactory(PeriodFactory)
    employee = factory.SubFactory(EmployeeFactory)
    reasons = "Predikat Butuh Perbaikan: Butuh Perbaikan atau lebih rendah"
    goal = "Capaian kembali sesuai target."
    actions = "Dialog kinerja dua mingguan."
    coach = factory.SelfAttribute("employee.supervisor")
    follow_up_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))
    created_by = factory.SubFactory(UserFactory)
