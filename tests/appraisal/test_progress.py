"""Progress reporting: realisations, activities and measured sources (domain.md §7.1, issue point 6)."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from types import ModuleType, SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from appraisal.models import Realisation, Source
from appraisal.services.periods import period_close
from appraisal.services.progress import activity_record, realisation_record, realisation_sync
from appraisal.sources import SourceUnavailable

from .conftest import set_status


def test_it_records_and_corrects_the_realisation_of_a_checkpoint(employee, indicator):
    realisation_record(indicator=indicator, checkpoint=2, value=Decimal(20), note="", acting_user=employee.user)
    realisation_record(indicator=indicator, checkpoint=2, value=Decimal(24), note="koreksi", acting_user=employee.user)
    realisation = Realisation.objects.get(indicator=indicator)
    assert (realisation.checkpoint, realisation.value, realisation.updated_by) == (2, Decimal(24), employee.user)


def test_it_refuses_progress_before_the_plan_is_approved(employee, plan):
    indicator = plan.work_results.get().indicators.get()
    with pytest.raises(ValidationError):
        realisation_record(indicator=indicator, checkpoint=1, value=Decimal(1), note="", acting_user=employee.user)


def test_it_keeps_reporting_open_during_a_revision(employee, indicator):
    set_status(indicator.work_result.plan, "REVISION")
    realisation_record(indicator=indicator, checkpoint=1, value=Decimal(5), note="", acting_user=employee.user)
    assert indicator.realisations.count() == 1


def test_it_refuses_a_checkpoint_the_period_does_not_have(employee, indicator):
    with pytest.raises(ValidationError):
        realisation_record(indicator=indicator, checkpoint=5, value=Decimal(1), note="", acting_user=employee.user)


@pytest.mark.parametrize("role", ["supervisor", "head", "hr_user"])
def test_it_lets_only_the_owner_report(request, indicator, role):
    persona = request.getfixturevalue(role)
    with pytest.raises(PermissionDenied):
        realisation_record(
            indicator=indicator, checkpoint=1, value=Decimal(1), note="", acting_user=getattr(persona, "user", persona)
        )


def test_it_refuses_reporting_in_a_closed_period(employee, indicator, hr_user):
    period_close(period=indicator.work_result.plan.period, reason="Selesai", acting_user=hr_user)
    with pytest.raises(ValidationError):
        realisation_record(indicator=indicator, checkpoint=1, value=Decimal(1), note="", acting_user=employee.user)
    with pytest.raises(ValidationError):
        activity_record(indicator=indicator, day=date(2026, 5, 1), description="x", acting_user=employee.user)


def test_it_records_an_activity_inside_the_period_only(employee, indicator):
    activity_record(
        indicator=indicator, day=date(2026, 5, 2), description="Verifikasi berkas", acting_user=employee.user
    )
    with pytest.raises(ValidationError):
        activity_record(indicator=indicator, day=date(2025, 12, 31), description="x", acting_user=employee.user)
    assert list(indicator.activities.values_list("description", flat=True)) == ["Verifikasi berkas"]


def test_it_saves_a_realisation_from_the_progress_page(client, employee, indicator):
    client.force_login(employee.user)
    url = reverse("appraisal:realisation-save", args=[indicator.pk])
    response = client.post(url, {"checkpoint": 2, "value": "22.5", "note": "April–Mei"})
    assert response.status_code == 302
    assert indicator.realisations.get().value == Decimal("22.5")


def test_it_shows_form_errors_on_the_progress_page(client, employee, indicator):
    client.force_login(employee.user)
    response = client.post(reverse("appraisal:realisation-save", args=[indicator.pk]), {"checkpoint": 2, "value": "-1"})
    assert response.status_code == 400
    assert not indicator.realisations.exists()


@pytest.mark.parametrize(
    ("role", "status"), [("employee", 200), ("supervisor", 200), ("head", 200), ("hr_user", 200), ("outsider", 404)]
)
def test_it_shows_the_progress_page_to_plan_readers_only(request, client, indicator, role, status):
    persona = request.getfixturevalue(role)
    client.force_login(getattr(persona, "user", persona))
    assert client.get(reverse("appraisal:indicator-progress", args=[indicator.pk])).status_code == status


def test_it_hides_the_report_forms_from_the_supervisor(client, supervisor, indicator):
    client.force_login(supervisor.user)
    page = client.get(reverse("appraisal:indicator-progress", args=[indicator.pk])).content.decode()
    assert reverse("appraisal:realisation-save", args=[indicator.pk]) not in page


@pytest.fixture
def measured(indicator):
    indicator.source = Source.UNIT_IKM
    indicator.target_value = Decimal("76.61")
    indicator.save()
    return indicator


def test_it_refuses_manual_entry_for_a_measured_indicator(employee, measured):
    with pytest.raises(ValidationError):
        realisation_record(indicator=measured, checkpoint=1, value=Decimal(80), note="", acting_user=employee.user)


def test_it_says_the_unit_ikm_is_not_available_without_the_surveys_selector(monkeypatch, employee, measured):
    monkeypatch.setitem(sys.modules, "surveys.selectors", None)  # as before the surveys app existed
    with pytest.raises(SourceUnavailable, match="belum tersedia"):
        realisation_sync(indicator=measured, checkpoint=2, acting_user=employee.user)
    assert not measured.realisations.exists()


def test_it_takes_the_unit_ikm_year_to_date_from_the_surveys_selector(monkeypatch, employee, measured):
    calls = []

    def unit_ikm(**kwargs):
        calls.append(kwargs)
        return SimpleNamespace(score=Decimal("83.33"), ikm=Decimal("3.3333"))

    module = ModuleType("surveys.selectors")
    module.unit_ikm = unit_ikm
    monkeypatch.setitem(sys.modules, "surveys.selectors", module)
    realisation_sync(indicator=measured, checkpoint=2, acting_user=employee.user)
    realisation = measured.realisations.get()
    assert (realisation.value, realisation.source) == (Decimal("83.33"), Source.UNIT_IKM)
    plan = measured.work_result.plan
    assert calls == [{"unit": plan.unit, "start": date(2026, 1, 1), "end": date(2026, 6, 30), "include_subunits": True}]


def test_it_stores_nothing_while_the_unit_has_no_survey_responses(client, employee, measured):
    client.force_login(employee.user)
    response = client.post(reverse("appraisal:realisation-sync", args=[measured.pk]), {"checkpoint": 2}, follow=True)
    assert not measured.realisations.exists()
    assert "belum memiliki data" in response.content.decode()
