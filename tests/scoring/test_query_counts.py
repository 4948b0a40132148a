"""The scores page of a period runs as many queries for 30 scored employees and OPDs as for 3."""

from __future__ import annotations

from django.urls import reverse

from scoring.models import EmployeeScore
from scoring.services import scores_compute
from tests.factories import EmployeeFactory, UnitFactory
from tests.queries import counts_at_two_sizes
from tests.scoring.conftest import TODAY, approved_plan, sent_evaluation


def test_the_scores_page_does_not_query_per_employee_or_unit(client, hr_user, period):
    def grow(size: int) -> None:
        for number in range(EmployeeScore.objects.values("employee").distinct().count(), size):
            employee = EmployeeFactory(position__unit=UnitFactory(code=f"OPD-{number}"))
            sent_evaluation(approved_plan(employee, period))
        scores_compute(period=period, today=TODAY)

    client.force_login(hr_user)
    small, large = counts_at_two_sizes(client, reverse("scoring:period-scores", args=[period.pk]), grow, {"titik": 4})
    assert large == small
