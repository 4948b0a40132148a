"""The nine-box rules of domain.md §7.5, against hand-made inputs (no database)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from appraisal.predikat import Predikat
from leaders.talent import rules
from leaders.talent.rules import Cutoffs, Kinerja, NotPlaced, PersonInputs, Potensi, place

CUTOFFS = Cutoffs(Decimal(68), Decimal(80))


@pytest.mark.parametrize(
    ("jpm", "potensi"),
    [
        ("0", Potensi.RENDAH),
        ("67.99", Potensi.RENDAH),
        ("68", Potensi.MENENGAH),
        ("68.00", Potensi.MENENGAH),
        ("79.99", Potensi.MENENGAH),
        ("80", Potensi.TINGGI),
        ("100", Potensi.TINGGI),
    ],
)
def test_a_jpm_exactly_on_a_cut_off_belongs_to_the_higher_box(jpm, potensi):
    assert rules.potensi_level(Decimal(jpm), CUTOFFS) == potensi


def test_the_cut_offs_are_settings(settings):
    settings.TALENT_JPM_MIDDLE, settings.TALENT_JPM_HIGH = "60", "75"
    cutoffs = Cutoffs.from_settings()
    assert rules.potensi_level(Decimal("74.99"), cutoffs) == Potensi.MENENGAH
    assert rules.potensi_level(Decimal(75), cutoffs) == Potensi.TINGGI
    assert cutoffs.as_data() == {"middle": "60", "high": "75"}


@pytest.mark.parametrize(
    ("predikat", "kinerja"),
    [
        (Predikat.SANGAT_BAIK, Kinerja.DI_ATAS),
        (Predikat.BAIK, Kinerja.SESUAI),
        (Predikat.BUTUH_PERBAIKAN, Kinerja.DI_BAWAH),
        (Predikat.KURANG_MISCONDUCT, Kinerja.DI_BAWAH),
        (Predikat.SANGAT_KURANG, Kinerja.DI_BAWAH),
    ],
)
def test_each_predikat_gives_its_kinerja_level(predikat, kinerja):
    assert rules.kinerja_level(predikat) == kinerja


def test_the_boxes_are_numbered_as_the_slide_shows_them():
    # Rows kinerja high to low, columns potensi low to high (§7.5).
    assert [boxes for _kinerja, boxes in rules.GRID] == [(4, 7, 9), (2, 5, 8), (1, 3, 6)]
    assert sorted(rules.BOXES.values()) == list(range(1, 10))
    assert all(rules.box_for(*rules.LEVELS[box]) == box for box in rules.ALL_BOXES)


def _person(predikats=None, jpm="75", penalties=frozenset()):
    return PersonInputs(
        1, predikats if predikats is not None else {2026: Predikat.BAIK}, jpm and Decimal(jpm), penalties
    )


@pytest.mark.parametrize(
    ("predikat", "jpm", "box"),
    [
        (Predikat.SANGAT_BAIK, "67.99", 4),
        (Predikat.SANGAT_BAIK, "68", 7),
        (Predikat.SANGAT_BAIK, "79.99", 7),
        (Predikat.SANGAT_BAIK, "80", 9),
        (Predikat.BAIK, "67.99", 2),
        (Predikat.BAIK, "68", 5),
        (Predikat.BAIK, "79.99", 5),
        (Predikat.BAIK, "80", 8),
        (Predikat.BUTUH_PERBAIKAN, "67.99", 1),
        (Predikat.KURANG_MISCONDUCT, "68", 3),
        (Predikat.SANGAT_KURANG, "80", 6),
    ],
)
def test_every_box_edge(predikat, jpm, box):
    placed = place(_person({2026: predikat}, jpm), year=2026, cutoffs=CUTOFFS)
    assert placed.box == box
    assert (placed.predikat_year, placed.predikat, placed.not_placed) == (2026, predikat, ())


def test_the_latest_of_the_last_two_years_counts():
    both = place(_person({2025: Predikat.SANGAT_BAIK, 2026: Predikat.BUTUH_PERBAIKAN}), year=2026, cutoffs=CUTOFFS)
    assert (both.predikat_year, both.kinerja, both.box) == (2026, Kinerja.DI_BAWAH, 3)


def test_last_year_counts_while_this_year_has_no_result():
    placed = place(_person({2025: Predikat.SANGAT_BAIK, 2026: ""}), year=2026, cutoffs=CUTOFFS)
    assert (placed.predikat_year, placed.box) == (2025, 7)


def test_a_result_older_than_two_years_does_not_count():
    placed = place(_person({2024: Predikat.SANGAT_BAIK}), year=2026, cutoffs=CUTOFFS)
    assert placed.box is None and placed.not_placed == (NotPlaced.NO_PREDIKAT,)


def test_a_result_after_the_period_does_not_count():
    placed = place(_person({2027: Predikat.SANGAT_BAIK, 2025: Predikat.BAIK}), year=2026, cutoffs=CUTOFFS)
    assert (placed.predikat_year, placed.box) == (2025, 5)


def test_no_jpm_is_not_placed_with_its_reason():
    placed = place(_person(jpm=None), year=2026, cutoffs=CUTOFFS)
    assert placed.box is None and placed.kinerja is None
    assert placed.not_placed == (NotPlaced.NO_JPM,)
    assert placed.predikat == Predikat.BAIK  # the input is still shown


def test_every_reason_is_said_not_only_the_first():
    placed = place(_person({}, None, frozenset({"BERAT"})), year=2026, cutoffs=CUTOFFS)
    assert placed.not_placed == (NotPlaced.PENALTY, NotPlaced.NO_PREDIKAT, NotPlaced.NO_JPM)


@pytest.mark.parametrize(("levels", "left_out"), [({"SEDANG"}, True), ({"BERAT"}, True), ({"RINGAN"}, False)])
def test_a_moderate_or_severe_penalty_leaves_a_person_out(levels, left_out):
    placed = place(_person({2026: Predikat.SANGAT_BAIK}, "90", frozenset(levels)), year=2026, cutoffs=CUTOFFS)
    assert (placed.box is None) == left_out
    assert (NotPlaced.PENALTY in placed.not_placed) == left_out


def test_a_box_label_says_its_row_and_column_in_the_readers_language():
    with translation.override("id"):
        assert rules.box_label(7) == "Kotak 7 · kinerja di atas ekspektasi, potensi menengah"
    with translation.override("en"):
        assert rules.box_label(7) == "Box 7 · performance above expectation, potential medium"
