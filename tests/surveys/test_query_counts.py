"""The results pages run as many queries for 30 officers, sub-units and OPDs as for 3."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from tests.factories import EmployeeFactory, UnitFactory
from tests.queries import counts_at_two_sizes
from tests.surveys.factories import ResponseFactory, ServiceFactory


def test_the_results_of_a_unit_do_not_query_per_officer_subunit_or_service(client, hr_user, unit):
    def grow(size: int) -> None:
        for number in range(unit.children.count(), size):
            subunit = UnitFactory(code=f"SUB-{number}", parent=unit)
            service = ServiceFactory(unit=subunit)
            officer = EmployeeFactory(position__unit=subunit)
            # Every second officer reaches the minimum for an own index; the others show a count only.
            answers = settings.SKM_MIN_RESPONSES_PER_EMPLOYEE if number % 2 else 1
            ResponseFactory.create_batch(answers, unit=subunit, service=service, officer=officer)

    client.force_login(hr_user)
    url = reverse("surveys:result-detail", args=[unit.code])
    small, large = counts_at_two_sizes(client, url, grow, {"bawahan": "1"})
    assert large == small


def test_the_survey_index_does_not_query_per_unit(client, hr_user):
    def grow(size: int) -> None:
        from org.models import Unit

        for number in range(Unit.objects.count(), size):
            ResponseFactory(unit=UnitFactory(code=f"OPD-{number}"), officer=EmployeeFactory())

    client.force_login(hr_user)
    small, large = counts_at_two_sizes(client, reverse("surveys:result-index"), grow)
    assert large == small
