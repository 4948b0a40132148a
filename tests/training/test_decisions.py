"""What a decision or a review adds to its step: the decision's row and log, a replacement, the
profile evidence of a verified activity, the JP ledger by year, and the notices to the right people."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from notifications.models import Notification
from training.decisions import (
    development_record_reject,
    development_record_verify,
    recommendation_accept,
    recommendation_dismiss,
    recommendation_replace,
)
from training.development import ledger
from training.inputs import jp_shortfalls
from training.models import CompetencyAssessment, DevelopmentRecordCompetency, Recommendation, RecommendationLog
from training.rules import YearBy
from training.selectors import current_levels

from .development_factories import RecommendationFactory, private_media, submitted_record  # noqa: F401 (fixture)
from .factories import AssessmentFactory, CompetencyFactory, ProgrammeFactory

pytestmark = pytest.mark.usefixtures("private_media")


def recipients() -> list[str]:
    return sorted(Notification.objects.values_list("recipient__username", flat=True))


def test_the_supervisors_decision_tells_the_employee(employee, supervisor):
    recommendation = RecommendationFactory(employee=employee)
    recommendation_accept(recommendation=recommendation, reason="Sesuai rencana", acting_user=supervisor.user)
    log = recommendation.logs.get()
    assert (log.action, log.from_status, log.to_status) == ("ACCEPT", "PROPOSED", "ACCEPTED")
    assert (log.actor, log.reason) == (supervisor.user, "Sesuai rencana")
    assert recipients() == ["pegawai"]
    notice = Notification.objects.get()
    assert notice.note == "Sesuai rencana" and notice.params["subject"].startswith(recommendation.programme.code)


def test_hrs_decision_tells_the_employee_and_the_supervisor(employee, supervisor, hr_user):
    recommendation = RecommendationFactory(employee=employee)
    recommendation_dismiss(recommendation=recommendation, reason="Anggaran habis", acting_user=hr_user)
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.DISMISSED
    assert recommendation.decision_reason == "Anggaran habis"
    assert recipients() == ["atasan", "pegawai"]
    assert set(Notification.objects.values_list("note", flat=True)) == {"Anggaran habis"}


def test_a_replacement_is_accepted_for_the_same_needs_and_counts_for_the_jp_list(employee, supervisor):
    recommendation = RecommendationFactory(employee=employee)
    other = ProgrammeFactory(title="E-learning Komunikasi", jp=8)
    replacement = recommendation_replace(
        recommendation=recommendation, programme=other, reason="Jadwal bentrok", acting_user=supervisor.user
    )
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.REPLACED
    assert (replacement.status, replacement.programme, replacement.needs) == (
        Recommendation.Status.ACCEPTED,
        other,
        recommendation.needs,
    )
    assert replacement.reason_texts() == recommendation.reason_texts()
    assert RecommendationLog.objects.get(recommendation=recommendation).replacement == replacement
    shortfall = next(
        row
        for row in jp_shortfalls(recommendation.period, minimum=Decimal(20), year_by=YearBy.END)
        if row.employee_id == employee.pk
    )
    assert shortfall.accepted == other.jp
    assert "E-learning Komunikasi" in Notification.objects.get().params["replacement"]


def test_verifying_an_activity_adds_its_level_to_the_profile(employee, supervisor):
    communication = CompetencyFactory(code="M.03")
    AssessmentFactory(employee=employee, competency=communication, level=1, assessed_on=date(2025, 3, 1))
    record = submitted_record(employee, ends_on=date(2026, 5, 8))
    DevelopmentRecordCompetency.objects.create(record=record, competency=communication, achieved_level=3)
    DevelopmentRecordCompetency.objects.create(record=record, competency=CompetencyFactory(), achieved_level=None)

    development_record_verify(record=record, acting_user=supervisor.user)

    added = CompetencyAssessment.objects.get(source=CompetencyAssessment.Source.TRAINING)
    assert (added.employee, added.competency, added.level) == (employee, communication, 3)
    assert (added.assessed_on, added.recorded_by) == (date(2026, 5, 8), supervisor.user)
    assert current_levels([employee.pk])[employee.pk][communication.pk] == 3
    assert recipients() == ["pegawai"]


def test_a_rejected_activity_adds_nothing_and_tells_the_employee_why(employee, supervisor):
    record = submitted_record(employee)
    DevelopmentRecordCompetency.objects.create(record=record, competency=CompetencyFactory(), achieved_level=3)
    development_record_reject(record=record, reason="Sertifikat tidak terbaca", acting_user=supervisor.user)
    record.refresh_from_db()
    assert (record.status, record.reason) == ("REJECTED", "Sertifikat tidak terbaca")
    assert not CompetencyAssessment.objects.exists()
    assert Notification.objects.get().note == "Sertifikat tidak terbaca"
    assert ledger(employee, year=record.ends_on.year).verified == 0


@pytest.mark.parametrize(("by", "counted_in"), [(YearBy.END, 2026), (YearBy.START, 2025)])
def test_jp_count_in_the_year_of_the_end_date_across_a_year_boundary(employee, supervisor, settings, by, counted_in):
    """§7.3: 28 Dec 2025 – 3 Jan 2026 with 30 JP counts for 2026 only (or the start's year if set)."""
    settings.TRAINING_JP_YEAR_BY = by.value
    course = submitted_record(employee, starts_on=date(2025, 12, 28), ends_on=date(2026, 1, 3), jp=30)
    submitted_record(employee, starts_on=date(2025, 6, 2), ends_on=date(2025, 6, 3), jp=8)
    submitted_record(employee, starts_on=date(2026, 2, 2), ends_on=date(2026, 2, 3), jp=5)  # left pending
    for record in employee.development_records.exclude(jp=5):
        development_record_verify(record=record, acting_user=supervisor.user)

    totals = {year: ledger(employee, year=year) for year in (2025, 2026)}
    assert totals[counted_in].verified == 30 + (8 if counted_in == 2025 else 0)
    assert totals[2025 if counted_in == 2026 else 2026].verified == (8 if counted_in == 2026 else 0)
    assert totals[2026].pending == 5
    assert {r.pk: r.counts_in for r in totals[2026].records}[course.pk] == counted_in
