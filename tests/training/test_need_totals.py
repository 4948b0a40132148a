"""The totals the run stores with the needs (``training.NeedTotal``): people with any need and per
competency, per unit and position kind, on the hand-made subtree of ``need_totals.py``; counted again
by every run."""

from __future__ import annotations

import pytest

from org.models import Position
from tests.appraisal.factories import PeriodFactory
from training.models import Need, NeedTotal
from training.services import recommendations_compute

from .need_totals import change, subtree

PELAKSANA, FUNGSIONAL, STRUKTURAL = Position.Kind.PELAKSANA, Position.Kind.FUNGSIONAL, Position.Kind.STRUKTURAL


@pytest.fixture
def world(db, unit):
    return subtree(PeriodFactory(year=2026), unit)


def totals(world) -> dict[tuple[str, str, str | None], int]:
    """{(unit code, position kind, competency code or None): people} of the subtree's units."""
    rows = NeedTotal.objects.filter(period=world.period, unit__in=[world.unit, world.bidang])
    return {(t.unit.code, t.position_kind, t.competency.code if t.competency else None): t.people for t in rows}


def test_the_run_stores_the_people_in_need_per_unit_position_kind_and_competency(world):
    recommendations_compute(period=world.period)
    assert Need.objects.filter(employee=world.people["Ani"]).count() == 2
    assert totals(world) == {
        ("DINKES", PELAKSANA, None): 1,  # Ani once, with two needs
        ("DINKES", PELAKSANA, "M.01"): 1,
        ("DINKES", PELAKSANA, "M.03"): 1,
        ("DINKES-P2P", FUNGSIONAL, None): 2,  # Budi and Eko; Citra (PELAKSANA) has none
        ("DINKES-P2P", FUNGSIONAL, "M.03"): 2,
    }


def test_a_second_run_counts_the_changed_needs_and_people_again(world):
    recommendations_compute(period=world.period)
    change(world)
    recommendations_compute(period=world.period)
    assert totals(world) == {
        ("DINKES", PELAKSANA, None): 1,  # Ani, M.03 met now
        ("DINKES", PELAKSANA, "M.01"): 1,
        ("DINKES", STRUKTURAL, None): 1,  # Budi, moved, with his new position's gap
        ("DINKES", STRUKTURAL, "M.01"): 1,
        ("DINKES-P2P", PELAKSANA, None): 1,  # Citra, her level no longer valid; Eko retired
        ("DINKES-P2P", PELAKSANA, "M.01"): 1,
    }
