"""The training demo seeders: a catalogue of about 30 programmes, standards, profiles with gaps, records."""

from __future__ import annotations

from collections import Counter

import pytest
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from org.demo.organisation import seed_organisation
from org.models import Employee
from tests.appraisal.factories import PeriodFactory
from tests.surveys.factories import ServiceFactory
from training.demo.catalogue import seed_catalogue
from training.demo.profiles import SARI, SERVICE_DESK, seed_profiles
from training.demo.recommendations import seed_recommendations
from training.models import (
    Competency,
    CompetencyAssessment,
    CompetencyLevel,
    DevelopmentRecord,
    PositionStandard,
    Programme,
    Recommendation,
    ServiceCompetency,
)
from training.selectors import current_levels, standards_for_positions

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """One seeded regency for the module (seeding is the slow part), rolled back afterwards.

    Each test's own transaction nests inside this one as a savepoint.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        seed_organisation()
        ServiceFactory(name="KTP-el")
        seed_catalogue()
        seed_profiles()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def sari(demo):
    return Employee.objects.get(user__username="pegawai")


def test_it_seeds_about_thirty_programmes_across_the_forms(demo):
    assert Programme.objects.count() >= 30
    assert Programme.objects.values("form").distinct().count() >= 15
    assert not Programme.objects.filter(targets__isnull=True).exists()
    assert Programme.objects.filter(form__classical=True, batches__isnull=False).exists()


def test_it_seeds_the_worked_examples_programmes(demo):
    catalogue = {
        p.code: (p.jp, sorted(p.competencies.values_list("code", flat=True)))
        for p in Programme.objects.filter(code__in=["P1", "P2", "P3", "P4", "P5"])
    }
    assert catalogue == {
        "P1": (24, ["M.03", "M.05"]),
        "P2": (16, ["T.ADM.01"]),
        "P3": (8, ["M.03"]),
        "P4": (4, ["M.02"]),
        "P5": (40, ["M.01", "M.08"]),
    }
    assert Programme.objects.get(code="P4").form.is_coaching


def test_it_seeds_technical_competencies_with_five_levels_and_links_the_service(demo):
    technical = Competency.objects.filter(kind=Competency.Kind.TECHNICAL)
    assert technical.count() >= 5
    assert CompetencyLevel.objects.filter(competency__in=technical).count() == 5 * technical.count()
    assert ServiceCompetency.objects.get(service__name="KTP-el").competency.code == "T.ADM.01"


def test_it_gives_the_demo_employee_the_worked_examples_standard_levels_and_jp(sari):
    by_code = dict(Competency.objects.values_list("pk", "code"))
    standard = standards_for_positions([sari.position_id])[sari.position_id]
    assert {by_code[pk]: (s.required_level, s.criticality) for pk, s in standard.items()} == SERVICE_DESK
    assert {by_code[pk]: level for pk, level in current_levels([sari.pk])[sari.pk].items()} == SARI
    year = timezone.localdate().year
    verified = sari.development_records.filter(status=DevelopmentRecord.Status.VERIFIED, ends_on__year=year)
    assert verified.aggregate(jp=Sum("jp"))["jp"] == 6


def test_it_leaves_some_employees_below_their_standard(demo):
    employees = list(Employee.objects.active())
    standards = standards_for_positions({e.position_id for e in employees})
    levels = current_levels([e.pk for e in employees])
    gaps = [
        (e.pk, pk)
        for e in employees
        for pk, s in standards[e.position_id].items()
        if levels.get(e.pk, {}).get(pk, 0) < s.required_level
    ]
    assert len({employee for employee, _ in gaps}) >= len(employees) // 4
    assert len(levels) == len(employees)


def test_it_keeps_history_with_one_invalidated_result(demo):
    assert CompetencyAssessment.objects.filter(is_valid=False).count() == 1
    sources = Counter(CompetencyAssessment.objects.values_list("source", flat=True))
    assert sources[CompetencyAssessment.Source.SUPERVISOR] > 0


def test_it_seeds_records_across_two_years_in_every_state(demo):
    year = timezone.localdate().year
    years = set(DevelopmentRecord.objects.values_list("ends_on__year", flat=True))
    assert years == {year - 1, year}
    states = Counter(DevelopmentRecord.objects.values_list("status", flat=True))
    assert states.keys() == {"VERIFIED", "SUBMITTED", "REJECTED"}
    assert DevelopmentRecord.objects.get(status="REJECTED").reason
    crossing = DevelopmentRecord.objects.filter(starts_on__year=year - 1, ends_on__year=year)
    assert crossing.exists() and all(record.jp == 30 for record in crossing)


def test_it_adds_nothing_when_run_again(demo):
    counts = [m.objects.count() for m in (Programme, PositionStandard, CompetencyAssessment, DevelopmentRecord)]
    assert "0 program baru" in seed_catalogue()
    seed_profiles()
    assert [m.objects.count() for m in (Programme, PositionStandard, CompetencyAssessment, DevelopmentRecord)] == counts


def test_the_demo_employee_sees_ranked_recommendations_with_reasons_right_after_seeding(sari):
    """Computed in the seeding process (no worker needed); a second run proposes the same again."""
    PeriodFactory()
    seed_recommendations()
    first = list(Recommendation.objects.filter(employee=sari).order_by("rank").values_list("programme__code", "needs"))
    assert first and all(needs for _code, needs in first)
    assert "P1" in [code for code, _needs in first] and "P5" not in [code for code, _needs in first]
    seed_recommendations()
    assert (
        list(Recommendation.objects.filter(employee=sari).order_by("rank").values_list("programme__code", "needs"))
        == first
    )


def test_the_recommendations_seeder_skips_without_a_period(demo):
    assert "dilewati" in seed_recommendations()
    assert not Recommendation.objects.exists()
