from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.factories import UnitFactory


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def tree(db):
    """A Dinas with one Bidang below it, and another Dinas beside it."""
    dinas = UnitFactory(code="DINKES", name="Dinas Kesehatan")
    bidang = UnitFactory(code="DINKES.YANKES", name="Bidang Pelayanan", parent=dinas, kind="BIDANG")
    other = UnitFactory(code="DISDIK", name="Dinas Pendidikan")
    return dinas, bidang, other
