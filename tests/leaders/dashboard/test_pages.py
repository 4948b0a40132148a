"""The dashboard page and the list behind each number, for HR and for a unit head; bad filters."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.choices import empty_choice
from tests.conftest import login
from tests.factories import EmployeeFactory, PositionFactory, UnitFactory

from .pages import link, links

DASHBOARD = reverse("leaders:dashboard")
# Every number of the cards, with what its list must hold (names of the people behind it) for HR.
CARD_ITEMS = {
    "count-skp": {"Pegawai", "Draft", "Waiting", "Elsewhere"},
    "count-skp-belum": {"Pegawai", "Draft", "Elsewhere"},
    "count-skp-diajukan": {"Waiting"},
    "count-evaluasi-1": {"Revised"},
    "count-keberatan": {"Objector"},
    "count-jp": {"Pegawai", "Atasan", "Draft", "Elsewhere"},
    "count-kebutuhan": {"Pegawai", "Atasan", "Draft", "Elsewhere"},
}


def _items(client, href: str) -> list[str]:
    response = client.get(href)
    assert response.status_code == 200
    return [text for _href, text in links(response.content).get("item", [])]


@pytest.mark.parametrize(("testid", "people"), CARD_ITEMS.items())
def test_each_number_opens_a_list_of_exactly_what_it_counts(client, hr_user, world, testid, people):
    href, number = link(login(client, hr_user).get(DASHBOARD).content, testid)
    items = _items(client, href)
    assert int(number) == len(items) == len(people)
    assert {next(name for name in people if name in item) for item in items} == people


def test_the_complaint_number_lists_the_overdue_complaints(client, hr_user, world):
    href, number = link(login(client, hr_user).get(DASHBOARD).content, "count-pengaduan")
    items = _items(client, href)
    expected = {world.complaints[name].reference for name in ("late", "bidang", "elsewhere")}
    assert number == "3"
    assert {item.split(" ")[0] for item in items} == expected


def test_the_predikat_numbers_open_the_evaluations_behind_them(client, hr_user, world, unit):
    content = login(client, hr_user).get(DASHBOARD).content.decode()
    url = reverse("leaders:dashboard-list", args=["predikat"])
    assert f'{url}?periode={world.period.pk}&amp;unit={unit.pk}&amp;predikat=BAIK">1</a>' in content
    response = client.get(url, {"periode": world.period.pk, "unit": unit.pk, "predikat": "SANGAT_BAIK"})
    assert [text for _href, text in links(response.content)["item"]][0].startswith("Atasan")
    href, total = link(content.encode(), f"distribution-total-{unit.pk}")
    assert total == "2"
    assert len(_items(client, href)) == 2


def test_each_row_opens_the_person_or_item(client, hr_user, world):
    href, _number = link(login(client, hr_user).get(DASHBOARD).content, "count-keberatan")
    (item_href, _text) = links(client.get(href).content)["item"][0]
    assert item_href == world["objector"].evaluation.get_absolute_url()
    assert client.get(item_href).status_code == 200


def test_the_unit_head_sees_their_subtree_only(client, world, head):
    content = login(client, head.user).get(DASHBOARD).content
    assert link(content, "count-skp")[1] == "3"  # not Elsewhere, in another OPD
    assert link(content, "count-pengaduan")[1] == "2"
    assert b"Dinas Pendidikan" not in content
    assert b"Bidang P2P" in content


def test_the_unit_filter_names_the_unit_head_s_own_unit_not_all_units(client, world, head, hr_user):
    """A unit head's figures are their unit's; the filter must not claim "Semua" (every unit) for them."""
    for url in (DASHBOARD, reverse("leaders:dashboard-list", args=["skp"])):
        content = login(client, head.user).get(url).content
        assert empty_choice(content, "unit") == "Dinas Kesehatan beserta sub-unit"
        assert empty_choice(login(client, hr_user).get(url).content, "unit") == "Semua"


@pytest.mark.parametrize(
    ("testid", "target"), [("count-skp-belum", "org:employee-detail"), ("count-jp", "training:employee-development")]
)
def test_the_unit_head_opens_a_person_of_a_sub_unit_they_do_not_supervise(client, world, head, testid, target):
    """The head's lists open on everyone they count, not only on the people the head supervises."""
    seksi = UnitFactory(code="DINKES-P2P-SURV", name="Seksi Surveilans", kind="SEKSI", parent=world.bidang)
    person = EmployeeFactory(name="Surveilans", position=PositionFactory(unit=seksi))
    href, _number = link(login(client, head.user).get(DASHBOARD).content, testid)
    (item_href,) = [item for item, text in links(client.get(href).content)["item"] if "Surveilans" in text]
    assert item_href == reverse(target, args=[person.pk])
    response = client.get(item_href)
    assert response.status_code == 200
    assert person.full_name in response.content.decode()


