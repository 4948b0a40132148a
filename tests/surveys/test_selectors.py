"""Results read from the database: unit and employee IKM, exclusions, periods, roll-ups, profile, QR, complaints."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from surveys.models import QrScanDay, Response, ResponseTally
from surveys.selectors import (
    complaint_metrics,
    employee_ikm,
    ikm_by_quarter,
    profile_breakdown,
    qr_funnel,
    unit_comparison,
    unit_ikm,
)
from surveys.services import response_exclude
from tests.surveys.factories import ComplaintFactory, ResponseFactory, ServiceFactory
from tests.surveys.test_ikm import WORKED_EXAMPLE

YEAR = date(2025, 1, 1), date(2025, 12, 31)
MID_YEAR = datetime(2025, 6, 15, 3, tzinfo=UTC)


def at(day: int, month: int = 6, hour: int = 3) -> datetime:
    return datetime(2025, month, day, hour, tzinfo=UTC)


def test_the_unit_ikm_of_the_worked_example_is_83_33(unit):
    for answers in WORKED_EXAMPLE:
        ResponseFactory.with_answers(answers, unit=unit, submitted_at=MID_YEAR)
    result = unit_ikm(unit=unit, start=YEAR[0], end=YEAR[1])
    assert (result.responses, result.score, result.grade.letter) == (3, Decimal("83.33"), "B")


def test_an_excluded_response_is_left_out_but_counted_as_excluded(unit, hr_user):
    # Hand-computed: R1 all 4, R2 all 2 → every NRR 3.0 → IKM 3.0 → 75.00, grade C.
    # R3 (all 1, a burst) would pull it to (4+2+1)/3 = 2.3333 → 58.33, grade D.
    ResponseFactory.with_answers([4] * 9, unit=unit, submitted_at=MID_YEAR)
    ResponseFactory.with_answers([2] * 9, unit=unit, submitted_at=MID_YEAR)
    burst = ResponseFactory.with_answers([1] * 9, unit=unit, submitted_at=MID_YEAR)
    assert unit_ikm(unit=unit, start=YEAR[0], end=YEAR[1]).score == Decimal("58.33")
    response_exclude(response=burst, reason="Lonjakan dari satu perangkat", acting_user=hr_user)
    result = unit_ikm(unit=unit, start=YEAR[0], end=YEAR[1])
    assert (result.responses, result.excluded) == (2, 1)
    assert (result.ikm, result.score, result.grade.letter) == (Decimal("3.0000"), Decimal("75.00"), "C")
    assert Response.objects.count() == 3


def test_the_period_uses_local_dates_inclusively(unit):
    # 2025-03-31 20:00 UTC is 1 April 03:00 in Jakarta: second quarter.
    ResponseFactory(unit=unit, submitted_at=datetime(2025, 3, 31, 20, tzinfo=UTC))
    ResponseFactory.with_answers([1] * 9, unit=unit, submitted_at=datetime(2025, 3, 31, 10, tzinfo=UTC))
    quarters = dict(ikm_by_quarter(unit=unit, year=2025))
    assert (quarters["TW 1"].score, quarters["TW 2"].score) == (Decimal("25.00"), Decimal("100.00"))
    assert quarters["TW 3"].responses == 0 and quarters["TW 3"].score is None


def test_sub_units_are_included_unless_asked_not_to(unit, subunit):
    ResponseFactory(unit=unit, submitted_at=MID_YEAR)
    ResponseFactory.with_answers([2] * 9, unit=subunit, submitted_at=MID_YEAR)
    assert unit_ikm(unit=unit, start=YEAR[0], end=YEAR[1]).score == Decimal("75.00")
    assert unit_ikm(unit=unit, start=YEAR[0], end=YEAR[1], include_subunits=False).score == Decimal("100.00")


def test_a_service_filter_narrows_the_index(unit):
    service = ServiceFactory(unit=unit)
    ResponseFactory(unit=unit, service=service, submitted_at=MID_YEAR)
    ResponseFactory.with_answers([1] * 9, unit=unit, submitted_at=MID_YEAR)
    assert unit_ikm(unit=unit, start=YEAR[0], end=YEAR[1], service=service).responses == 1


def test_the_comparison_rolls_each_unit_up_over_its_subtree(unit, subunit, other_unit):
    ResponseFactory.with_answers([3] * 9, unit=subunit, submitted_at=MID_YEAR)
    ResponseFactory.with_answers([1] * 9, unit=other_unit, submitted_at=MID_YEAR)
    rows = dict(unit_comparison(units=[unit, other_unit], start=YEAR[0], end=YEAR[1]))
    assert (rows[unit].responses, rows[unit].score) == (1, Decimal("75.00"))
    assert rows[other_unit].grade.letter == "D"


def test_the_employee_ikm_counts_only_responses_naming_them(unit, employee):
    ResponseFactory.with_answers([3] * 9, unit=unit, officer=employee, submitted_at=MID_YEAR)
    ResponseFactory.with_answers([1] * 9, unit=unit, submitted_at=MID_YEAR)
    result = employee_ikm(employee=employee, start=YEAR[0], end=YEAR[1])
    assert (result.responses, result.score) == (1, Decimal("75.00"))


def test_the_profile_breakdown_counts_and_shares(unit):
    ResponseFactory(unit=unit, gender="P", age=30, education="S1", submitted_at=MID_YEAR)
    ResponseFactory(unit=unit, gender="P", age=70, submitted_at=MID_YEAR)
    ResponseFactory(unit=unit, gender="L", submitted_at=MID_YEAR)
    breakdown = profile_breakdown(ResponseTally.objects.all())
    gender = {share.label: (share.count, share.percent) for share in breakdown["jenis kelamin"]}
    assert gender == {"Laki-laki": (1, Decimal("33.33")), "Perempuan": (2, Decimal("66.67"))}
    ages = {share.label: share.count for share in breakdown["usia"]}
    assert ages == {"25–34": 1, "65+": 1, "Tidak diisi": 1}


def test_the_qr_funnel_sets_daily_scans_against_qr_submissions(unit):
    QrScanDay.objects.create(unit=unit, day=date(2025, 6, 1), count=7)
    QrScanDay.objects.create(unit=unit, day=date(2025, 6, 2), count=3)
    QrScanDay.objects.create(unit=unit, day=date(2024, 6, 2), count=50)
    ResponseFactory(unit=unit, source=Response.Source.QR, submitted_at=MID_YEAR)
    ResponseFactory(unit=unit, submitted_at=MID_YEAR)
    funnel = qr_funnel(unit=unit, start=YEAR[0], end=YEAR[1])
    assert (funnel.scans, funnel.qr_submissions, funnel.submissions, funnel.conversion) == (10, 1, 2, Decimal("10.00"))


def test_complaint_metrics_measure_first_response_and_resolution(unit):
    received = at(2)
    ComplaintFactory(unit=unit, submitted_at=received, first_response_at=received + timedelta(hours=10))
    ComplaintFactory(
        unit=unit,
        submitted_at=received,
        first_response_at=received + timedelta(days=4),
        resolved_at=received + timedelta(days=5),
        status="SELESAI",
    )
    ComplaintFactory(unit=unit, submitted_at=received)
    ComplaintFactory(unit=unit, submitted_at=datetime(2024, 6, 1, tzinfo=UTC))
    metrics = complaint_metrics(unit=unit, start=YEAR[0], end=YEAR[1])
    assert (metrics.received, metrics.answered, metrics.answered_within, metrics.resolved) == (3, 2, 1, 1)
    assert metrics.answered_within_percent == Decimal("33.33")
    assert metrics.mean_hours_to_first_response == Decimal("53.00")  # (10 + 96) / 2
    assert metrics.mean_hours_to_resolution == Decimal("120.00")
    assert metrics.open == 2


@pytest.mark.parametrize(("days", "within"), [(3, 1), (4, 2), (0, 0)])
def test_the_response_deadline_is_a_parameter(unit, days, within):
    received = at(2)
    ComplaintFactory(unit=unit, submitted_at=received, first_response_at=received + timedelta(hours=10))
    ComplaintFactory(unit=unit, submitted_at=received, first_response_at=received + timedelta(days=4))
    assert complaint_metrics(unit=unit, start=YEAR[0], end=YEAR[1], within_days=days).answered_within == within


def test_complaint_metrics_without_complaints_have_no_percentage(unit):
    metrics = complaint_metrics(unit=unit, start=YEAR[0], end=YEAR[1])
    assert (metrics.received, metrics.answered_within_percent, metrics.mean_hours_to_first_response) == (0, None, None)
