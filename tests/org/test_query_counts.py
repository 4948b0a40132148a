"""The employee list runs as many queries for 30 employees as for 3."""

from __future__ import annotations

from django.urls import reverse

from org.models import Employee
from tests.factories import EmployeeFactory
from tests.queries import counts_at_two_sizes


def test_the_employee_list_does_not_query_per_employee(client, hr_user, supervisor):
    def grow(size: int) -> None:
        EmployeeFactory.create_batch(size - Employee.objects.count(), supervisor=supervisor)

    client.force_login(hr_user)
    small, large = counts_at_two_sizes(client, reverse("org:employee-list"), grow)
    assert large == small
