"""A run derives again only the employees whose inputs changed (``models.InputDigest``): after each kind
of change, what it stores equals what a run deriving everyone stores, and differs from before the change.

The property test draws these changes on random data; here each kind is made once on a Pemda where it
must show, so a hash that leaves out an input fails by name.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from appraisal.predikat import Predikat, Rating
from tests.appraisal.factories import PeriodFactory
from tests.training.factories import CompetencyFactory
from tests.training.pemda import (
    CHANGES,
    TECHNICAL,
    change_inputs,
    stored,
    write_catalogue,
    write_employee,
    write_units,
)
from training.models import InputDigest, Recommendation
from training.services import recommendations_compute

SESUAI = Rating.SESUAI_EKSPEKTASI
EVALUATION = {
    "kind": "ANNUAL",
    "status": "SENT",
    "predikat": Predikat.BUTUH_PERBAIKAN,
    "ratings": [SESUAI] * 6 + [Rating.DI_BAWAH_EKSPEKTASI],
    "actions": ["Magang di Disdukcapil"],
}
PEOPLE = [
    {
        "unit": 0,
        "kind": "STRUKTURAL",
        "standard": [("M.01", 3, 2, 2), ("M.02", 2, 1, None), ("T.SQL.01", 4, 2, 4)],
        "evaluation": EVALUATION,
        "named": [(2, 2)] * 12,
        "service": "T.SQL.01",
        "jp": [6],
    },
    {
        "unit": 1,
        "kind": "PELAKSANA",
        "standard": [("M.03", 3, 1, 3), ("T.SQL.02", 3, 3, 1)],
        "evaluation": EVALUATION | {"predikat": Predikat.BAIK, "ratings": [SESUAI] * 7, "actions": []},
        "named": [],
        "service": None,
        "jp": [],
    },
]
CATALOGUE = [
    {"jp": 8, "codes": ["M.01", "T.SQL.02"], "coaching": False, "active": True},
    {"jp": 16, "codes": ["M.05", "T.SQL.01"], "coaching": False, "active": True},
    {"jp": 4, "codes": ["M.03"], "coaching": True, "active": True},
]


@pytest.fixture
def period(db):
    for code in TECHNICAL:
        CompetencyFactory(code=code)
    period = PeriodFactory(year=2026)
    units = write_units([[[1] * 9] * 6, []])  # with the officer's answers: grade C, A without these
    for spec in PEOPLE:
        write_employee(spec, period=period, units=units)
    write_catalogue(CATALOGUE)
    return period


@pytest.mark.parametrize("change", [change for change in CHANGES if change not in (None, "nothing")])
def test_a_change_of_each_input_is_seen_by_the_next_run(period, change):
    first = recommendations_compute(period=period)
    assert first.recomputed == first.employees == len(PEOPLE)
    before = stored(period)

    change_inputs(change)
    recommendations_compute(period=period)
    after = stored(period)
    recommendations_compute(period=period, everyone=True)

    assert after == stored(period)
    assert after != before


def test_a_run_over_unchanged_inputs_derives_nobody_and_changes_nothing(period):
    recommendations_compute(period=period)
    before, digests = stored(period), list(InputDigest.objects.values_list("employee_id", "digest"))

    again = recommendations_compute(period=period)

    assert (again.recomputed, again.needs, again.recommendations) == (0, 0, 0)
    assert stored(period) == before
    assert list(InputDigest.objects.values_list("employee_id", "digest")) == digests


def test_a_decision_derives_that_employee_again(period, hr_user):
    recommendations_compute(period=period)
    decided = Recommendation.objects.filter(programme__isnull=False).order_by("employee_id", "rank").first()
    decided.status, decided.decided_by, decided.decided_at = Recommendation.Status.DISMISSED, hr_user, timezone.now()
    decided.save()

    again = recommendations_compute(period=period)

    assert again.recomputed == 1
    proposed = Recommendation.objects.filter(employee=decided.employee, status=Recommendation.Status.PROPOSED)
    assert decided.programme_id not in set(proposed.values_list("programme_id", flat=True))


def test_an_employee_who_leaves_loses_rows_and_hash(period):
    recommendations_compute(period=period)
    change_inputs("leave")

    again = recommendations_compute(period=period)

    gone = InputDigest.objects.filter(period=period).count()
    assert (again.recomputed, gone) == (1, len(PEOPLE) - 1)
