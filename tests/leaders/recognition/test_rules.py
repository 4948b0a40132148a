"""The pure rules of recognition and coaching (domain.md §7.4, leaders/recognition/rules.py) on hand-made people."""

from __future__ import annotations

from decimal import Decimal

import pytest

from appraisal.predikat import Predikat
from leaders.recognition import rules

SETTINGS = rules.Settings()
SB, B, BP, K, SK = (p.value for p in Predikat)


def person(key: int, score: str | None, predikat: str = B, results: str | None = "90") -> rules.Scored:
    return rules.Scored(
        key, None if score is None else Decimal(score), predikat, None if results is None else Decimal(results)
    )


def keys(picks) -> list[int]:
    return [pick.person.key for pick in picks]


@pytest.mark.parametrize(
    ("eligible", "places"), [(0, 0), (1, 1), (3, 1), (9, 1), (10, 1), (11, 2), (20, 2), (21, 3), (25, 3)]
)
def test_it_rounds_ten_percent_up_so_any_unit_with_eligible_staff_has_a_place(eligible, places):
    assert rules.quota(eligible, percent=Decimal(10)) == places


def test_it_ranks_with_shared_places_for_equal_scores():
    people = [person(1, "90"), person(2, "95"), person(3, "90"), person(4, "80"), person(5, None)]
    assert rules.ranks(people) == {2: 1, 1: 2, 3: 2, 4: 4}


def test_it_takes_the_best_eligible_person_of_a_small_unit():
    people = [person(1, "70"), person(2, "88"), person(3, "85")]
    [top] = rules.top_performers(people, settings=SETTINGS)
    assert (top.person.key, top.rank, top.eligible, top.quota, top.tied_at_cutoff) == (2, 1, 3, 1, False)


def test_it_takes_two_places_in_a_unit_of_eleven_eligible_people():
    people = [person(key, str(60 + key)) for key in range(1, 12)]
    assert keys(rules.top_performers(people, settings=SETTINGS)) == [11, 10]


def test_it_keeps_everyone_tied_on_the_cut_off_score():
    people = [person(1, "92.50"), person(2, "92.50"), person(3, "80"), *[person(k, "70") for k in range(4, 11)]]
    picks = rules.top_performers(people, settings=SETTINGS)
    assert keys(picks) == [1, 2]
    assert [pick.tied_at_cutoff for pick in picks] == [False, True]
    assert [pick.rank for pick in picks] == [1, 1]


def test_it_gives_no_place_to_a_high_score_with_a_lower_predikat():
    people = [person(1, "99", BP), person(2, "98", K), person(3, "97", SK), person(4, "60", SB), person(5, "55", B)]
    [top] = rules.top_performers(people, settings=SETTINGS)
    assert (top.person.key, top.rank, top.unit_rank, top.scored) == (4, 1, 4, 5)


def test_it_recognises_no_one_without_a_score_or_a_predikat():
    people = [person(1, None, SB), person(2, "90", ""), person(3, "95", BP)]
    assert rules.top_performers(people, settings=SETTINGS) == []


def test_it_follows_the_percentage_setting():
    people = [person(key, str(50 + key)) for key in range(1, 11)]
    picks = rules.top_performers(people, settings=rules.Settings(top_percent=Decimal(25)))
    assert keys(picks) == [10, 9, 8]


@pytest.mark.parametrize(
    ("predikat", "results", "conditions"),
    [
        (SB, "90", ()),
        (B, "90", ()),
        (BP, "90", (rules.Condition.PREDIKAT,)),
        (K, "90", (rules.Condition.PREDIKAT,)),
        (SK, "90", (rules.Condition.PREDIKAT,)),
        (B, "70", ()),
        (B, "69.99", (rules.Condition.RESULTS,)),
        (SK, "10", (rules.Condition.PREDIKAT, rules.Condition.RESULTS)),
        (B, None, ()),
        ("", "90", ()),
        ("", "50", (rules.Condition.RESULTS,)),
    ],
)
def test_it_puts_on_the_coaching_list_by_predikat_or_r_below_70(predikat, results, conditions):
    assert rules.coaching_conditions(person(1, "80", predikat, results), settings=SETTINGS) == conditions


def test_it_says_why_someone_is_a_top_performer():
    people = [person(1, "91.5", SB, "98.25"), person(2, "95", BP)]
    [top] = rules.top_performers(people, settings=SETTINGS)
    assert rules.top_evidence(top, unit_name="Dinas Kesehatan") == [
        "Skor Kinerja 91,50 (indeks Kinerja), peringkat 1 dari 1 pegawai berpredikat Sangat Baik atau Baik di "
        "Dinas Kesehatan",
        "Peringkat 2 dari 2 pegawai dengan skor di unit ini",
        "Predikat Sangat Baik",
        "R (capaian hasil kerja) 98,25",
    ]


def test_it_says_when_a_tie_brought_someone_in():
    [_first, second] = rules.top_performers([person(1, "90"), person(2, "90")], settings=SETTINGS)
    assert (
        rules.top_evidence(second, unit_name="Bidang P2P")[-1]
        == "Masuk karena nilainya sama dengan batas kuota 1 orang"
    )


def test_it_says_why_someone_is_on_the_coaching_list():
    [both] = rules.coaching_list([person(1, "40", SK, "55")], settings=SETTINGS)
    assert rules.coaching_evidence(both, settings=SETTINGS) == [
        "Predikat Sangat Kurang: Butuh Perbaikan atau lebih rendah",
        "R (capaian hasil kerja) 55,00, di bawah 70,00",
    ]
    [low_r] = rules.coaching_list([person(2, "60", B, "69.99")], settings=SETTINGS)
    assert rules.coaching_evidence(low_r, settings=SETTINGS) == [
        "R (capaian hasil kerja) 69,99, di bawah 70,00",
        "Predikat Baik",
    ]
    [predikat_only] = rules.coaching_list([person(3, "60", BP, "75")], settings=SETTINGS)
    assert rules.coaching_evidence(predikat_only, settings=SETTINGS) == [
        "Predikat Butuh Perbaikan: Butuh Perbaikan atau lebih rendah",
        "R (capaian hasil kerja) 75,00",
    ]
