"""Factories of the survey app."""

from __future__ import annotations

import factory

from surveys.models import Complaint, KioskDevice, Officer, Response, Service
from tests.factories import EmployeeFactory, UnitFactory, UserFactory


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    unit = factory.SubFactory(UnitFactory)
    name = factory.Sequence(lambda n: f"Layanan {n}")
    slug = factory.Sequence(lambda n: f"layanan-{n}")


class ResponseFactory(factory.django.DjangoModelFactory):
    """A response answering every element with 4 unless told otherwise (``u3=2``)."""

    class Meta:
        model = Response

    unit = factory.SubFactory(UnitFactory)
    u1 = u2 = u3 = u4 = u5 = u6 = u7 = u8 = u9 = 4

    @classmethod
    def with_answers(cls, answers: list[int], **kwargs) -> Response:
        return cls(**{f"u{i}": value for i, value in enumerate(answers, start=1)}, **kwargs)


class OfficerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Officer

    employee = factory.SubFactory(EmployeeFactory)


class KioskDeviceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KioskDevice

    unit = factory.SubFactory(UnitFactory)
    name = factory.Sequence(lambda n: f"Tablet loket {n}")
    created_by = factory.SubFactory(UserFactory)


class ComplaintFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Complaint

    unit = factory.SubFactory(UnitFactory)
    body = "Antrean terlalu lama dan tidak ada nomor antrean."
