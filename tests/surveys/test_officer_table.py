"""The officer table of a unit's results: paged by name, an own index only from the minimum count up,
and every officer in the XLSX report (issue 13: an OPD has tens of thousands of officers)."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from surveys.views.results import OFFICERS_PER_PAGE
from tests.factories import EmployeeFactory
from tests.surveys.factories import ResponseFactory

MINIMUM = 2
OFFICERS = OFFICERS_PER_PAGE + 1


@pytest.fixture
def officers(settings, unit):
    """Officers named in order; the even ones reach the minimum with all-fours answers, the odd ones don't."""
    settings.SKM_MIN_RESPONSES_PER_EMPLOYEE = MINIMUM
    people = [EmployeeFactory(name=f"Petugas {number:02}", position__unit=unit) for number in range(OFFICERS)]
    for number, person in enumerate(people):
        ResponseFactory.create_batch(MINIMUM if number % 2 == 0 else MINIMUM - 1, unit=unit, officer=person)
    return people


def officer_table(client, unit, **params) -> str:
    page = client.get(reverse("surveys:result-detail", args=[unit.code]), params)
    assert page.status_code == 200
    return re.search(r'data-testid="officer-table">(.*?)</table>', page.content.decode(), re.S).group(1)


def test_the_page_shows_a_page_of_officers_by_name(client, hr_user, unit, officers):
    client.force_login(hr_user)
    first = officer_table(client, unit)
    assert re.findall(r"Petugas \d\d", first) == [person.name for person in officers[:OFFICERS_PER_PAGE]]
    assert re.findall(r"Petugas \d\d", officer_table(client, unit, page=2)) == [officers[-1].name]


def test_an_officer_has_an_own_index_only_from_the_minimum_up(client, hr_user, unit, officers):
    client.force_login(hr_user)
    rows = re.findall(r"<tr><td>(Petugas \d\d)</td>(.*?)</tr>", officer_table(client, unit), re.S)
    scores = {name: "100,00" in cells for name, cells in rows}
    assert scores == {person.name: number % 2 == 0 for number, person in enumerate(officers[:OFFICERS_PER_PAGE])}


def test_the_report_export_lists_every_officer(client, hr_user, unit, officers):
    client.force_login(hr_user)
    response = client.get(reverse("surveys:result-export-report", args=[unit.code]))
    rows = list(load_workbook(BytesIO(response.content))["Per petugas"].iter_rows(values_only=True))[1:]
    expected = [
        (person.full_name, MINIMUM if number % 2 == 0 else MINIMUM - 1, 100 if number % 2 == 0 else None)
        for number, person in enumerate(officers)
    ]
    assert [(name, count, score) for name, count, score, _grade in rows] == expected
