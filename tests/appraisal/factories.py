"""factory_boy factories for the appraisal app."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from appraisal.models import AppraisalPeriod, Indicator, Plan, Realisation, WorkResult
from tests.clock import FROZEN_AT
from tests.factories import EmployeeFactory

YEAR = FROZEN_AT.year


class PeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AppraisalPeriod
        django_get_or_create = ["year"]

    year = YEAR
    checkpoint_type = AppraisalPeriod.CheckpointType.TRIWULANAN
    plan_deadline = factory.LazyAttribute(lambda o: date(o.year, 1, 31))


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    period = factory.SubFactory(PeriodFactory)
    employee = factory.SubFactory(EmployeeFactory)
    position = factory.SelfAttribute("employee.position")
    unit = factory.SelfAttribute("employee.unit")
    assessor = factory.SelfAttribute("employee.supervisor")
    assessor_superior = factory.LazyAttribute(lambda o: o.assessor.supervisor if o.assessor else None)
    snapshot = factory.LazyAttribute(lambda o: {"employee": {"name": o.employee.full_name}})


class WorkResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkResult

    plan = factory.SubFactory(PlanFactory)
    text = factory.Sequence(lambda n: f"Terlaksananya layanan {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    work_result = factory.SubFactory(WorkResultFactory)
    aspect = "KUANTITAS"
    description = factory.Sequence(lambda n: f"Jumlah dokumen {n}")
    target_value = Decimal(50)
    unit = "Dokumen"


class RealisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Realisation

    indicator = factory.SubFactory(IndicatorFactory)
    checkpoint = 1
    value = Decimal(10)


def open_evaluation(plan: Plan, *, kind: str = "ANNUAL", checkpoint: int | None = None):
    """An evaluation opened through the service by the plan's assessor (rows for values and RHK)."""
    from appraisal.services.evaluations import evaluation_open

    return evaluation_open(plan=plan, kind=kind, checkpoint=checkpoint, acting_user=plan.assessor.user)


def rating_input(work: str = "SESUAI_EKSPEKTASI", behaviour: str = "SESUAI_EKSPEKTASI", value: str | None = None, **kw):
    """A complete rating form: every value rated ``value`` (default: the behaviour rating)."""
    from appraisal.models import CoreValue
    from appraisal.services.evaluations import RatingInput

    values = dict.fromkeys(CoreValue.objects.values_list("pk", flat=True), (value or behaviour, ""))
    return RatingInput(work_rating=work, behaviour_rating=behaviour, values=values, **kw)
