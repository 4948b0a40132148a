"""The dashboard, each list and the workbook run as many queries for 30 people in 30 OPDs as for 3; the
summary still fits one page."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from weasyprint import HTML

from appraisal.documents import pdf_response
from appraisal.models import OrganisationResult
from leaders.dashboard import reports
from org.models import Employee
from scoring.models import EmployeeScore, UnitScore
from tests.appraisal.factories import PeriodFactory
from tests.factories import EmployeeFactory, UnitFactory
from tests.queries import counts_at_two_sizes
from tests.training.factories import count_needs

from .conftest import _complaint, _evaluation, _jp, _need, _objection, _plan

LISTS = [
    ("skp", {}),
    ("evaluasi", {"titik": 1}),
    ("keberatan", {}),
    ("pengaduan", {}),
    ("jp", {}),
    ("predikat", {"predikat": "BAIK"}),
    ("skor", {}),
    ("kebutuhan", {"kompetensi": "M.03"}),
]


@pytest.fixture
def grow(db):
    """Each person in an OPD of their own (a row of every table) with an item on every card."""
    period = PeriodFactory(year=2026, plan_deadline=date(2026, 1, 31))

    def grow(size: int) -> None:
        for number in range(Employee.objects.count(), size):
            opd = UnitFactory(code=f"OPD-{number}")
            person, late = EmployeeFactory(position__unit=opd), EmployeeFactory(position__unit=opd)
            plan = _plan(person, period, "APPROVED", approved=True)
            annual = _evaluation(plan, kind="ANNUAL", checkpoint=4, status="OBJECTED", predikat="BAIK")
            _objection(annual, "PENDING")
            _plan(late, period, "SUBMITTED")
            _complaint(opd, timezone.now() - timedelta(days=5))
            _jp(person, 4)
            _need(person, period, "M.03")
            OrganisationResult.objects.create(unit=opd, period=period, result="BAIK")
            EmployeeScore.objects.create(period=period, checkpoint=1, employee=person, unit=opd, score="70.00")
            UnitScore.objects.create(unit=opd, period=period, checkpoint=1, employees=2, scored=1, ikm="80.00")
        count_needs(period)

    return grow


def test_the_dashboard_does_not_query_per_employee_or_unit(client, hr_user, grow):
    client.force_login(hr_user)
    small, large = counts_at_two_sizes(client, reverse("leaders:dashboard"), grow)
    assert large == small


@pytest.mark.parametrize(("kind", "params"), LISTS)
def test_each_list_does_not_query_per_item(client, hr_user, grow, kind, params):
    client.force_login(hr_user)
    small, large = counts_at_two_sizes(client, reverse("leaders:dashboard-list", args=[kind]), grow, params)
    assert large == small


def test_the_workbook_does_not_query_per_employee_or_unit(client, hr_user, grow):
    client.force_login(hr_user)
    small, large = counts_at_two_sizes(client, reverse("leaders:dashboard-xlsx"), grow)
    assert large == small


def test_the_summary_stays_on_one_page_with_many_units(client, hr_user, grow, monkeypatch):
    """Thirty OPDs, each outside its pattern: the PDF lists them and still fits one A4 page."""
    rendered = []

    def recording(template, context, filename):
        rendered.append(render_to_string(template, context))
        return pdf_response(template, context, filename)

    monkeypatch.setattr(reports, "pdf_response", recording)
    grow(30)
    client.force_login(hr_user)
    assert client.get(reverse("leaders:dashboard-pdf")).status_code == 200
    (html,) = rendered
    assert "unit lainnya ada pada ekspor XLSX" in html
    assert len(HTML(string=html).render().pages) == 1
