"""The distribution curve of domain.md §1.6: both worked examples, every pattern, small-team rounding."""

from __future__ import annotations

from decimal import Decimal

import pytest

from appraisal.distribution import Rule, distribution_check, head_count


def counts(sb=0, b=0, bp=0, km=0, sk=0):
    return {"SANGAT_BAIK": sb, "BAIK": b, "BUTUH_PERBAIKAN": bp, "KURANG_MISCONDUCT": km, "SANGAT_KURANG": sk}


def test_it_accepts_the_first_example_of_the_domain():
    check = distribution_check(result="BAIK", counts=counts(sb=2, b=6, bp=1, sk=1))
    assert check.valid
    assert check.total == 10
    assert check.share("BAIK") == Decimal(60)


def test_it_refuses_the_second_example_for_lack_of_butuh_perbaikan_or_kurang():
    check = distribution_check(result="BAIK", counts=counts(sb=3, b=7))
    assert not check.valid
    assert [(f.rule.kind, f.rule.predikats) for f in check.failures] == [
        ("min_count", ("BUTUH_PERBAIKAN", "KURANG_MISCONDUCT"))
    ]
    at_limit = next(f for f in check.findings if f.rule.kind == "max_pct")
    assert at_limit.ok and at_limit.actual == at_limit.limit == 7  # 70% is on the limit and still allowed


def test_it_refuses_baik_above_seventy_percent():
    check = distribution_check(result="BAIK", counts=counts(b=8, bp=2))
    assert [f.rule.kind for f in check.failures] == ["max_pct"]


def test_it_refuses_when_baik_is_not_the_largest_group():
    check = distribution_check(result="BAIK", counts=counts(sb=5, b=4, bp=1))
    assert [f.rule.kind for f in check.failures] == ["largest"]


def test_it_allows_a_tie_for_the_largest_group():
    assert distribution_check(result="ISTIMEWA", counts=counts(sb=3, b=3, bp=1)).valid


@pytest.mark.parametrize(
    ("result", "good", "bad", "failing"),
    [
        ("ISTIMEWA", counts(sb=6, b=4), counts(sb=8, b=2), "max_pct"),
        ("BUTUH_PERBAIKAN", counts(sb=1, b=3, bp=6), counts(sb=2, b=2, bp=6), "max_pct"),
        ("BUTUH_PERBAIKAN", counts(b=4, bp=6), counts(b=5, bp=5), "min_pct"),
        ("KURANG", counts(sb=1, bp=1, km=6, sk=2), counts(sb=1, km=7, sk=2), "min_pct"),
        ("SANGAT_KURANG", counts(b=3, km=1, sk=6), counts(sb=1, b=2, km=1, sk=6), "max_count"),
        ("SANGAT_KURANG", counts(b=3, bp=1, sk=6), counts(b=4, sk=6), "min_pct"),
    ],
)
def test_it_checks_each_pattern(result, good, bad, failing):
    assert distribution_check(result=result, counts=good).valid
    assert [f.rule.kind for f in distribution_check(result=result, counts=bad).failures] == [failing]


def test_it_rounds_a_small_team_minimum_up_and_keeps_a_maximum_of_at_least_one():
    at_least = Rule("min_pct", ("BUTUH_PERBAIKAN",), Decimal(10))
    at_most = Rule("max_pct", ("SANGAT_BAIK",), Decimal(10))
    assert head_count(at_least, 3) == 1  # 0.3 person needed -> one person
    assert head_count(at_most, 3) == 1  # 0.3 person allowed -> still one
    assert head_count(Rule("max_pct", ("BAIK",), Decimal(70)), 11) == 7  # 7.7 -> 7, never above 70%
    assert head_count(Rule("min_pct", ("SANGAT_KURANG",), Decimal(60)), 11) == 7  # 6.6 -> 7


def test_it_has_nothing_to_check_in_an_empty_unit():
    check = distribution_check(result="BAIK", counts={})
    assert check.valid and check.total == 0 and check.findings == []


def test_it_reads_the_percentages_from_the_settings(settings):
    settings.APPRAISAL_DISTRIBUTION_PATTERNS = {"BAIK": [("max_pct", ["BAIK"], "50")]}
    assert not distribution_check(result="BAIK", counts=counts(b=6, bp=4)).valid
