"""Creating and editing a plan: templates, snapshots, cascading, targets and the edit guards."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from appraisal.models import AppraisalPeriod, CheckpointTarget, Indicator, IndicatorTemplate, Plan, WorkResult
from appraisal.services.periods import period_close, period_reopen
from appraisal.services.plans import plan_create
from tests.factories import EmployeeFactory

from .conftest import set_status
from .factories import IndicatorFactory, PlanFactory, RealisationFactory, WorkResultFactory


@pytest.fixture
def templates(employee):
    common = {"position": employee.position, "unit": "Berkas", "aspect": "KUANTITAS"}
    IndicatorTemplate.objects.create(
        work_result="Terlayaninya permohonan", description="Jumlah berkas", target_value=600, order=0, **common
    )
    IndicatorTemplate.objects.create(
        work_result="Terlayaninya permohonan",
        description="Hari proses",
        target_value=4,
        direction="LOWER",
        order=1,
        **common,
    )
    IndicatorTemplate.objects.create(
        work_result="Tertatanya arsip", description="Arsip akurat", target_low=95, target_high=100, order=2, **common
    )


def test_it_starts_a_plan_from_the_position_templates_in_one_go(employee, period, templates):
    plan = plan_create(
        period=period, employee=employee, approach="KUANTITATIF", from_template=True, acting_user=employee.user
    )
    results = list(plan.work_results.order_by("order"))
    assert [r.text for r in results] == ["Terlayaninya permohonan", "Tertatanya arsip"]
    assert [i.description for i in results[0].indicators.order_by("order")] == ["Jumlah berkas", "Hari proses"]
    assert results[1].indicators.get().target.is_range


def test_it_snapshots_the_assessor_and_their_superior(employee, supervisor, head, period):
    plan = plan_create(
        period=period, employee=employee, approach="KUANTITATIF", from_template=False, acting_user=employee.user
    )
    employee.supervisor = EmployeeFactory(name="Atasan Baru")
    employee.save()
    plan.refresh_from_db()
    assert (plan.assessor, plan.assessor_superior) == (supervisor, head)
    assert plan.snapshot["assessor"]["name"] == "Atasan"
    assert plan.snapshot["assessor_superior"]["name"] == "Kepala"
    assert plan.logs.get().action == "CREATE"


def test_it_refuses_a_second_plan_for_the_same_position(employee, plan):
    with pytest.raises(ValidationError):
        plan_create(
            period=plan.period,
            employee=employee,
            approach="KUANTITATIF",
            from_template=False,
            acting_user=employee.user,
        )


def test_it_refuses_a_plan_made_by_someone_else(employee, supervisor, period):
    with pytest.raises(PermissionDenied):
        plan_create(
            period=period, employee=employee, approach="KUANTITATIF", from_template=False, acting_user=supervisor.user
        )


def test_it_refuses_a_plan_in_a_closed_period(employee, period, hr_user):
    period_close(period=period, reason="Selesai", acting_user=hr_user)
    with pytest.raises(ValidationError):
        plan_create(
            period=period, employee=employee, approach="KUANTITATIF", from_template=False, acting_user=employee.user
        )


def test_it_creates_a_plan_from_the_list_page(client, employee, period, templates):
    client.force_login(employee.user)
    response = client.post(
        reverse("appraisal:plan-create"), {"period": period.pk, "approach": "KUANTITATIF", "from_template": "on"}
    )
    plan = Plan.objects.get(employee=employee)
    assert response.url == plan.get_absolute_url()
    assert plan.work_results.count() == 2


def test_it_refuses_plan_creation_to_an_account_without_employee(client, hr_user, period):
    client.force_login(hr_user)
    assert (
        client.post(reverse("appraisal:plan-create"), {"period": period.pk, "approach": "KUANTITATIF"}).status_code
        == 403
    )


def test_it_cascades_a_work_result_from_the_assessors_plan(client, employee, supervisor, plan):
    parent = WorkResultFactory(plan=PlanFactory(period=plan.period, employee=supervisor), text="RHK kepala bidang")
    client.force_login(employee.user)
    data = {"section": "UTAMA", "text": "RHK turunan", "parent": parent.pk, "order": 1}
    client.post(reverse("appraisal:workresult-create", args=[plan.pk]), data)
    assert plan.work_results.get(text="RHK turunan").parent == parent


def test_it_refuses_a_parent_outside_the_assessors_plan(employee, outsider, plan):
    stranger = WorkResultFactory(plan=PlanFactory(period=plan.period, employee=outsider))
    result = WorkResult(plan=plan, text="x", parent=stranger)
    with pytest.raises(ValidationError) as exc_info:
        result.full_clean()
    assert "parent" in exc_info.value.message_dict


def test_it_adds_an_indicator_with_a_range_and_a_checkpoint_target(client, employee, plan):
    work_result = plan.work_results.get()
    client.force_login(employee.user)
    data = {
        "aspect": "KUALITAS", "description": "Data akurat", "target_kind": "range", "target_low": "95",
        "target_high": "100", "unit": "%", "direction": "HIGHER", "weight": "1", "source": "MANUAL", "order": 2,
        "checkpoint_2": "90",
    }  # fmt: skip
    response = client.post(reverse("appraisal:indicator-create", args=[work_result.pk]), data)
    assert response.status_code == 302
    indicator = work_result.indicators.get(description="Data akurat")
    assert (indicator.target_low, indicator.target_high, indicator.target_value) == (95, 100, None)
    assert CheckpointTarget.objects.get(indicator=indicator).checkpoint == 2


def test_it_clears_a_checkpoint_target_left_empty(client, employee, plan):
    indicator = plan.work_results.get().indicators.get()
    CheckpointTarget.objects.create(indicator=indicator, checkpoint=1, target_value=10)
    client.force_login(employee.user)
    data = {
        "aspect": "KUANTITAS",
        "description": "x",
        "target_kind": "single",
        "target_value": "50",
        "unit": "Dok",
        "direction": "HIGHER",
        "weight": "2",
        "source": "MANUAL",
        "order": 0,
    }
    client.post(reverse("appraisal:indicator-update", args=[indicator.pk]), data)
    indicator.refresh_from_db()
    assert indicator.weight == Decimal(2)
    assert not indicator.checkpoint_targets.exists()


@pytest.mark.parametrize(
    ("kind", "value", "low", "high"),
    [("single", "", "", ""), ("range", "", "100", "95"), ("single", "0", "", ""), ("range", "", "90", "")],
)
def test_it_refuses_a_broken_target(client, employee, plan, kind, value, low, high):
    work_result = plan.work_results.get()
    client.force_login(employee.user)
    data = {
        "aspect": "KUANTITAS",
        "description": "Baru",
        "target_kind": kind,
        "target_value": value,
        "target_low": low,
        "target_high": high,
        "unit": "x",
        "direction": "HIGHER",
        "weight": "1",
        "source": "MANUAL",
        "order": 0,
    }
    response = client.post(reverse("appraisal:indicator-create", args=[work_result.pk]), data)
    assert response.status_code == 200
    assert not work_result.indicators.filter(description="Baru").exists()


def test_the_database_refuses_a_target_that_is_both_single_and_range(plan):
    with pytest.raises(Exception, match="target_single_or_range"):
        IndicatorFactory(work_result=plan.work_results.get(), target_value=5, target_low=1, target_high=9)


@pytest.mark.parametrize("state", [Plan.Status.SUBMITTED, Plan.Status.APPROVED])
def test_it_refuses_edits_outside_draft_like_states(client, employee, plan, state):
    set_status(plan, state)
    client.force_login(employee.user)
    response = client.post(
        reverse("appraisal:workresult-create", args=[plan.pk]),
        {"section": "UTAMA", "text": "Baru", "order": 0},
        follow=True,
    )
    assert not plan.work_results.filter(text="Baru").exists()
    assert "hanya dapat diubah" in response.content.decode()


@pytest.mark.parametrize(("role", "status"), [("supervisor", 403), ("head", 403), ("hr_user", 403), ("outsider", 404)])
def test_it_lets_only_the_owner_edit(request, client, plan, role, status):
    persona = request.getfixturevalue(role)
    client.force_login(persona if role == "hr_user" else persona.user)
    indicator = plan.work_results.get().indicators.get()
    assert client.get(reverse("appraisal:workresult-create", args=[plan.pk])).status_code == status
    assert client.get(reverse("appraisal:indicator-update", args=[indicator.pk])).status_code == status
    assert client.post(reverse("appraisal:indicator-delete", args=[indicator.pk])).status_code == status
    assert Indicator.objects.filter(pk=indicator.pk).exists()


def test_it_refuses_edits_in_a_closed_period_until_hr_reopens_it(client, employee, plan, hr_user):
    period_close(period=plan.period, reason="Tutup buku", acting_user=hr_user)
    client.force_login(employee.user)
    url = reverse("appraisal:workresult-create", args=[plan.pk])
    response = client.post(url, {"section": "UTAMA", "text": "Baru", "order": 0}, follow=True)
    assert "sudah ditutup" in response.content.decode()
    assert not plan.work_results.filter(text="Baru").exists()
    period_reopen(period=AppraisalPeriod.objects.get(pk=plan.period_id), reason="Koreksi", acting_user=hr_user)
    client.post(url, {"section": "UTAMA", "text": "Baru", "order": 0})
    assert plan.work_results.filter(text="Baru").exists()


def test_it_refuses_to_delete_an_indicator_with_reported_work(client, employee, plan):
    indicator = plan.work_results.get().indicators.get()
    RealisationFactory(indicator=indicator)
    client.force_login(employee.user)
    response = client.post(reverse("appraisal:indicator-delete", args=[indicator.pk]), follow=True)
    assert Indicator.objects.filter(pk=indicator.pk).exists()
    assert "Tidak dapat dihapus" in response.content.decode()


def test_it_deletes_a_work_result_with_its_indicators(client, employee, plan):
    work_result = plan.work_results.get()
    client.force_login(employee.user)
    client.post(reverse("appraisal:workresult-delete", args=[work_result.pk]))
    assert not WorkResult.objects.filter(pk=work_result.pk).exists()
