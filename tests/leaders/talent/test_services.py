"""Computing a period's map from the database, keeping calibrations, and HR's calibration."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from appraisal.models import Evaluation
from appraisal.predikat import Predikat
from leaders.models import TalentCalibration, TalentPlacement, TalentRun
from leaders.talent.rules import RULE_VERSION
from leaders.talent.services import placement_calibrate, talent_map_compute, talent_map_request
from tests.appraisal.factories import PeriodFactory
from tests.factories import EmployeeFactory
from training.models import PositionKindStandard

from .factories import annual_result, jpm_of, penalty


@pytest.fixture
def period(db):
    return PeriodFactory(year=2026)


def _placement(period, employee) -> TalentPlacement:
    return TalentPlacement.objects.get(period=period, employee=employee)


def test_it_places_a_person_and_records_the_inputs_and_rule(period, employee):
    annual_result(employee, 2025, Predikat.SANGAT_BAIK)
    jpm_of(employee, 17)  # 17 / 25 = 68.00: on the cut-off, so menengah

    assert talent_map_compute(period=period) >= 1

    placement = _placement(period, employee)
    assert (placement.box, placement.final_box, placement.jpm) == (7, 7, Decimal("68.00"))
    assert (placement.predikat, placement.predikat_year) == (Predikat.SANGAT_BAIK, 2025)
    assert placement.inputs["predikat"] == {"2026": "", "2025": "SANGAT_BAIK"}
    assert placement.inputs["cutoffs"] == {"middle": "68", "high": "80"}
    assert placement.inputs["as_of"] == "2026-05-15"
    assert placement.rule_version == RULE_VERSION
    assert TalentRun.objects.get(period=period).finished_at is not None


@pytest.mark.parametrize(("matched", "box"), [(16, 2), (17, 5), (19, 5), (20, 8)])  # 64, 68, 76, 80
def test_the_jpm_edges_hold_through_the_database(period, employee, matched, box):
    annual_result(employee, 2026, Predikat.BAIK)
    jpm_of(employee, matched)
    talent_map_compute(period=period)
    assert _placement(period, employee).box == box


def test_this_years_result_counts_over_last_years(period, employee):
    annual_result(employee, 2025, Predikat.SANGAT_BAIK)
    annual_result(employee, 2026, Predikat.BUTUH_PERBAIKAN)
    jpm_of(employee, 25)
    talent_map_compute(period=period)
    placement = _placement(period, employee)
    assert (placement.predikat_year, placement.box) == (2026, 6)


def test_only_a_result_sent_to_the_employee_counts(period, employee):
    annual_result(employee, 2025, Predikat.BAIK)
    annual_result(employee, 2026, Predikat.SANGAT_BAIK, status=Evaluation.Status.SUBMITTED)
    jpm_of(employee, 25)
    talent_map_compute(period=period)
    assert _placement(period, employee).predikat_year == 2025


def test_competency_levels_are_read_as_they_stood_at_the_end_of_a_past_year(employee):
    past = PeriodFactory(year=2025)
    annual_result(employee, 2025, Predikat.BAIK)
    jpm_of(employee, 25, on=date(2026, 2, 1))  # assessed after 2025 ended
    talent_map_compute(period=past)
    placement = _placement(past, employee)
    assert (placement.jpm, placement.box) == (Decimal("0.00"), 2)  # unassessed rows count 0 (§7.3)


def test_not_placed_people_are_stored_with_every_reason(period, employee):
    PositionKindStandard.objects.filter(position_level=employee.position.level).delete()  # no standard: no JPM
    talent_map_compute(period=period)
    placement = _placement(period, employee)
    assert placement.box is None and placement.final_box is None
    assert placement.not_placed == ["NO_PREDIKAT", "NO_JPM"]
    assert placement.not_placed_labels() == [
        "Belum ada predikat kinerja tahunan pada dua tahun terakhir",
        "Belum ada JPM (standar kompetensi jabatan belum ada)",
    ]


@pytest.mark.parametrize(
    ("level", "starts_on", "ends_on", "left_out"),
    [
        ("SEDANG", date(2026, 1, 1), date(2026, 12, 31), True),
        ("BERAT", date(2026, 5, 15), None, True),  # from today, until further notice
        ("RINGAN", date(2026, 1, 1), date(2026, 12, 31), False),
        ("BERAT", date(2025, 1, 1), date(2026, 5, 14), False),  # ended yesterday
        ("SEDANG", date(2026, 5, 16), date(2026, 12, 31), False),  # begins tomorrow
    ],
)
def test_a_moderate_or_severe_penalty_in_force_leaves_a_person_out(
    period, employee, level, starts_on, ends_on, left_out
):
    annual_result(employee, 2026, Predikat.SANGAT_BAIK)
    jpm_of(employee, 25)
    penalty(employee, level, starts_on=starts_on, ends_on=ends_on)
    talent_map_compute(period=period)
    placement = _placement(period, employee)
    assert (placement.box is None) == left_out
    assert ("PENALTY" in placement.not_placed) == left_out


def test_recomputing_keeps_the_calibration_and_updates_the_computed_box(period, employee, hr_user):
    annual_result(employee, 2026, Predikat.BAIK)
    jpm_of(employee, 17)
    talent_map_compute(period=period)
    placement_calibrate(placement=_placement(period, employee), to_box=9, reason="Rapat 1", acting_user=hr_user)
    Evaluation.objects.filter(plan__employee=employee).update(predikat=Predikat.SANGAT_BAIK)

    talent_map_compute(period=period)

    placement = _placement(period, employee)
    assert (placement.box, placement.calibrated_box, placement.final_box) == (7, 9, 9)
    assert placement.calibrations.count() == 1


def test_a_computation_leaves_the_planner_statistics_of_the_map_current(period, employee, supervisor):
    """The map's counts are planned on the placements' statistics; a whole-Pemda rewrite refreshes them."""
    talent_map_compute(period=period)
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'leaders_talentplacement'::regclass")
        assert cursor.fetchone()[0] == TalentPlacement.objects.count() >= 2


def test_the_computation_costs_the_same_queries_for_any_number_of_people(period):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def run() -> int:
        with CaptureQueriesContext(connection) as queries:
            talent_map_compute(period=period)
        return len(queries)

    EmployeeFactory.create_batch(3)
    small = run()
    for employee in EmployeeFactory.create_batch(30):
        annual_result(employee, 2026, Predikat.BAIK)
    assert run() == small


@pytest.fixture
def placed(period, employee):
    annual_result(employee, 2026, Predikat.BAIK)
    jpm_of(employee, 17)
    talent_map_compute(period=period)
    return _placement(period, employee)


def test_hr_calibrates_and_every_move_is_kept(placed, hr_user):
    placement_calibrate(placement=placed, to_box=8, reason="Rapat kalibrasi Mei", acting_user=hr_user)
    moved = placement_calibrate(placement=placed, to_box=9, reason="Rapat kalibrasi Juni", acting_user=hr_user)
    assert (moved.box, moved.calibrated_box, moved.final_box) == (5, 9, 9)
    history = list(moved.calibrations.order_by("pk").values_list("from_box", "to_box", "reason", "actor"))
    assert history == [(5, 8, "Rapat kalibrasi Mei", hr_user.pk), (8, 9, "Rapat kalibrasi Juni", hr_user.pk)]


@pytest.mark.parametrize(
    ("to_box", "reason", "field", "message"),
    [
        (8, "", "reason", "Alasan kalibrasi wajib diisi"),
        (8, "   ", "reason", "Alasan kalibrasi wajib diisi"),
        (10, "Rapat", "to_box", "Pilih kotak 1 sampai 9."),
        (5, "Rapat", "to_box", "sudah berada di kotak 5"),
    ],
)
def test_a_refused_calibration_says_why_and_saves_nothing(placed, hr_user, to_box, reason, field, message):
    with pytest.raises(ValidationError) as refusal:
        placement_calibrate(placement=placed, to_box=to_box, reason=reason, acting_user=hr_user)
    assert message in " ".join(refusal.value.message_dict[field])
    placed.refresh_from_db()
    assert placed.calibrated_box is None and not TalentCalibration.objects.exists()


def test_a_person_not_placed_cannot_be_calibrated(period, employee, hr_user):
    talent_map_compute(period=period)
    with pytest.raises(ValidationError, match="tidak dipetakan"):
        placement_calibrate(placement=_placement(period, employee), to_box=5, reason="Rapat", acting_user=hr_user)


def test_only_hr_calibrates_and_computes(placed, head, period):
    with pytest.raises(PermissionDenied):
        placement_calibrate(placement=placed, to_box=9, reason="Rapat", acting_user=head.user)
    with pytest.raises(PermissionDenied):
        talent_map_request(period=period, acting_user=head.user)
    assert not TalentCalibration.objects.exists()


def test_a_request_is_pending_until_the_worker_computes_it(
    period, employee, hr_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        run = talent_map_request(period=period, acting_user=hr_user)
    run.refresh_from_db()
    assert run.finished_at is None and not TalentPlacement.objects.exists()


def test_the_queued_task_computes_the_period(period, employee, hr_user, settings, django_capture_on_commit_callbacks):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    with django_capture_on_commit_callbacks(execute=True):
        run = talent_map_request(period=period, acting_user=hr_user)
    run.refresh_from_db()
    assert run.finished_at is not None and run.employees >= 1
    assert _placement(period, employee).rule_version == RULE_VERSION


def test_a_request_older_than_the_last_computation_is_no_longer_pending(
    period, hr_user, django_capture_on_commit_callbacks
):
    from leaders.talent.selectors import map_status

    with django_capture_on_commit_callbacks(execute=False):
        talent_map_request(period=period, acting_user=hr_user)  # its worker never comes
    assert map_status(period).pending and map_status(period).computed_at is None
    talent_map_compute(period=period)
    status = map_status(period)
    assert not status.pending and status.computed_at is not None
