"""The AKPK page against the hand-computed example of ``akpk_example``: the organisation, unit,
position and individual levels, a unit head's scope, the filters and the budget form."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.choices import empty_choice
from tests.factories import EmployeeFactory, UserFactory
from tests.training.akpk_example import EKO_NAME, build
from tests.training.factories import AssessmentFactory
from training.models import Competency
from training.planning import Tally
from training.services import recommendations_compute

URL = reverse("training:akpk")


@pytest.fixture
def example(db):
    return build()


def _get(client, user, **params):
    client.force_login(user)
    return client.get(URL, params)


def test_the_organisation_level_counts_needs_per_competency(client, hr_user, example):
    report = _get(client, hr_user).context["report"]
    assert (report.employees_in_scope, report.employees_with_needs) == (6, 5)
    assert (report.total_needs, report.total_priority) == (7, 16)
    assert [(row.target.key, row.tally, row.bar) for row in report.targets] == [
        ("M.03", Tally(needs=3, employees=3, priority=5), 100),  # Ani 2, Dedi 1, Eko 2
        ("T.KES.01", Tally(2, 2, 8), 67),  # Ani 2, Budi 6 (unassessed: 3 × criticality 2)
        ("M.05", Tally(2, 2, 3), 67),  # Citra 1, Dedi 2; fewer priority than T.KES.01 at equal needs
    ]
    assert report.targets[0].target.label == "M.03 Komunikasi"


def test_a_unit_counts_its_sub_units_needs(client, hr_user, example):
    rows = _get(client, hr_user, tampilan="unit").context["report"].units
    assert [(row.unit.code, row.depth, row.needs, row.employees, row.priority, row.bar) for row in rows] == [
        ("DINKES", 0, 6, 4, 14, 100),  # its own Ani (2 needs) and Budi (1) with the sub-unit's Citra and Dedi
        ("DINKES-YAN", 1, 3, 2, 4, 50),
        ("DISDIK", 0, 1, 1, 2, 17),
    ]
    # Two needs each: T.KES.01 first by priority (8), then M.03 and M.05 (3 each) by code.
    assert [(target.key, count) for target, count in rows[0].top] == [("T.KES.01", 2), ("M.03", 2), ("M.05", 2)]


def test_a_unit_pools_the_jpm_of_its_employees_with_its_sub_units(client, hr_user, example):
    """Σ min(actual, required) / Σ required over every standard row in the unit (akpk_example's table):
    DINKES-YAN Citra 2+2, Dedi 1+1 of 3+2 each = 6/10; DINKES adds Ani 1+2, Budi 3+0 of 6 each and
    the head 4/4 = 16/26 (the mean of the five JPMs would be 64); DISDIK Eko 1/3."""
    page = _get(client, hr_user, tampilan="unit")
    jpm = {row.unit.code: row.jpm for row in page.context["report"].units}
    assert jpm == {"DINKES": Decimal("61.54"), "DINKES-YAN": Decimal("60.00"), "DISDIK": Decimal("33.33")}
    assert f'data-testid="unit-jpm-{example.pelayanan.pk}">60,00%' in page.content.decode()  # Indonesian comma


def test_the_position_level_sets_the_gap_against_the_standard(client, hr_user, example):
    rows = _get(client, hr_user, tampilan="jabatan").context["report"].positions
    found = [
        (row.position.name, row.target.key, row.required, row.holders, row.below, row.gap, row.mean_gap, row.tally)
        for row in rows
    ]
    assert found == [
        ("Analis Kesehatan", "T.KES.01", 3, 2, 2, 4, Decimal("2.00"), Tally(2, 2, 8)),  # gaps 1 and 3
        ("Analis Kesehatan", "M.03", 3, 2, 1, 2, Decimal("1.00"), Tally(1, 1, 2)),  # Budi at the standard
        ("Perawat", "M.05", 3, 2, 2, 3, Decimal("1.50"), Tally(2, 2, 3)),
        ("Perawat", "M.03", 2, 2, 1, 1, Decimal("0.50"), Tally(1, 1, 1)),
        ("Guru", "M.03", 3, 1, 1, 2, Decimal("2.00"), Tally(1, 1, 2)),
    ]


def test_the_individual_level_has_a_row_per_need_with_the_proposed_programme(client, hr_user, example):
    response = _get(client, hr_user, tampilan="individu")
    rows = [
        (
            row.number,
            row.need.employee.name,
            row.target.key,
            row.current,
            row.required,
            row.gap,
            row.need.priority,
            row.proposal.code if row.proposal else None,
        )
        for row in response.context["rows"]
    ]
    # Ani's best-ranked programme for M.03 is PB: equal priority, and it brings her (0 JP) to 20.
    assert rows == [
        (1, "Ani", "M.03", 1, 3, 2, 2, "PB"),
        (2, "Ani", "T.KES.01", 2, 3, 1, 2, "PC"),
        (3, "Budi", "T.KES.01", 0, 3, 3, 6, "PC"),
        (4, "Citra", "M.05", 2, 3, 1, 1, "PB"),
        (5, "Dedi", "M.05", 1, 3, 2, 2, "PB"),
        (6, "Dedi", "M.03", 1, 2, 1, 1, "PB"),
        (7, EKO_NAME, "M.03", 1, 3, 2, 2, "PB"),
    ]
    assert "Pelatihan klasikal: Pelayanan Prima" in response.content.decode()


def test_a_unit_head_sees_their_unit_with_its_sub_units_only(client, example):
    report = _get(client, example.head.user).context["report"]
    assert report.filters.unit == example.dinkes
    assert (report.employees_in_scope, report.total_needs) == (5, 6)
    assert {row.target.key for row in report.targets} == {"M.03", "T.KES.01", "M.05"}
    assert EKO_NAME not in {row.employee_id for row in report.needs}
    sub_unit = _get(client, example.head.user, unit=example.pelayanan.pk).context["report"]
    assert (sub_unit.employees_in_scope, sub_unit.total_needs) == (2, 3)


def test_the_unit_filter_names_the_unit_head_s_own_unit_and_all_units_for_hr(client, hr_user, example):
    head_page = _get(client, example.head.user).content
    assert empty_choice(head_page, "unit") == f"{example.dinkes.name} beserta sub-unit"
    assert empty_choice(_get(client, hr_user).content, "unit") == "Semua"


@pytest.mark.parametrize("name", ["training:akpk", "training:akpk-export", "training:akpk-summary"])
def test_a_unit_head_asking_for_another_unit_gets_404(client, example, name):
    client.force_login(example.head.user)
    assert client.get(reverse(name), {"unit": example.disdik.pk}).status_code == 404


def test_an_employee_who_heads_nothing_gets_403(client, example):
    ani = example.employees["Ani"]
    ani.user = UserFactory(username="ani")
    ani.save(update_fields=["user"])
    client.force_login(ani.user)
    assert client.get(URL).status_code == 403


def test_the_position_kind_filter_keeps_that_kind(client, hr_user, example):
    report = _get(client, hr_user, jenis="PELAKSANA").context["report"]
    assert (report.employees_in_scope, report.total_needs, report.total_priority) == (2, 3, 4)


@pytest.mark.parametrize("params", [{"periode": 999999}, {"jenis": "BUKAN"}, {"unit": "x"}])
def test_a_filter_value_no_choice_offers_is_404(client, hr_user, example, params):
    assert _get(client, hr_user, **params).status_code == 404


def test_without_a_budget_the_plan_covers_every_need_it_can(client, hr_user, example):
    plan = _get(client, hr_user, tampilan="rencana").context["plan"]
    # PB first (5 needs of 4 people: 96 JP), then PC for the two T.KES.01 needs (2 × 16 JP).
    assert [(row.planned.programme.code, row.planned.needs, row.planned.hours) for row in plan.rows] == [
        ("PB", 5, 96),
        ("PC", 2, 32),
    ]
    assert (plan.needs_covered, plan.total_needs, plan.hours_used, plan.budget) == (7, 7, 128, None)


def test_within_a_budget_the_plan_takes_what_fits(client, hr_user, example):
    response = _get(client, hr_user, tampilan="rencana", anggaran="60")
    plan = response.context["plan"]
    # PB (96 JP) does not fit; PA (3 needs, 24 JP) then PC (2 needs, 32 JP): 56 of 60.
    assert [row.planned.programme.code for row in plan.rows] == ["PA", "PC"]
    assert (plan.needs_covered, plan.hours_used, plan.budget) == (5, 56, 60)
    assert [row.hours_so_far for row in plan.rows] == [24, 56]


@pytest.mark.parametrize("typed", ["0", "-5", "abc", "12,5", "1e3"])
def test_a_bad_budget_is_refused_in_indonesian_and_kept(client, hr_user, example, typed):
    response = _get(client, hr_user, tampilan="rencana", anggaran=typed)
    assert response.status_code == 200
    assert response.context["plan"] is None
    page = response.content.decode()
    assert "Anggaran harus berupa bilangan bulat JP yang lebih dari 0, misalnya 480." in page
    assert f'value="{typed}"' in page


def test_a_budget_too_large_is_refused(client, hr_user, example):
    response = _get(client, hr_user, tampilan="rencana", anggaran="10000001")
    assert response.context["plan"] is None
    assert "Anggaran paling banyak 10000000 JP." in response.content.decode()


@pytest.mark.parametrize("view", ["organisasi", "unit", "jabatan", "individu", "rencana"])
def test_every_view_pages_and_renders(client, hr_user, example, view):
    response = _get(client, hr_user, tampilan=view, page=1)
    assert response.status_code == 200
    assert (
        response.context["page"].paginator.count
        == {
            "organisasi": 3,
            "unit": 3,
            "jabatan": 5,
            "individu": 7,
            "rencana": 2,
        }[view]
    )


def test_the_page_says_when_no_period_exists(client, hr_user, db):
    response = _get(client, hr_user)
    assert response.status_code == 200
    assert response.context["filters"] is None
    assert client.get(reverse("training:akpk-export")).status_code == 404


@pytest.mark.parametrize("view", ["organisasi", "unit", "jabatan", "individu", "rencana"])
def test_the_number_of_queries_does_not_grow_with_the_employees(client, hr_user, example, view):
    client.force_login(hr_user)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, {"tampilan": view}).status_code == 200
        return len(captured)

    before = queries()
    analis = example.employees["Ani"].position
    for name in ["Fajar", "Gita", "Hadi"]:
        employee = EmployeeFactory(name=name, position=analis)
        AssessmentFactory(employee=employee, competency=Competency.objects.get(code="M.03"), level=1)
    recommendations_compute(period=example.period)
    assert _get(client, hr_user).context["report"].total_needs == 13  # each adds M.03 and T.KES.01
    assert queries() == before
