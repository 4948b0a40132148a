"""factory_boy factories for the whole suite."""

from __future__ import annotations

from datetime import date

import factory
from django.contrib.auth.models import Group

from org.access import HR_GROUP
from org.models import Employee, Position, Unit, User
from org.nip import build_nip


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("rahasia-123")


class HrUserFactory(UserFactory):
    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def hr_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get_or_create(name=HR_GROUP)[0])


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"U{n:04d}")
    name = factory.Sequence(lambda n: f"Dinas Contoh {n}")
    kind = Unit.Kind.DINAS


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    name = factory.Sequence(lambda n: f"Analis Kebijakan {n}")
    kind = Position.Kind.FUNGSIONAL
    level = Position.Level.AHLI_MUDA
    unit = factory.SubFactory(UnitFactory)


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    nip = factory.Sequence(
        lambda n: build_nip(
            birth_date=date(1970 + n % 20, 1 + n % 12, 1 + n % 28),
            appointment_year=1990 + n % 20 + n % 5,
            appointment_month=1 + n % 12,
            is_female=False,
            serial=1 + n % 999,
        )
    )
    name = factory.Sequence(lambda n: f"Pegawai {n}")
    gender = Employee.Gender.MALE
    position = factory.SubFactory(PositionFactory)
    unit = factory.SelfAttribute("position.unit")
    rank = Employee.Rank.III_C
