"""Every org export writes imported names as text, never as formulas (style.md #30)."""

from __future__ import annotations

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse

from org.admin import export_xlsx
from org.models import Employee, Position, Unit
from tests.core.spreadsheets import HOSTILE, assert_written_as_text, formula_parts

NAMED = {"unit": Unit, "jabatan": Position, "pegawai": Employee}


@pytest.fixture
def hostile_names(employee):
    """An imported unit, position and employee name that Excel would run as a formula."""
    for row in (employee.unit, employee.position, employee):
        type(row).objects.filter(pk=row.pk).update(name=HOSTILE)


@pytest.mark.parametrize("kind", list(NAMED))
def test_the_export_page_writes_names_as_text(client, hr_user, hostile_names, kind):
    client.force_login(hr_user)

    response = client.get(reverse("org:export-download", args=[kind]))

    assert_written_as_text(b"".join(response.streaming_content))


@pytest.mark.parametrize("model", list(NAMED.values()))
def test_the_admin_action_writes_names_as_text(rf: RequestFactory, hostile_names, model):
    response = export_xlsx(site._registry[model], rf.get("/"), model.objects.all())

    assert_written_as_text(response.content)


@pytest.mark.parametrize("kind", list(NAMED))
def test_the_template_holds_no_formula(client, hr_user, kind):
    client.force_login(hr_user)

    response = client.get(reverse("org:import-template", args=[kind]))

    assert formula_parts(b"".join(response.streaming_content)) == []
