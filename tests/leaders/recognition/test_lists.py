"""The lists against the hand-made data set (conftest): groups, sub-units, filters, evidence, queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from leaders.recognition import selectors
from org.models import Position, Unit
from tests.choices import empty_choice
from tests.conftest import login
from tests.factories import EmployeeFactory
from tests.queries import counts_at_two_sizes

from .factories import CoachingPlanFactory, scored

URL = reverse("leaders:recognition-lists")


def names(rows) -> list[str]:
    return [row.employee.name for row in rows]


def hr_lists(dataset, **kwargs):
    groups = list(Unit.objects.filter(parent__isnull=True).order_by("code"))
    return selectors.recognition_lists(period=dataset.period, groups=groups, **kwargs)


def test_it_ranks_each_perangkat_daerah_on_its_own(dataset):
    lists = hr_lists(dataset)
    assert names(lists.top) == ["Hadi", "Andi", "Budi", "Citra"]
    assert [(g.unit.code, g.scored, g.eligible, g.quota, g.top) for g in lists.groups] == [
        ("DIKBUD", 2, 2, 1, 1),
        ("DINKES", 14, 11, 2, 3),
    ]


def test_it_gives_each_top_performer_their_reasons(dataset):
    rows = {row.employee.name: row for row in hr_lists(dataset).top}
    assert rows["Andi"].evidence == [
        "Skor Kinerja 95,00 (indeks Kinerja), peringkat 1 dari 11 pegawai berpredikat Sangat Baik atau Baik di "
        "Dinas Kesehatan",
        "Peringkat 2 dari 14 pegawai dengan skor di unit ini",
        "Predikat Sangat Baik",
        "R (capaian hasil kerja) 100,00",
    ]
    assert rows["Citra"].evidence[-1] == "Masuk karena nilainya sama dengan batas kuota 2 orang"
    assert not rows["Budi"].top.tied_at_cutoff


def test_it_lists_for_coaching_each_predikat_below_baik_and_r_below_70(dataset):
    rows = {row.employee.name: row for row in hr_lists(dataset).coaching}
    assert sorted(rows) == ["Dewi", "Eka", "Fajar", "Gita"]
    assert rows["Dewi"].evidence[0] == "Predikat Butuh Perbaikan: Butuh Perbaikan atau lebih rendah"
    assert rows["Eka"].evidence[0] == "Predikat Kurang/Misconduct: Butuh Perbaikan atau lebih rendah"
    assert rows["Fajar"].evidence == [
        "Predikat Sangat Kurang: Butuh Perbaikan atau lebih rendah",
        "R (capaian hasil kerja) 30,00, di bawah 70,00",
    ]
    assert rows["Gita"].evidence[0] == "R (capaian hasil kerja) 69,99, di bawah 70,00"


def test_it_ranks_within_a_chosen_sub_unit(dataset):
    lists = selectors.recognition_lists(period=dataset.period, groups=[dataset.sub_unit])
    assert names(lists.top) == ["Andi"]  # Budi, Gita, Andi eligible: one place
    assert names(lists.coaching) == ["Gita"]


def test_the_position_kind_narrows_the_list_not_the_ranking(dataset):
    lists = hr_lists(dataset, position_kind=Position.Kind.PELAKSANA)
    assert names(lists.top) == ["Citra"]
    assert lists.top[0].top.rank == 2
    assert names(lists.coaching) == ["Dewi", "Eka", "Fajar"]


def test_it_reads_the_latest_checkpoint(dataset):
    scored(dataset.people["indah"], period=dataset.period, checkpoint=3, score="99", predikat="SANGAT_BAIK")
    lists = hr_lists(dataset)
    assert lists.checkpoint == 3
    assert names(lists.top) == ["Indah"]


def test_it_attaches_the_plan_and_shows_an_overdue_follow_up(client, dataset, hr_user):
    gita = dataset.people["gita"]
    CoachingPlanFactory(period=dataset.period, employee=gita, follow_up_on=timezone.localdate() - timedelta(days=1))
    assert hr_lists(dataset).overdue == 1
    response = login(client, hr_user).get(URL, {"daftar": "pembinaan"})
    assert response.status_code == 200
    assert f'data-testid="coaching-{gita.pk}"' in response.text
    assert "Terlambat sejak" in response.text
    assert 'data-testid="overdue-count">1<' in response.text


def test_a_unit_head_reads_their_own_unit_by_default(client, dataset, head):
    response = login(client, head.user).get(URL)
    assert response.status_code == 200
    text = response.text
    assert "Andi" in text and "Citra" in text and "Hadi" not in text
    assert "peringkat 1 dari 11 pegawai berpredikat Sangat Baik atau Baik" in text
    assert empty_choice(response.content, "unit") == "Dinas Kesehatan beserta sub-unit"


def test_hr_reads_every_unit_by_default(client, dataset, hr_user):
    assert empty_choice(login(client, hr_user).get(URL).content, "unit") == "Semua"


def test_a_unit_head_asking_for_another_unit_gets_404(client, dataset, head):
    assert login(client, head.user).get(URL, {"unit": dataset.other_unit.pk}).status_code == 404


def test_it_says_when_nothing_is_scored_yet(client, period, hr_user):
    response = login(client, hr_user).get(URL)
    assert response.status_code == 200
    assert 'data-testid="no-scores"' in response.text


@pytest.mark.parametrize("which", ["terbaik", "pembinaan"])
def test_the_page_does_not_query_per_employee(client, hr_user, unit, period, which):
    staff = []

    def grow(size: int) -> None:
        while len(staff) < size:
            someone = EmployeeFactory(unit=unit, position__unit=unit)
            predikat = "BAIK" if len(staff) % 2 else "BUTUH_PERBAIKAN"
            scored(someone, period=period, score=str(50 + len(staff)), predikat=predikat)
            CoachingPlanFactory(period=period, employee=someone, coach=someone)
            staff.append(someone)

    small, large = counts_at_two_sizes(login(client, hr_user), URL, grow, {"daftar": which})
    assert small == large


def test_it_skips_a_checkpoint_scored_before_anyone_was_evaluated(dataset):
    scored(dataset.people["indah"], period=dataset.period, checkpoint=3, score="99", predikat="")
    assert hr_lists(dataset).checkpoint == 2
