from datetime import date

import pytest
from django.core.exceptions import ValidationError

from org.nip import build_nip, format_nip, normalize_nip, parse_pns_nip, parse_pppk_number

TODAY = date(2026, 11, 23)


def codes(exc_info) -> set[str]:
    return {error.code for error in exc_info.value.error_list}


def test_it_accepts_the_example_nip_of_the_domain():
    parsed = parse_pns_nip("19860926 201505 1 001", today=TODAY)
    assert parsed.value == "198609262015051001"
    assert parsed.birth_date == date(1986, 9, 26)
    assert (parsed.appointment_year, parsed.appointment_month) == (2015, 5)
    assert not parsed.is_female
    assert parsed.warnings == ()


def test_it_normalises_dots_dashes_and_spaces():
    assert normalize_nip(" 19860926.201505-1 001 ") == "198609262015051001"
    assert format_nip("198609262015051001") == "19860926 201505 1 001"


@pytest.mark.parametrize("raw", ["19860926201505100", "1986092620150510011", ""])
def test_it_refuses_a_wrong_length(raw):
    with pytest.raises(ValidationError) as exc_info:
        parse_pns_nip(raw, today=TODAY)
    assert codes(exc_info) == {"length"} if raw.isdigit() else {"digits"}


def test_it_refuses_letters():
    with pytest.raises(ValidationError) as exc_info:
        parse_pns_nip("19860926201505100A", today=TODAY)
    assert codes(exc_info) == {"digits"}


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("198602302015051001", "birth_date"),  # 30 February
        ("198613012015051001", "birth_date"),  # month 13
        ("202701012015051001", "birth_future"),
        ("198609262015131001", "appointment"),  # appointment month 13
        ("198609262015001001", "appointment"),  # appointment month 00
        ("198609262027011001", "appointment_future"),
        ("198609261985011001", "appointment_birth"),
    ],
)
def test_it_refuses_impossible_dates(raw, code):
    with pytest.raises(ValidationError) as exc_info:
        parse_pns_nip(raw, today=TODAY)
    assert codes(exc_info) == {code}


def test_it_accepts_an_appointment_next_month_but_not_later():
    assert parse_pns_nip("199001012026121001", today=TODAY).appointment_month == 12
    with pytest.raises(ValidationError):
        parse_pns_nip("199001012027011001", today=TODAY)


@pytest.mark.parametrize("digit", ["0", "3", "9"])
def test_it_refuses_a_sex_digit_other_than_1_or_2(digit):
    with pytest.raises(ValidationError) as exc_info:
        parse_pns_nip(f"19860926201505{digit}001", today=TODAY)
    assert codes(exc_info) == {"sex_digit"}


def test_it_cross_checks_the_sex_digit_with_the_stored_gender():
    assert parse_pns_nip("198609262015052001", today=TODAY, is_female=True).is_female
    with pytest.raises(ValidationError) as exc_info:
        parse_pns_nip("198609262015052001", today=TODAY, is_female=False)
    assert codes(exc_info) == {"sex_mismatch"}


def test_it_warns_but_accepts_a_young_appointment_and_serial_000():
    parsed = parse_pns_nip("200001012015011000", today=TODAY)
    assert len(parsed.warnings) == 2


def test_it_checks_pppk_numbers_without_the_pns_middle_segment():
    number = "199003152022212001"  # middle segment "202221" is not a PNS year-month
    with pytest.raises(ValidationError):
        parse_pns_nip(number, today=TODAY)
    assert parse_pppk_number(number, today=TODAY).is_female
    with pytest.raises(ValidationError):
        parse_pppk_number("199002302022212001", today=TODAY)


def test_build_nip_round_trips():
    nip = build_nip(birth_date=date(1975, 3, 9), appointment_year=2001, appointment_month=4, is_female=True, serial=7)
    parsed = parse_pns_nip(nip, today=TODAY)
    assert (parsed.birth_date, parsed.appointment_month, parsed.is_female, parsed.serial) == (
        date(1975, 3, 9),
        4,
        True,
        "007",
    )
