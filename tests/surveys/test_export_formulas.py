"""Both survey exports write what citizens and units typed as text, never as formulas (style.md #30)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.core.spreadsheets import HOSTILE, assert_written_as_text
from tests.surveys.factories import OfficerFactory, ResponseFactory, ServiceFactory


@pytest.fixture
def hostile_response(unit, employee):
    """A response whose suggestion, service and officer all carry a formula."""
    employee.name = HOSTILE
    employee.save(update_fields=["name"])
    return ResponseFactory(
        unit=unit,
        service=ServiceFactory(unit=unit, name=HOSTILE),
        officer=employee,
        suggestion=HOSTILE,
        occupation_other=HOSTILE,
        submitted_at=timezone.now(),
    )


def test_the_raw_export_writes_suggestions_services_and_officers_as_text(client, hr_user, unit, hostile_response):
    client.force_login(hr_user)

    response = client.get(reverse("surveys:result-export-responses", args=[unit.code]))

    assert_written_as_text(response.content)


def test_the_report_export_writes_unit_service_and_officer_names_as_text(client, hr_user, unit, hostile_response):
    unit.name = HOSTILE
    unit.save(update_fields=["name"])
    OfficerFactory(employee=hostile_response.officer)
    client.force_login(hr_user)

    response = client.get(reverse("surveys:result-export-report", args=[unit.code]))

    assert_written_as_text(response.content)
