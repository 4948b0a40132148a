"""The training needs in brief: the totals the run stores with the needs, added up over each filter, for
HR and a unit head, each number equal to the list behind it; as of the last computation until the next
(the hand-made subtree of ``tests/training/need_totals.py``, computed by the real run)."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from openpyxl import load_workbook

from appraisal.documents import pdf_response
from leaders.dashboard import figures, reports, selectors
from leaders.dashboard.scope import Scope
from org.models import Position
from tests.appraisal.factories import PeriodFactory
from tests.conftest import login
from tests.training.need_totals import STANDARDS, change, subtree
from training.models import RecommendationRun
from training.services import recommendations_compute

from .pages import link, links

PELAKSANA, FUNGSIONAL, STRUKTURAL = Position.Kind.PELAKSANA, Position.Kind.FUNGSIONAL, Position.Kind.STRUKTURAL
# (unit: the subtree's root or its Bidang, position kind) -> (people in need, top competencies)
FIRST_RUN = {
    ("unit", ""): (3, [("M.03", 3), ("M.01", 1)]),  # Ani (two needs), Budi, Eko; Citra has none
    ("bidang", ""): (2, [("M.03", 2)]),
    ("unit", PELAKSANA): (1, [("M.01", 1), ("M.03", 1)]),  # a tie goes by code
    ("unit", FUNGSIONAL): (2, [("M.03", 2)]),
    ("bidang", PELAKSANA): (0, []),
}
SECOND_RUN = {  # Ani met M.03, Citra's level lapsed, Budi moved to Dinkes (structural), Eko retired
    ("unit", ""): (3, [("M.01", 3)]),
    ("bidang", ""): (1, [("M.01", 1)]),
    ("unit", STRUKTURAL): (1, [("M.01", 1)]),
    ("unit", FUNGSIONAL): (0, []),
}


@pytest.fixture
def world(db, unit):
    world = subtree(PeriodFactory(year=2026), unit)
    recommendations_compute(period=world.period)
    return world


def scope_of(world, where: str, kind: str = "") -> Scope:
    return Scope.at_now(period=world.period, unit=getattr(world, where), position_kind=kind)


def figures_of(scope: Scope) -> tuple[int, list[tuple[str, int]]]:
    brief = figures.needs_brief(scope)
    return brief.people, [(row.code, row.people) for row in brief.top]


def assert_each_number_is_its_list(scope: Scope) -> None:
    brief = figures.needs_brief(scope)
    assert selectors.people_in_need(scope).count() == brief.people
    for row in brief.top:
        assert selectors.people_in_need(scope, competency=row.code).count() == row.people


@pytest.mark.parametrize(("filters", "expected"), FIRST_RUN.items())
def test_the_brief_adds_up_the_stored_totals_for_each_filter(world, filters, expected):
    scope = scope_of(world, *filters)
    assert figures_of(scope) == expected
    assert_each_number_is_its_list(scope)


def test_hr_reads_every_unit_and_the_time_of_the_computation(world):
    everywhere = Scope.at_now(period=world.period, unit=None)
    assert figures_of(everywhere) == FIRST_RUN[("unit", "")]
    assert figures.needs_brief(everywhere).computed_at == RecommendationRun.objects.get(period=world.period).computed_at


def test_the_brief_stays_as_computed_until_the_next_run(world):
    computed = figures.needs_brief(scope_of(world, "unit"))
    change(world)
    assert figures.needs_brief(scope_of(world, "unit")) == computed
    recommendations_compute(period=world.period)
    for filters, expected in SECOND_RUN.items():
        assert figures_of(scope_of(world, *filters)) == expected
        assert_each_number_is_its_list(scope_of(world, *filters))
    assert figures.needs_brief(scope_of(world, "unit")).computed_at > computed.computed_at


@pytest.fixture
def unit_head(world, head):
    head.position.is_unit_head = True
    head.position.save(update_fields=["is_unit_head"])
    return head


@pytest.mark.parametrize("reader", ["hr_user", "unit_head"])
def test_the_number_on_the_page_opens_exactly_the_people_it_counts(client, world, reader, request):
    user = request.getfixturevalue(reader)
    response = login(client, getattr(user, "user", user)).get(reverse("leaders:dashboard"))
    assert b'data-testid="needs-computed"' in response.content
    href, number = link(response.content, "count-kebutuhan")
    listed = client.get(href)
    items = [text for _href, text in links(listed.content)["item"]]
    assert int(number) == len(items) == 3
    assert {name for name in STANDARDS for item in items if item.startswith(name)} == {"Ani", "Budi", "Eko"}


def test_the_reports_say_when_the_needs_were_computed(client, hr_user, world, monkeypatch):
    computed = timezone.localtime(RecommendationRun.objects.get(period=world.period).computed_at)
    login(client, hr_user)
    response = client.get(reverse("leaders:dashboard-xlsx"), {"periode": world.period.pk})
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = {row[0]: row[2] for row in book["Kebutuhan pelatihan"].iter_rows(min_row=6, values_only=True)}
    assert rows["Pegawai dengan kebutuhan"] == 3
    assert abs(rows["Dihitung pada"] - computed.replace(tzinfo=None)) < timedelta(seconds=1)
    rendered = []

    def recording(template, context, filename):
        rendered.append(render_to_string(template, context))
        return pdf_response(template, context, filename)

    monkeypatch.setattr(reports, "pdf_response", recording)
    assert client.get(reverse("leaders:dashboard-pdf"), {"periode": world.period.pk}).status_code == 200
    with translation.override(reports.PDF_LANGUAGE):
        assert f"3 (dihitung {date_format(computed, 'j M Y H:i')})" in rendered[0]