def test_a_unit_head_asking_for_another_opd_is_refused_without_figures(client, world, head):
    login(client, head.user)
    for url in (DASHBOARD, reverse("leaders:dashboard-list", args=["skp"])):
        response = client.get(url, {"unit": world.other_opd.pk})
        assert response.status_code == 400
        assert b'data-testid="filter-refused"' in response.content
        assert b"Elsewhere" not in response.content


@pytest.mark.parametrize(
    "params",
    [
        {"periode": "abc"},
        {"periode": "999999"},
        {"unit": "x"},
        {"unit": "-1"},
        {"jenis": "DIREKTUR"},
        {"periode": "1 OR 1=1"},
        {"unit": "\u0663"},
    ],
)
def test_bad_filters_answer_400_with_a_message(client, hr_user, world, params):
    response = login(client, hr_user).get(DASHBOARD, params)
    assert response.status_code == 400
    assert "Filter tidak dapat dipakai" in response.content.decode()


@pytest.mark.parametrize(
    ("kind", "params", "status"),
    [
        ("evaluasi", {"titik": "abc"}, 400),
        ("evaluasi", {"titik": "9"}, 404),
        ("evaluasi", {}, 404),
        ("predikat", {"predikat": "LUAR_BIASA"}, 404),
        ("tidak-ada", {}, 404),
        ("skp", {"tahap": "apa-saja", "page": "zzz"}, 200),
        ("kebutuhan", {"kompetensi": "'; DROP TABLE x; --" * 5}, 200),
    ],
)
def test_bad_list_parameters_never_fail(client, hr_user, world, kind, params, status):
    response = login(client, hr_user).get(reverse("leaders:dashboard-list", args=[kind]), params)
    assert response.status_code == status


def test_the_position_kind_filter_narrows_cards_and_links(client, hr_user, world):
    content = login(client, hr_user).get(DASHBOARD, {"jenis": "STRUKTURAL"}).content
    href, number = link(content, "count-jp")
    assert "jenis=STRUKTURAL" in href
    assert number == "1"
    assert len(_items(client, href)) == 1


def test_a_dashboard_without_any_period_says_so(client, hr_user):
    response = login(client, hr_user).get(DASHBOARD)
    assert response.status_code == 200
    assert "Belum ada periode penilaian." in response.content.decode()


def test_the_home_page_sends_hr_and_heads_to_the_dashboard(client, hr_user, world, head, employee):
    for user in (hr_user, head.user):
        client.force_login(user)
        assert link(client.get("/").content, "dashboard-link")[0] == DASHBOARD
    client.force_login(employee.user)
    found = links(client.get("/").content)
    assert "dashboard-link" not in found
    assert found["trend-link"][0][0] == reverse("leaders:my-trend")


def test_changing_a_lists_filters_keeps_its_own_parameter(client, hr_user, world):
    url = reverse("leaders:dashboard-list", args=["evaluasi"])
    content = login(client, hr_user).get(url, {"titik": 1}).content.decode()
    assert '<input type="hidden" name="titik" value="1">' in content


def test_the_home_panel_shows_the_latest_periods_incomplete_work(client, world, head):
    content = login(client, head.user).get("/").content.decode()
    panel = content[content.index('data-testid="panel-leaders-cards"') :]
    assert '">3</a> SKP belum disetujui setelah batas penetapan' in panel
    assert '">2</a> pengaduan lewat batas tanggapan' in panel
