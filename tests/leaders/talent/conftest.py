"""The talent map's tests read Indonesian unless they say otherwise: a test elsewhere that switched the
language through a request leaves it active in this thread (the middleware does not reset it)."""

from __future__ import annotations

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _indonesian():
    with translation.override("id"):
        yield
