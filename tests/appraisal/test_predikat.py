"""The predikat matrix of domain.md §1.4: all nine combinations and the worked examples A–D."""

from __future__ import annotations

import pytest

from appraisal.predikat import Predikat, Rating, predikat_for, predikat_or_blank

ATAS, SESUAI, BAWAH = Rating.DI_ATAS_EKSPEKTASI, Rating.SESUAI_EKSPEKTASI, Rating.DI_BAWAH_EKSPEKTASI


@pytest.mark.parametrize(
    ("work", "behaviour", "expected"),
    [
        (ATAS, BAWAH, Predikat.KURANG_MISCONDUCT),
        (ATAS, SESUAI, Predikat.BAIK),
        (ATAS, ATAS, Predikat.SANGAT_BAIK),
        (SESUAI, BAWAH, Predikat.KURANG_MISCONDUCT),
        (SESUAI, SESUAI, Predikat.BAIK),
        (SESUAI, ATAS, Predikat.BAIK),
        (BAWAH, BAWAH, Predikat.SANGAT_KURANG),
        (BAWAH, SESUAI, Predikat.BUTUH_PERBAIKAN),
        (BAWAH, ATAS, Predikat.BUTUH_PERBAIKAN),
    ],
)
def test_it_follows_the_matrix_for_all_nine_combinations(work, behaviour, expected):
    assert predikat_for(work=work, behaviour=behaviour) == expected


@pytest.mark.parametrize(
    ("example", "work", "behaviour", "expected"),
    [
        ("A", ATAS, SESUAI, "BAIK"),
        ("B", SESUAI, BAWAH, "KURANG_MISCONDUCT"),
        ("C", BAWAH, ATAS, "BUTUH_PERBAIKAN"),
        ("D", BAWAH, BAWAH, "SANGAT_KURANG"),
    ],
)
def test_it_gives_the_worked_examples(example, work, behaviour, expected):
    assert predikat_for(work=work, behaviour=behaviour).value == expected


def test_it_never_gives_more_than_kurang_for_poor_behaviour():
    assert {predikat_for(work=w, behaviour=BAWAH) for w in Rating} <= {"KURANG_MISCONDUCT", "SANGAT_KURANG"}


def test_it_labels_kurang_misconduct_as_the_regulation_does():
    assert Predikat.KURANG_MISCONDUCT.label == "Kurang/Misconduct"


def test_it_stays_blank_until_both_ratings_are_chosen():
    assert predikat_or_blank(work=ATAS, behaviour="") == ""
    assert predikat_or_blank(work="", behaviour=ATAS) == ""
    assert predikat_or_blank(work=ATAS, behaviour=ATAS) == "SANGAT_BAIK"


def test_it_refuses_an_unknown_rating():
    with pytest.raises(ValueError, match="tidak dikenal"):
        predikat_for(work="LUAR_BIASA", behaviour=SESUAI)
