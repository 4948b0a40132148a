"""The talent map pages: counts and links, lists, the person page, calibration through the page,
a unit head's scope, and query counts that do not grow with the data."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from appraisal.predikat import Predikat
from leaders.models import TalentCalibration, TalentPlacement
from leaders.talent.selectors import Filters, map_counts
from leaders.talent.services import talent_map_compute
from org.models import Employee
from tests.appraisal.factories import PeriodFactory
from tests.choices import empty_choice
from tests.conftest import login
from tests.factories import EmployeeFactory, PositionFactory, UnitFactory
from tests.queries import counts_at_two_sizes

from .factories import annual_result, jpm_of

MAP = reverse("leaders:talent-map")


@pytest.fixture
def period(db):
    return PeriodFactory(year=2026)


@pytest.fixture
def unit_head(head):
    head.position.is_unit_head = True
    head.position.save(update_fields=["is_unit_head"])
    return head


@pytest.fixture
def mapped(period, employee, supervisor):
    """The employee in box 9 (Sangat Baik, JPM 80) and the supervisor in box 2 (Baik, JPM 0)."""
    annual_result(employee, 2026, Predikat.SANGAT_BAIK)
    jpm_of(employee, 20)
    annual_result(supervisor, 2025, Predikat.BAIK)
    talent_map_compute(period=period)
    return TalentPlacement.objects.get(period=period, employee=employee)


def test_the_map_shows_each_box_count_as_a_link(client, hr_user, mapped):
    response = login(client, hr_user).get(MAP)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="box-9-count">1<' in html
    assert 'data-testid="box-2-count">1<' in html
    assert reverse("leaders:talent-box", args=[9]) in html
    assert "Terakhir dihitung" in html


def test_the_box_list_links_to_the_person_and_the_person_page_says_why(client, hr_user, mapped, employee):
    login(client, hr_user)
    listing = client.get(reverse("leaders:talent-box", args=[9]))
    assert employee.name in listing.content.decode()
    person = client.get(reverse("leaders:talent-person", args=[mapped.pk])).content.decode()
    assert "Kotak 9 · kinerja di atas ekspektasi, potensi tinggi" in person
    assert "predikat tahunan 2026 Sangat Baik, jadi di atas ekspektasi." in person  # the level in running text
    assert "JPM 80" in person and "jadi potensi tinggi." in person
    assert "Belum pernah dikalibrasi." in person


def test_the_not_placed_list_gives_the_reasons(client, hr_user, period, outsider):
    talent_map_compute(period=period)
    html = login(client, hr_user).get(reverse("leaders:talent-not-placed")).content.decode()
    assert outsider.name in html
    assert "Belum ada predikat kinerja tahunan pada dua tahun terakhir" in html


def test_a_calibration_without_a_reason_is_refused_with_a_clear_message(client, hr_user, mapped):
    url = reverse("leaders:talent-calibrate", args=[mapped.pk])
    response = login(client, hr_user).post(url, {"to_box": 5, "reason": "  "})
    assert response.status_code == 400
    assert "Alasan kalibrasi wajib diisi" in response.content.decode()
    mapped.refresh_from_db()
    assert mapped.final_box == 9 and not TalentCalibration.objects.exists()


def test_a_calibration_with_a_nonsense_box_is_refused(client, hr_user, mapped):
    url = reverse("leaders:talent-calibrate", args=[mapped.pk])
    response = login(client, hr_user).post(url, {"to_box": "99; DROP", "reason": "Rapat"})
    assert response.status_code == 400
    assert "Pilih kotak 1 sampai 9." in response.content.decode()
    assert not TalentCalibration.objects.exists()


def test_a_calibration_moves_the_person_and_the_history_shows_it(client, hr_user, mapped):
    url = reverse("leaders:talent-calibrate", args=[mapped.pk])
    response = login(client, hr_user).post(url, {"to_box": 7, "reason": "Rapat kalibrasi 12 Mei"}, follow=True)
    html = response.content.decode()
    assert "Kalibrasi disimpan." in html
    assert 'data-testid="calibrations"' in html and "Rapat kalibrasi 12 Mei" in html
    assert "Hasil perhitungan" in html and "Kotak 9 · kinerja di atas ekspektasi, potensi tinggi" in html
    assert client.get(MAP).content.decode().count('data-testid="box-7-count">1<') == 1


def test_a_unit_head_reads_their_subtree_only_without_calibrating(client, unit_head, mapped, period):
    other = EmployeeFactory(position=PositionFactory(unit=UnitFactory()))
    annual_result(other, 2026, Predikat.SANGAT_BAIK)
    jpm_of(other, 25)
    talent_map_compute(period=period)
    login(client, unit_head.user)
    html = client.get(reverse("leaders:talent-box", args=[9])).content.decode()
    assert mapped.employee.name in html and other.name not in html
    foreign = TalentPlacement.objects.get(period=period, employee=other)
    assert client.get(reverse("leaders:talent-person", args=[foreign.pk])).status_code == 404
    assert client.get(MAP, {"unit": other.unit_id}).status_code == 404
    person = client.get(reverse("leaders:talent-person", args=[mapped.pk]))
    assert person.status_code == 200 and 'data-testid="calibration-form"' not in person.content.decode()
    url = reverse("leaders:talent-calibrate", args=[mapped.pk])
    assert client.post(url, {"to_box": 5, "reason": "x"}).status_code == 403


def test_the_unit_filter_names_the_unit_head_s_own_unit_not_all_units(client, unit_head, hr_user, period):
    assert empty_choice(login(client, unit_head.user).get(MAP).content, "unit") == "Dinas Kesehatan beserta sub-unit"
    assert empty_choice(login(client, hr_user).get(MAP).content, "unit") == "Semua"


def test_the_unit_filter_takes_the_sub_units(client, hr_user, unit, period):
    child = UnitFactory(parent=unit)
    below = EmployeeFactory(position=PositionFactory(unit=child))
    annual_result(below, 2026, Predikat.SANGAT_BAIK)
    jpm_of(below, 25)
    talent_map_compute(period=period)
    html = login(client, hr_user).get(reverse("leaders:talent-box", args=[9]), {"unit": unit.pk}).content.decode()
    assert below.name in html


def test_movement_counts_people_from_last_years_box_to_this_years(client, hr_user, employee):
    previous, current = PeriodFactory(year=2025), PeriodFactory(year=2026)
    annual_result(employee, 2025, Predikat.BAIK)
    jpm_of(employee, 20, on=date(2025, 6, 1))
    talent_map_compute(period=previous)  # box 8
    annual_result(employee, 2026, Predikat.SANGAT_BAIK)
    talent_map_compute(period=current)  # box 9
    response = login(client, hr_user).get(reverse("leaders:talent-movement"), {"periode": current.pk})
    movement = response.context["movement"]
    assert movement.cells[(8, 9)] == 1
    box_9 = reverse("leaders:talent-box", args=[9])
    from_8 = client.get(box_9, {"periode": current.pk, "dari": 8}).context["page"].object_list
    from_7 = client.get(box_9, {"periode": current.pk, "dari": 7}).context["page"].object_list
    assert [row.employee for row in from_8] == [employee] and not from_7
    new_people = client.get(box_9, {"periode": current.pk, "dari": 0}).context["page"].object_list
    assert not new_people  # the employee was on last year's map


def test_succession_lists_pool_candidates_of_the_unit_subtree_best_box_first(client, hr_user, unit_head, unit, period):
    child = UnitFactory(parent=unit)
    strong = EmployeeFactory(name="Calon Kotak Sembilan", position=PositionFactory(unit=child))
    good = EmployeeFactory(name="Calon Kotak Tujuh", position=PositionFactory(unit=unit))
    elsewhere = EmployeeFactory(name="Calon Unit Lain", position=PositionFactory(unit=UnitFactory()))
    for person, matched in ((strong, 20), (good, 17), (elsewhere, 25)):
        annual_result(person, 2026, Predikat.SANGAT_BAIK)
        jpm_of(person, matched)
    talent_map_compute(period=period)
    response = login(client, hr_user).get(reverse("leaders:talent-succession"))
    row = next(row for row in response.context["rows"] if row.position == unit_head.position)
    assert [c.employee.name for c in row.candidates] == ["Calon Kotak Sembilan", "Calon Kotak Tujuh"]


@pytest.mark.parametrize(
    "name",
    [
        "leaders:talent-map",
        "leaders:talent-box",
        "leaders:talent-not-placed",
        "leaders:talent-movement",
        "leaders:talent-succession",
    ],
)
def test_the_pages_cost_the_same_queries_at_two_sizes(client, hr_user, period, unit, name):
    def grow(size: int) -> None:
        position = PositionFactory(unit=unit, kind="STRUKTURAL", level="PENGAWAS")
        while TalentPlacement.objects.filter(period=period, final_box=9).count() < size:
            person = EmployeeFactory(position=position)
            annual_result(person, 2026, Predikat.SANGAT_BAIK)
            jpm_of(person, 25)
            EmployeeFactory(position=position)  # no predikat: on the not-placed list
            talent_map_compute(period=period)

    url = reverse(name, args=[9]) if name == "leaders:talent-box" else reverse(name)
    small, large = counts_at_two_sizes(login(client, hr_user), url, grow)
    assert small == large


def test_hrs_button_queues_a_computation_that_the_map_shows_as_pending(
    client, hr_user, period, django_capture_on_commit_callbacks
):
    login(client, hr_user)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(reverse("leaders:talent-compute"), {"periode": period.pk})
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "Perhitungan peta talenta diminta" in html
    assert "Perhitungan sedang menunggu" in html and "Belum pernah dihitung." in html


@pytest.mark.parametrize(
    ("name", "args", "params"),
    [
        ("leaders:talent-map", [], {"periode": "abc"}),
        ("leaders:talent-map", [], {"unit": "999999"}),
        ("leaders:talent-map", [], {"jenis": "<script>"}),
        ("leaders:talent-box", [10], {}),
        ("leaders:talent-box", [0], {}),
        ("leaders:talent-person", [999999], {}),
    ],
)
def test_hostile_addresses_are_not_found_never_an_error(client, hr_user, mapped, name, args, params):
    assert login(client, hr_user).get(reverse(name, args=args), params).status_code == 404


def test_nonsense_paging_and_origin_are_ignored(client, hr_user, mapped):
    response = login(client, hr_user).get(reverse("leaders:talent-box", args=[9]), {"page": "x'", "dari": "-1"})
    assert response.status_code == 200 and len(response.context["page"].object_list) == 1


def test_someone_no_longer_employed_leaves_the_map_and_its_lists(client, hr_user, mapped, supervisor, period):
    """The map counts the people employed now: a retirement after the computation takes them out."""
    supervisor.status = Employee.Status.PENSIUN
    supervisor.save(update_fields=["status"])
    counts = map_counts(Filters(period=period))
    assert (counts.by_box[9], counts.by_box[2], counts.placed) == (1, 0, 1)
    html = login(client, hr_user).get(reverse("leaders:talent-box", args=[2])).content.decode()
    assert supervisor.name not in html
