"""Role personas shared by every test (healthchecks style: owner, teammate, outsider)."""

from __future__ import annotations

import pytest

from tests.factories import EmployeeFactory, HrUserFactory, PositionFactory, UnitFactory, UserFactory


@pytest.fixture
def unit(db):
    return UnitFactory(code="DINKES", name="Dinas Kesehatan")


@pytest.fixture
def hr_user(db):
    return HrUserFactory(username="hr")


@pytest.fixture
def head(unit):
    """Superior of the supervisor: the Atasan Pejabat Penilai of ``employee``."""
    position = PositionFactory(unit=unit, name="Kepala Dinas", kind="STRUKTURAL", level="JPT_PRATAMA")
    return EmployeeFactory(name="Kepala", position=position, user=UserFactory(username="kepala"))


@pytest.fixture
def supervisor(unit, head):
    position = PositionFactory(unit=unit, name="Kepala Bidang", kind="STRUKTURAL", level="ADMINISTRATOR")
    return EmployeeFactory(name="Atasan", position=position, supervisor=head, user=UserFactory(username="atasan"))


@pytest.fixture
def employee(unit, supervisor):
    position = PositionFactory(unit=unit, name="Pengelola Data", kind="PELAKSANA", level="PELAKSANA")
    return EmployeeFactory(
        name="Pegawai", position=position, supervisor=supervisor, user=UserFactory(username="pegawai")
    )


@pytest.fixture
def outsider(db):
    """An employee with a login in another unit, outside every chain above."""
    return EmployeeFactory(name="Orang Luar", user=UserFactory(username="luar"))


def login(client, user):
    client.force_login(user)
    return client
