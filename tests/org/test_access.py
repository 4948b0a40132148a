"""The access module: who is HR, who heads a unit, who supervises whom (docs/org.md, "Roles")."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from appraisal.permissions import can_set_org_result, can_view_distribution
from appraisal.selectors import distribution_units
from org import access
from org.models import Employee
from surveys.access import can_manage_unit
from tests.factories import EmployeeFactory, PositionFactory, UnitFactory, UserFactory
from tests.queries import statements

INACTIVE = [s for s in Employee.Status.values if s != Employee.Status.AKTIF]


@pytest.fixture
def office(unit):
    """``unit`` (DINKES) with a sub-unit below it."""
    return UnitFactory(code="DINKES.YANKES", name="Bidang Pelayanan", parent=unit)


def _head_of(unit, *, status=Employee.Status.AKTIF, username="kepala-unit"):
    position = PositionFactory(unit=unit, name=f"Kepala {unit.code}", kind="STRUKTURAL", is_unit_head=True)
    return EmployeeFactory(position=position, status=status, user=UserFactory(username=username))


def _fresh(user):
    """The user as a new request sees them (role answers are memoised on the user object)."""
    return type(user).objects.get(pk=user.pk)


def test_it_makes_an_active_holder_of_the_head_position_the_unit_head(unit, office):
    head = _head_of(office)
    assert access.is_unit_head(head)
    assert access.unit_head(office) == head
    assert access.headed_unit(head.user) == office
    assert access.heads(head.user, office)
    assert not access.heads(head.user, unit)
    assert not access.heads(head.user, None)


@pytest.mark.parametrize("status", INACTIVE)
def test_it_makes_no_inactive_employee_a_unit_head(unit, office, status):
    head = _head_of(office, status=status)
    assert not access.is_unit_head(head)
    assert access.unit_head(office) is None
    assert access.headed_unit(head.user) is None
    assert not access.heads(head.user, office)
    assert head not in access.unit_heads()


@pytest.mark.parametrize("status", INACTIVE)
def test_an_inactive_head_loses_every_apps_head_pages(unit, office, status):
    """Before one rule, appraisal kept an inactive head's distribution pages while surveys dropped them."""
    above = _head_of(unit, status=status)
    assert not can_set_org_result(above.user, office)
    assert not can_view_distribution(above.user, unit)
    assert distribution_units(above.user) == []
    assert not can_manage_unit(above.user, unit)


def test_an_active_head_keeps_every_apps_head_pages(unit, office):
    above = _head_of(unit)
    assert can_set_org_result(above.user, office)
    assert can_view_distribution(above.user, unit)
    assert distribution_units(above.user) == [unit, office]
    assert can_manage_unit(_fresh(above.user), office)


def test_an_inactive_head_is_refused_the_distribution_page(client, unit):
    head = _head_of(unit, status=Employee.Status.CUTI)
    client.force_login(head.user)
    assert client.get(reverse("appraisal:distribution-detail")).status_code == 403


def test_the_responsible_head_skips_an_inactive_head_for_the_nearest_active_one(unit, office):
    above = _head_of(unit, username="kepala-dinas")
    _head_of(office, status=Employee.Status.PENSIUN, username="kepala-bidang")
    assert access.responsible_head(office) == above
    assert access.responsible_head(unit) == above


def test_a_unit_without_any_active_head_has_no_responsible_head(unit, office):
    _head_of(unit, status=Employee.Status.BERHENTI)
    assert access.responsible_head(office) is None


def test_the_chain_above_an_employee_supervises_them(employee, supervisor, head, outsider):
    assert access.supervises(supervisor.user, employee)
    assert access.supervises(head.user, employee)
    assert not access.supervises(employee.user, employee)
    assert not access.supervises(employee.user, supervisor)
    assert not access.supervises(outsider.user, employee)


def test_a_supervisor_still_sees_an_inactive_report_record(employee, supervisor, outsider):
    employee.status = Employee.Status.PENSIUN
    employee.save()
    assert access.can_view_employee(supervisor.user, employee)
    assert access.can_view_employee(employee.user, employee)
    assert not access.can_view_employee(outsider.user, employee)


def test_a_unit_head_reads_every_active_person_below_them_and_supervises_none(unit, office, outsider):
    above = _head_of(unit)
    seksi = UnitFactory(code="DINKES.YANKES.RUJUKAN", name="Seksi Rujukan", parent=office)
    person = EmployeeFactory(position=PositionFactory(unit=seksi))
    assert access.can_view_employee(above.user, person)
    assert not access.supervises(above.user, person)
    assert not access.can_view_employee(above.user, outsider)
    below = _head_of(office, username="kepala-bidang")
    assert access.can_view_employee(below.user, person)
    assert not access.can_view_employee(below.user, EmployeeFactory(position=PositionFactory(unit=unit)))
    person.status = Employee.Status.PENSIUN
    assert not access.can_view_employee(above.user, person)


def test_a_unit_head_asking_about_many_people_reads_the_scope_once(unit, office):
    user = _fresh(_head_of(unit).user)
    people = [EmployeeFactory(position=PositionFactory(unit=office)) for _ in range(20)]
    assert statements(lambda: access.can_view_employee(user, people[0])) > 0
    assert statements(lambda: all(access.can_view_employee(user, person) for person in people)) == 0


def test_only_people_with_active_reports_are_supervisors(employee, supervisor, head, outsider):
    assert access.is_supervisor(supervisor.user)
    assert access.is_supervisor(head.user)
    assert not access.is_supervisor(employee.user)
    assert not access.is_supervisor(outsider.user)
    employee.status = Employee.Status.CUTI
    employee.save()
    assert not access.is_supervisor(_fresh(supervisor.user))


def test_a_head_whose_only_active_reports_are_second_level_is_a_supervisor(employee, supervisor, head):
    """The monitoring page lists people the head assesses as superior, so the menu shows it too."""
    supervisor.status = Employee.Status.TUGAS_BELAJAR
    supervisor.save()
    assert access.is_supervisor(_fresh(head.user))


def test_hr_and_superusers_are_hr_and_see_everyone(hr_user, employee):
    superuser = UserFactory(username="root", is_superuser=True)
    for user in (hr_user, superuser):
        assert access.is_hr(user)
        assert access.can_view_employee(user, employee)
    assert list(access.hr_users()) == [hr_user]


def test_an_account_without_an_employee_record_has_no_employee_role(employee, unit):
    user = UserFactory(username="tanpa-pegawai")
    assert access.employee_of(user) is None
    assert not access.is_hr(user)
    assert not access.is_supervisor(user)
    assert not access.supervises(user, employee)
    assert not access.can_view_employee(user, employee)
    assert access.headed_unit(user) is None
    assert not access.heads(user, unit)


def test_an_anonymous_visitor_has_no_role(employee, unit):
    visitor = AnonymousUser()
    assert not access.is_hr(visitor)
    assert access.employee_of(visitor) is None
    assert not access.can_view_employee(visitor, employee)
    assert not access.heads(visitor, unit)
