"""recommendations_compute through the database: the worked example of domain.md §7.3 as rows,
a fixed number of queries whatever the number of employees, decided rows kept, the task."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from appraisal.models import BehaviourRating, CoreValue, DevelopmentAction, Evaluation
from tests.appraisal.factories import PeriodFactory, PlanFactory
from tests.factories import EmployeeFactory, PositionFactory
from tests.surveys.factories import ResponseFactory
from tests.training.factories import (
    AssessmentFactory,
    CompetencyFactory,
    DevelopmentRecordFactory,
    PositionStandardFactory,
    ProgrammeCompetencyFactory,
    ProgrammeFactory,
    form,
)
from training import tasks
from training.decisions import recommendation_accept
from training.inputs import akpk_needs, jp_shortfalls, programmes
from training.models import Competency, DevelopmentRecord, InputDigest, Need, Recommendation, RecommendationRun
from training.planning import Tally, by_target, plan
from training.rules import RULE_VERSION, Policy, YearBy
from training.services import recommendations_compute, recommendations_compute_request

# (code, required, actual, criticality): Sari's standard and profile (§7.3 worked example).
PROFILE = [("M.01", 3, 3, 1), ("M.02", 2, 2, 1), ("M.03", 3, 1, 1), ("M.05", 3, 2, 1), ("T.ADM.01", 3, 1, 2)]
CATALOGUE = [
    ("P1", "Pelayanan Prima", "pelatihan-klasikal", 24, ["M.05", "M.03"]),
    ("P2", "Bimtek Administrasi Kependudukan", "bimtek", 16, ["T.ADM.01"]),
    ("P3", "e-learning Komunikasi Efektif", "e-learning", 8, ["M.03"]),
    ("P4", "coaching Kerja Sama Tim", "coaching", 4, ["M.02"]),
    ("P5", "Kepemimpinan Pengawas", "pelatihan-klasikal", 40, ["M.01", "M.08"]),
]
P1_REASONS = [
    "M.03 Komunikasi level 1, jabatan butuh 3",
    "M.05 Pelayanan Publik level 2, jabatan butuh 3",
    "Nilai U7 (kesopanan) dari masyarakat 2,90, di bawah 3,0644",
    "Nilai U7 (kesopanan) dari masyarakat 2,90, di bawah 3,0644",
]


@pytest.fixture
def period(db):
    return PeriodFactory(year=2026)


@pytest.fixture
def catalogue(db):
    CompetencyFactory(code="T.ADM.01", name="Administrasi Kependudukan")
    for code, title, form_code, jp, competencies in CATALOGUE:
        programme = ProgrammeFactory(code=code, title=title, form=form(form_code), jp=jp)
        for competency in competencies:
            ProgrammeCompetencyFactory(programme=programme, competency=Competency.objects.get(code=competency))


def sari(period, unit, *, name="Sari"):
    """An employee exactly like Sari: profile, Kolaboratif below expectation, Baik, U7 2.90 from 14
    responses naming her (10 of them answered U7: 29 / 10), 6 JP verified this year."""
    position = PositionFactory(
        unit=unit, name=f"Pengadministrasi Perkantoran ({name})", kind="PELAKSANA", level="PELAKSANA"
    )
    employee = EmployeeFactory(name=name, unit=unit, position=position)
    for code, required, actual, criticality in PROFILE:
        competency = Competency.objects.get(code=code)
        PositionStandardFactory(
            position=position, competency=competency, required_level=required, criticality=criticality
        )
        AssessmentFactory(employee=employee, competency=competency, level=actual)
    plan = PlanFactory(employee=employee, period=period, status="APPROVED", approved_at=timezone.now())
    evaluation = Evaluation.objects.create(
        plan=plan,
        kind="ANNUAL",
        checkpoint=4,
        status="SENT",
        work_rating="SESUAI_EKSPEKTASI",
        behaviour_rating="SESUAI_EKSPEKTASI",
        predikat="BAIK",
        sent_at=timezone.now(),
    )
    for value in CoreValue.objects.all():
        rating = "DI_BAWAH_EKSPEKTASI" if value.code == "KOLABORATIF" else "SESUAI_EKSPEKTASI"
        BehaviourRating.objects.create(evaluation=evaluation, value=value, rating=rating)
    moment = datetime(2026, 6, 2, 3, tzinfo=UTC)
    u7 = [3] * 9 + [2] + [None] * 4  # 29 over the 10 who answered U7
    for answer in u7:
        ResponseFactory.with_answers([4, 4, 4, 4, 4, 4, answer, 4, 4], unit=unit, officer=employee, submitted_at=moment)
    verified = {"status": DevelopmentRecord.Status.VERIFIED, "verified_at": timezone.now()}
    DevelopmentRecordFactory(employee=employee, starts_on=date(2026, 2, 2), ends_on=date(2026, 2, 2), jp=6, **verified)
    DevelopmentRecordFactory(
        employee=employee, starts_on=date(2025, 12, 1), ends_on=date(2025, 12, 30), jp=30, **verified
    )
    return employee, evaluation


def proposals(employee):
    return list(Recommendation.objects.filter(employee=employee).select_related("programme").order_by("rank"))


def test_it_reproduces_the_worked_example_from_the_database(period, unit, catalogue):
    employee, _evaluation = sari(period, unit)
    recommendations_compute(period=period)
    rows = proposals(employee)
    assert [(r.programme.code, r.rank, r.priority) for r in rows] == [
        ("P1", 1, 7),
        ("P3", 2, 4),
        ("P2", 3, 4),
        ("P4", 4, 2),
    ]
    with translation.override("id"):
        assert rows[0].reason_texts() == P1_REASONS
    with translation.override("en"):
        assert rows[0].reason_texts()[2] == "U7 (courtesy) score from citizens 2.90, below 3.0644"
    assert rows[0].inputs["jp_so_far"] == "6"  # the 2025 course does not count for 2026
    assert rows[0].rule_version and rows[0].status == Recommendation.Status.PROPOSED
    needs = Need.objects.filter(employee=employee)
    assert sorted((n.rule, n.target, n.priority) for n in needs) == [
        (1, "M.03", 2),
        (1, "M.05", 1),
        (1, "T.ADM.01", 4),
        (2, "M.02", 2),
        (3, "M.03", 2),
        (3, "M.05", 2),
    ]
    u7 = needs.get(rule=3, target="M.05")
    assert u7.inputs == [{"nrr": "2.90", "threshold": "3.0644", "answers": 14}]
    assert u7.competency.code == "M.05"


def test_supervisor_actions_become_recommendations_of_their_own(period, unit, catalogue):
    employee, evaluation = sari(period, unit)
    DevelopmentAction.objects.create(evaluation=evaluation, kind="LAINNYA", description="Magang di Disdukcapil")
    recommendations_compute(period=period)
    last = proposals(employee)[-1]
    assert (last.programme, last.action, last.rank, last.priority) == (None, "Magang di Disdukcapil", 5, 2)
    with translation.override("id"):
        assert last.reason_texts() == ["Rencana pengembangan dari atasan: Magang di Disdukcapil"]


def test_a_rerun_replaces_proposals_and_keeps_decisions(period, unit, catalogue, hr_user):
    employee, _evaluation = sari(period, unit)
    recommendations_compute(period=period)
    first = proposals(employee)[0]
    first.status, first.decided_by, first.decided_at = Recommendation.Status.ACCEPTED, hr_user, timezone.now()
    first.save()
    recommendations_compute(period=period)
    rows = proposals(employee)
    assert [(r.programme.code, r.status) for r in rows] == [
        ("P1", "ACCEPTED"),
        ("P3", "PROPOSED"),
        ("P2", "PROPOSED"),
        ("P4", "PROPOSED"),
    ]
    assert rows[0].pk == first.pk
    assert Need.objects.filter(employee=employee).count() == 6


def test_a_decision_keeps_the_reasons_that_the_next_run_replaces(period, unit, catalogue, hr_user):
    employee, _evaluation = sari(period, unit)
    recommendations_compute(period=period)
    first, second = proposals(employee)[:2]
    assert first.needs[0] == {"rule": 1, "target": "M.03", "priority": 2}  # named, its reasons read from the needs
    recommendation_accept(recommendation=first, acting_user=hr_user)
    Need.objects.filter(period=period).delete()  # as a later run with other data would
    with translation.override("id"):
        assert Recommendation.objects.get(pk=first.pk).reason_texts() == P1_REASONS
        assert Recommendation.objects.get(pk=second.pk).reason_texts() == []


def test_the_run_records_its_rule_version_and_policy_once(period, unit, catalogue):
    sari(period, unit)
    recommendations_compute(period=period)
    run = RecommendationRun.objects.get(period=period)
    assert (run.rule_version, run.policy) == (RULE_VERSION, Policy.from_settings().as_data())
    assert set(Recommendation.objects.values_list("computed_at", flat=True)) == {run.computed_at}


def test_a_rerun_rewrites_only_the_proposals_that_changed(period, unit, catalogue, settings):
    employee, _evaluation = sari(period, unit)
    recommendations_compute(period=period)
    before = {r.pk: r.computed_at for r in proposals(employee)}
    recommendations_compute(period=period)
    assert {r.pk: r.computed_at for r in proposals(employee)} == before
    settings.TRAINING_MINIMUM_JP = "10"  # another policy: each proposal names the run that applied it
    recommendations_compute(period=period)
    latest = RecommendationRun.objects.filter(period=period).latest("computed_at")
    assert {r.pk: r.computed_at for r in proposals(employee)} == dict.fromkeys(before, latest.computed_at)


def test_a_rerun_rewrites_only_the_needs_that_changed(period, unit, catalogue):
    employee, evaluation = sari(period, unit)
    recommendations_compute(period=period)

    def needs():
        return {n.key: (n.pk, n.priority, n.computed_at) for n in Need.objects.filter(period=period)}

    before = needs()
    recommendations_compute(period=period)
    assert needs() == before
    competency = {code: Competency.objects.get(code=code) for code in ("M.03", "T.ADM.01")}
    AssessmentFactory(employee=employee, competency=competency["M.03"], level=3, assessed_on=date(2026, 4, 1))
    AssessmentFactory(employee=employee, competency=competency["T.ADM.01"], level=2, assessed_on=date(2026, 4, 1))
    DevelopmentAction.objects.create(evaluation=evaluation, kind="LAINNYA", description="Belajar mandiri")
    recommendations_compute(period=period)
    latest = RecommendationRun.objects.filter(period=period).latest("computed_at").computed_at
    after = needs()
    pk, _priority, _at = before.pop((1, "M.03"))  # met now: deleted
    assert not Need.objects.filter(pk=pk).exists()
    assert after.pop((1, "T.ADM.01")) == (before.pop((1, "T.ADM.01"))[0], 2, latest)  # rewritten in place
    assert after.pop((5, "Belajar mandiri"))[1:] == (2, latest)  # new
    assert after == before  # the rest left as they were


def test_only_the_best_programmes_are_proposed(period, unit, catalogue, settings):
    employee, _evaluation = sari(period, unit)
    settings.TRAINING_MAX_PROPOSALS = 2
    recommendations_compute(period=period)
    assert [(r.rank, r.programme.code) for r in proposals(employee)] == [(1, "P1"), (2, "P3")]
    assert RecommendationRun.objects.get(period=period).policy["max_proposals"] == 2


def count_queries(period) -> int:
    with CaptureQueriesContext(connection) as queries:
        recommendations_compute(period=period)
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_employees(period, unit, catalogue):
    sari(period, unit, name="Sari")
    few = count_queries(period)
    for name in ("Dewi", "Rina", "Budi"):
        sari(period, unit, name=name)
    assert count_queries(period) == few
    assert Recommendation.objects.filter(programme__code="P1", rank=1).count() == 4


def test_the_task_computes_the_period(period, unit, catalogue, settings, django_capture_on_commit_callbacks):
    employee, _evaluation = sari(period, unit)
    assert tasks.recommendations_compute(period.pk) == Recommendation.objects.count()
    assert tasks.recommendations_compute(period.pk) == 0  # nothing changed: nothing derived again
    Recommendation.objects.all().delete()
    assert tasks.recommendations_compute(period.pk) == 0  # rows deleted by hand: the inputs did not change
    assert tasks.recommendations_compute(period.pk, everyone=True) == 4
    Recommendation.objects.all().delete()
    InputDigest.objects.all().delete()  # as before a first computation
    settings.CELERY_TASK_ALWAYS_EAGER = True
    with django_capture_on_commit_callbacks(execute=True):
        recommendations_compute_request(period=period)
    assert [r.programme.code for r in proposals(employee)] == ["P1", "P3", "P2", "P4"]
    tasks.recommendations_compute.delay(period.pk)
    assert len(proposals(employee)) == 4


def test_below_20_jp_lists_what_accepted_programmes_would_bring(period, unit, catalogue, hr_user):
    sari_, _evaluation = sari(period, unit)
    recommendations_compute(period=period)
    Recommendation.objects.filter(employee=sari_, programme__code="P3").update(
        status=Recommendation.Status.ACCEPTED, decided_by=hr_user, decided_at=timezone.now()
    )
    across_new_year = EmployeeFactory(name="Budi", unit=unit)
    verified = {"status": DevelopmentRecord.Status.VERIFIED, "verified_at": timezone.now()}
    DevelopmentRecordFactory(
        employee=across_new_year, starts_on=date(2025, 12, 28), ends_on=date(2026, 1, 3), jp=30, **verified
    )
    nothing = EmployeeFactory(name="Rina", unit=unit)
    rows = jp_shortfalls(period, minimum=Decimal(20), year_by=YearBy.END)
    assert [(r.employee_id, r.done, r.accepted, r.missing) for r in rows] == [
        (nothing.pk, 0, 0, 20),
        (sari_.pk, 6, 8, 6),  # P3's 8 JP would bring 14
    ]
    earlier = jp_shortfalls(PeriodFactory(year=2025), minimum=Decimal(20), year_by=YearBy.END)
    assert across_new_year.pk in {r.employee_id for r in earlier}  # the course counts for 2026 only


def test_akpk_reads_the_stored_needs_with_unit_and_position(period, unit, catalogue):
    employee, _evaluation = sari(period, unit)
    recommendations_compute(period=period)
    needs = akpk_needs(period)
    assert {row.position_id for row in needs} == {employee.position_id}
    assert by_target(needs) == {
        "M.03": Tally(needs=2, employees=1, priority=4),
        "M.05": Tally(2, 1, 3),
        "T.ADM.01": Tally(1, 1, 4),
        "M.02": Tally(1, 1, 2),
    }
    chosen = plan(needs, programmes(), budget=Decimal(30))
    assert [(p.programme.code, p.needs, p.hours) for p in chosen] == [("P1", 4, 24), ("P4", 1, 4)]
