"""The transparency page: every number of the plan's capaian traced to its inputs (domain.md §7.1)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from appraisal.models import CheckpointTarget, Plan

from .conftest import set_status
from .factories import IndicatorFactory, PlanFactory, RealisationFactory, WorkResultFactory


@pytest.fixture
def worked_plan(period, employee):
    """The plan of the §7.1 worked example (I1 ×2, I2, I3) plus I4 unreported, at checkpoint 2."""
    plan = set_status(PlanFactory(period=period, employee=employee), Plan.Status.APPROVED)
    work_result = WorkResultFactory(plan=plan)
    rows = [
        ("I1 dokumen diproses", 50, 45, "HIGHER", 2),
        ("I2 hari terbit izin", 4, 5, "LOWER", 1),
        ("I3 pengaduan dijawab", 100, 130, "HIGHER", 1),
    ]
    for text, target, value, direction, weight in rows:
        indicator = IndicatorFactory(
            work_result=work_result, description=text, target_value=target, direction=direction, weight=weight
        )
        CheckpointTarget.objects.create(indicator=indicator, checkpoint=2, target_value=target)
        RealisationFactory(indicator=indicator, checkpoint=2, value=value)
    return plan


def test_it_shows_the_worked_example_step_by_step(client, employee, worked_plan):
    client.force_login(employee.user)
    page = client.get(reverse("appraisal:plan-achievement", args=[worked_plan.pk]), {"titik": 2}).content.decode()
    assert 'data-testid="plan-capaian">93,75<' in page
    assert "45 ÷ 50 × 100" in page
    assert "(2 − 5 ÷ 4) × 100" in page
    assert "130 ÷ 100 × 100" in page
    assert "130,00" in page and "dibatasi 120" in page
    assert 'data-testid="total-weight">4<' in page
    assert 'data-testid="weighted-sum">375,00<' in page
    assert "Sesuai Ekspektasi" in page


def test_it_flags_an_unreported_indicator_and_counts_it_as_zero(client, employee, worked_plan):
    IndicatorFactory(work_result=worked_plan.work_results.get(), description="I4 belum", weight=Decimal(1))
    client.force_login(employee.user)
    page = client.get(reverse("appraisal:plan-achievement", args=[worked_plan.pk]), {"titik": 2}).content.decode()
    assert "belum dilaporkan" in page
    assert 'data-testid="plan-capaian">75,00<' in page  # 375 / 5


def test_it_uses_the_period_cap(client, employee, worked_plan):
    worked_plan.period.achievement_cap = Decimal(150)
    worked_plan.period.save()
    client.force_login(employee.user)
    page = client.get(reverse("appraisal:plan-achievement", args=[worked_plan.pk]), {"titik": 2}).content.decode()
    assert 'data-testid="plan-capaian">96,25<' in page  # (180 + 75 + 130) / 4: I3 no longer capped


def test_it_falls_back_to_the_current_checkpoint_for_a_bad_parameter(client, employee, worked_plan):
    client.force_login(employee.user)
    page = client.get(reverse("appraisal:plan-achievement", args=[worked_plan.pk]), {"titik": "99"}).content.decode()
    assert 'data-testid="plan-capaian">93,75<' in page  # 15 May is in Triwulan II


def test_it_shows_the_regulations_lower_is_better_formula_in_force(client, employee, worked_plan):
    client.force_login(employee.user)
    page = client.get(reverse("appraisal:plan-achievement", args=[worked_plan.pk]), {"titik": 2}).content.decode()
    assert "capaian = (2 − realisasi ÷ target) × 100, rumus kondisi khusus lampiran PermenPANRB 8/2021" in page


def test_it_shows_the_alternative_formula_when_the_period_uses_it(client, employee, worked_plan):
    worked_plan.period.lower_formula = "RATIO"
    worked_plan.period.save()
    client.force_login(employee.user)
    page = client.get(reverse("appraisal:plan-achievement", args=[worked_plan.pk]), {"titik": 2}).content.decode()
    assert "capaian = target ÷ realisasi × 100 (pilihan Pemda" in page
    assert "4 ÷ 5 × 100" in page
    assert 'data-testid="plan-capaian">95,00<' in page


def test_it_names_the_nearer_bound_of_a_range(client, employee, worked_plan):
    """I11 of §7.1: a stabil budget band 90–100, 104 absorbed."""
    indicator = IndicatorFactory(
        work_result=worked_plan.work_results.get(),
        description="I11 serapan anggaran",
        target_value=None,
        target_low=90,
        target_high=100,
        direction="STABIL",
    )
    RealisationFactory(indicator=indicator, checkpoint=2, value=104)
    client.force_login(employee.user)
    page = client.get(reverse("appraisal:plan-achievement", args=[worked_plan.pk]), {"titik": 2}).content.decode()
    assert "(2 − 104 ÷ 100) × 100" in page
    assert "di atas rentang, acuan: batas atas" in page
    assert "96,00" in page


@pytest.mark.parametrize(
    ("role", "status"), [("employee", 200), ("supervisor", 200), ("head", 200), ("hr_user", 200), ("outsider", 404)]
)
def test_it_shows_the_page_to_plan_readers_only(request, client, worked_plan, role, status):
    persona = request.getfixturevalue(role)
    client.force_login(getattr(persona, "user", persona))
    assert client.get(reverse("appraisal:plan-achievement", args=[worked_plan.pk])).status_code == status


@pytest.mark.parametrize("name", ["plan-achievement", "plan-detail"])
def test_it_sends_anonymous_users_to_login(client, worked_plan, name):
    response = client.get(reverse(f"appraisal:{name}", args=[worked_plan.pk]))
    assert reverse("login") in response.url


@pytest.mark.parametrize(
    ("role", "status"), [("employee", 200), ("supervisor", 200), ("head", 200), ("hr_user", 200), ("outsider", 404)]
)
def test_it_shows_the_plan_page_to_plan_readers_only(request, client, worked_plan, role, status):
    persona = request.getfixturevalue(role)
    client.force_login(getattr(persona, "user", persona))
    assert client.get(reverse("appraisal:plan-detail", args=[worked_plan.pk])).status_code == status


def test_it_lists_my_plans_and_those_awaiting_me(client, employee, supervisor, plan):
    set_status(plan, Plan.Status.SUBMITTED)
    client.force_login(supervisor.user)
    page = client.get(reverse("appraisal:plan-list")).content.decode()
    assert 'data-testid="awaiting"' in page and plan.get_absolute_url() in page
    client.force_login(employee.user)
    assert plan.get_absolute_url() in client.get(reverse("appraisal:plan-list")).content.decode()


def test_it_shows_a_history_entry_whose_actor_is_gone(client, employee, plan):
    plan.logs.create(action="CREATE", to_status="DRAFT", actor=None)
    client.force_login(employee.user)
    response = client.get(plan.get_absolute_url())
    assert response.status_code == 200
    assert "Dibuat</strong>" in response.content.decode()
