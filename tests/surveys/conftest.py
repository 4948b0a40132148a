"""Survey fixtures: a unit head (the ``head`` persona heading ``unit``), sub-units, and a form submitter."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories import EmployeeFactory, PositionFactory, UnitFactory, UserFactory

TOKEN_PATTERN = re.compile(r'name="token" value="([^"]+)"')
ALL_FOURS = {f"u{i}": "4" for i in range(1, 10)}


@pytest.fixture(autouse=True)
def _empty_rate_limits(db):
    """Rate-limit counters live in Redis (this helper's own db): start every test from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def unit_head(head):
    """``head`` (Kepala Dinas of ``unit``) with a unit-head position: they manage ``unit`` and below."""
    head.position.is_unit_head = True
    head.position.save(update_fields=["is_unit_head"])
    return head


@pytest.fixture
def subunit(unit):
    return UnitFactory(code="PKM-A", name="Puskesmas A", kind="PUSKESMAS", parent=unit)


@pytest.fixture
def subunit_head(subunit):
    """The head of ``subunit`` (a puskesmas under the Dinas): manages it, not the OPD above."""
    position = PositionFactory(unit=subunit, name="Kepala Puskesmas A", is_unit_head=True, kind="STRUKTURAL")
    return EmployeeFactory(name="Kepala Puskesmas", position=position, user=UserFactory(username="kapus"))


@pytest.fixture
def other_unit(db):
    return UnitFactory(code="DISDUK", name="Dinas Kependudukan")


@pytest.fixture
def other_head(other_unit):
    """The head of another unit: an outsider to ``unit``'s surveys."""
    position = PositionFactory(unit=other_unit, name="Kepala Disduk", is_unit_head=True, kind="STRUKTURAL")
    return EmployeeFactory(name="Kepala Lain", position=position, user=UserFactory(username="kepala-lain"))


def form_token(client, url: str) -> str:
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    return TOKEN_PATTERN.search(page.content.decode()).group(1)


def submit(client, url: str, *, token: str | None = None, **fields):
    """Open the form (for its signed token and cookies) and send every answer in the last step's POST."""
    data = {**ALL_FOURS, "step": "3", "token": token or form_token(client, url), **fields}
    return client.post(url, {key: value for key, value in data.items() if value is not None})


def form_url(unit, service=None, **params) -> str:
    if service is None:
        url = reverse("surveys:survey-form", args=[unit.code])
    else:
        url = reverse("surveys:survey-service-form", args=[unit.code, service.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")
