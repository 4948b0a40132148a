import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from org.models import Employee
from tests.factories import EmployeeFactory, PositionFactory, UnitFactory


def test_it_refuses_the_employee_as_own_supervisor(employee):
    employee.supervisor = employee
    with pytest.raises(ValidationError) as exc_info:
        employee.full_clean()
    assert "supervisor" in exc_info.value.message_dict


def test_it_refuses_a_direct_subordinate_as_supervisor(supervisor, employee):
    supervisor.supervisor = employee
    with pytest.raises(ValidationError) as exc_info:
        supervisor.full_clean()
    assert "bawahan" in exc_info.value.message_dict["supervisor"][0]


def test_it_refuses_an_indirect_subordinate_as_supervisor(head, employee):
    head.supervisor = employee
    with pytest.raises(ValidationError) as exc_info:
        head.full_clean()
    assert "supervisor" in exc_info.value.message_dict


def test_the_database_refuses_self_supervision_even_without_clean(employee):
    employee.supervisor_id = employee.pk
    with pytest.raises(IntegrityError):
        employee.save()


def test_it_refuses_an_invalid_nip_through_full_clean(employee):
    employee.nip = "198602302015051001"
    with pytest.raises(ValidationError) as exc_info:
        employee.full_clean()
    assert "nip" in exc_info.value.message_dict


def test_it_refuses_a_position_of_another_unit(employee):
    employee.position = PositionFactory(unit=UnitFactory())
    with pytest.raises(ValidationError) as exc_info:
        employee.full_clean()
    assert "position" in exc_info.value.message_dict


def test_the_assessor_superior_is_derived(head, supervisor, employee):
    assert employee.assessor_superior == head
    assert head.assessor_superior is None


def test_reports_of_includes_direct_and_second_level_reports(head, supervisor, employee, outsider):
    assert set(Employee.objects.reports_of(head)) == {supervisor, employee}
    assert set(Employee.objects.reports_of(supervisor)) == {employee}
    assert not Employee.objects.reports_of(employee).exists()


def test_a_unit_cannot_be_moved_under_its_own_child(db):
    root = UnitFactory()
    child = UnitFactory(parent=root)
    root.parent = child
    with pytest.raises(ValidationError):
        root.full_clean()


def test_the_factory_makes_valid_employees(db):
    EmployeeFactory.create_batch(30)
    for employee in Employee.objects.all():
        employee.full_clean()
