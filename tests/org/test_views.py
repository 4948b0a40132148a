"""Home page per role, the employee profile, and the HR browser of employees and units."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from org.nip import build_nip
from org.views import EMPLOYEES_PER_PAGE
from tests.factories import EmployeeFactory, PositionFactory, UnitFactory, UserFactory

LIST_URL = reverse("org:employee-list")


def _get(client, user, url: str, data: dict | None = None):
    client.force_login(user)
    return client.get(url, data or {})


def _names(response) -> set[str]:
    return {employee.name for employee in response.context["page"].object_list}


# --- Home ---------------------------------------------------------------------------


def test_it_shows_hr_the_hr_panel(client, hr_user, employee):
    response = _get(client, hr_user, reverse("home"))
    assert 'data-testid="panel-hr"' in response.content.decode()
    assert response.context["employee_count"] == 3  # employee, supervisor, head


def test_it_shows_a_supervisor_the_people_they_assess(client, supervisor, employee):
    content = _get(client, supervisor.user, reverse("home")).content.decode()
    assert 'data-testid="panel-supervisor"' in content
    assert employee.get_absolute_url() in content
    assert 'data-testid="panel-hr"' not in content


def test_it_counts_for_the_head_only_the_people_he_assesses(client, head, supervisor, employee):
    response = _get(client, head.user, reverse("home"))
    content = response.content.decode()
    assert list(response.context["assessed"]) == [supervisor]
    assert response.context["assessed_count"] == 1
    assert "1 pegawai yang Anda nilai" in content
    assert response.context["superior_count"] == 1  # the supervisor's report, whom the head does not assess
    assert "Lihat semua (1)" in content
    assert f"{reverse('appraisal:plan-monitoring')}?lingkup=dinilai" in content


def test_it_lists_ten_people_and_offers_them_all(client, supervisor):
    EmployeeFactory.create_batch(12, position=supervisor.position, supervisor=supervisor)
    response = _get(client, supervisor.user, reverse("home"))
    assert len(response.context["assessed"]) == 10
    assert "12 pegawai yang Anda nilai" in response.content.decode()
    assert 'data-testid="assessed-all"' in response.content.decode()


def test_the_menu_reaches_the_monitoring_page_for_supervisors_only(client, supervisor, employee):
    monitoring = f'href="{reverse("appraisal:plan-monitoring")}"'
    assert monitoring in _get(client, supervisor.user, reverse("home")).content.decode()
    assert monitoring not in _get(client, employee.user, reverse("home")).content.decode()


def test_it_shows_an_employee_their_own_data_without_the_supervisor_panel(client, employee):
    content = _get(client, employee.user, reverse("home")).content.decode()
    assert 'data-testid="panel-employee"' in content
    assert employee.nip_display in content
    assert 'data-testid="panel-supervisor"' not in content
    assert 'data-testid="panel-hr"' not in content


def test_it_tells_a_user_without_employee_record_to_contact_hr(client, db):
    content = _get(client, UserFactory(username="tanpa-data"), reverse("home")).content.decode()
    assert "belum terhubung dengan data pegawai" in content
    assert 'data-testid="panel-employee"' not in content


def test_it_sends_anonymous_visitors_of_home_to_login(client):
    assert client.get(reverse("home"))["Location"].startswith(reverse("login"))


# --- Employee detail ------------------------------------------------------------------


@pytest.mark.parametrize("viewer", ["employee", "supervisor", "head", "hr_user"])
def test_it_shows_the_employee_profile_to_self_superiors_and_hr(client, request, employee, viewer):
    persona = request.getfixturevalue(viewer)
    response = _get(client, getattr(persona, "user", persona), employee.get_absolute_url())
    assert response.status_code == 200
    assert employee.nip_display in response.content.decode()


def test_it_links_the_persons_plans_evaluations_scores_and_history(client, hr_user, employee):
    content = _get(client, hr_user, reverse("org:employee-detail", args=[employee.pk])).content.decode()
    record = reverse("appraisal:employee-record", args=[employee.pk])
    assert f'href="{record}"' in content
    assert f'href="{record}#riwayat"' in content
    assert f'href="{reverse("scoring:employee-scores", args=[employee.pk])}"' in content


def test_it_hides_an_employee_from_an_outsider(client, outsider, employee):
    assert _get(client, outsider.user, employee.get_absolute_url()).status_code == 404


def test_it_hides_the_supervisor_from_their_report(client, employee, supervisor):
    assert _get(client, employee.user, supervisor.get_absolute_url()).status_code == 404


def test_it_shows_hr_anyone_and_404s_a_missing_employee(client, hr_user, outsider):
    assert _get(client, hr_user, outsider.get_absolute_url()).status_code == 200
    assert _get(client, hr_user, reverse("org:employee-detail", args=[999999])).status_code == 404


# --- Employee list (HR) -------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["employee", "supervisor", "outsider"])
def test_it_refuses_the_employee_list_to_non_hr(client, request, persona):
    assert _get(client, request.getfixturevalue(persona).user, LIST_URL).status_code == 403


def test_it_sends_anonymous_visitors_of_the_list_to_login(client):
    assert client.get(LIST_URL)["Location"].startswith(reverse("login"))


def test_it_searches_by_name(client, hr_user, employee, supervisor):
    assert _names(_get(client, hr_user, LIST_URL, {"q": "pegaw"})) == {"Pegawai"}


def test_it_searches_by_nip_prefix_with_spaces(client, hr_user):
    nip = build_nip(birth_date=date(1971, 3, 4), appointment_year=1999, appointment_month=2, is_female=False, serial=7)
    EmployeeFactory(name="Budi", nip=nip)
    EmployeeFactory(name="Citra")
    assert _names(_get(client, hr_user, LIST_URL, {"q": "19710304 1999"})) == {"Budi"}


def test_it_filters_by_unit_including_sub_units(client, hr_user):
    dinas = UnitFactory(name="Dinas Pendidikan")
    bidang = UnitFactory(name="Bidang SD", parent=dinas)
    seksi = UnitFactory(name="Seksi Kurikulum", parent=bidang)
    for name, unit in [("Ani", dinas), ("Bima", bidang), ("Cahya", seksi), ("Dodi", UnitFactory())]:
        EmployeeFactory(name=name, position=PositionFactory(unit=unit))
    assert _names(_get(client, hr_user, LIST_URL, {"unit": bidang.pk})) == {"Bima", "Cahya"}
    assert _names(_get(client, hr_user, LIST_URL, {"unit": dinas.pk})) == {"Ani", "Bima", "Cahya"}


def test_it_paginates_and_keeps_the_filter_in_page_links(client, hr_user):
    position = PositionFactory()
    EmployeeFactory.create_batch(EMPLOYEES_PER_PAGE + 5, position=position)
    first = _get(client, hr_user, LIST_URL, {"status": "AKTIF"})
    second = client.get(LIST_URL, {"status": "AKTIF", "page": 2})
    assert first.context["page"].paginator.num_pages == 2
    assert len(first.context["page"].object_list) == EMPLOYEES_PER_PAGE
    assert len(second.context["page"].object_list) == 5
    assert "?status=AKTIF&amp;page=2" in first.content.decode()


def test_it_shows_an_empty_state_when_nothing_matches(client, hr_user, employee):
    response = _get(client, hr_user, LIST_URL, {"q": "tidak-ada-nama-ini"})
    assert "Tidak ada pegawai yang cocok" in response.content.decode()
    assert 'data-testid="employee-table"' not in response.content.decode()


# --- Unit list (HR) -----------------------------------------------------------------------


def test_it_lists_units_as_an_indented_tree(client, hr_user):
    dinas = UnitFactory(code="A", name="Dinas Pendidikan")
    UnitFactory(code="A1", name="Bidang SD", parent=dinas)
    response = _get(client, hr_user, reverse("org:unit-list"))
    assert [(unit.name, depth) for unit, depth, _ in response.context["rows"]] == [
        ("Dinas Pendidikan", 0),
        ("Bidang SD", 1),
    ]


def test_it_refuses_the_unit_list_to_an_outsider(client, outsider):
    assert _get(client, outsider.user, reverse("org:unit-list")).status_code == 403
