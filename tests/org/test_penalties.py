"""Disciplinary penalties: which are in force on a day, and a decree that ends before it starts."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from org.models import DisciplinaryPenalty


def _penalty(employee, starts_on, ends_on):
    return DisciplinaryPenalty(
        employee=employee, level="SEDANG", starts_on=starts_on, ends_on=ends_on, decree_number="800/1/2026"
    )


def test_in_force_counts_the_first_and_last_day_and_open_ended_ones(employee):
    bounded = _penalty(employee, date(2026, 3, 1), date(2026, 8, 31))
    open_ended = _penalty(employee, date(2026, 6, 1), None)
    DisciplinaryPenalty.objects.bulk_create([bounded, open_ended])
    in_force = DisciplinaryPenalty.objects.in_force
    assert set(in_force(on=date(2026, 3, 1))) == {bounded}
    assert set(in_force(on=date(2026, 8, 31))) == {bounded, open_ended}
    assert set(in_force(on=date(2030, 1, 1))) == {open_ended}
    assert not in_force(on=date(2026, 2, 28)).exists()


def test_a_penalty_cannot_end_before_it_starts(employee):
    penalty = _penalty(employee, date(2026, 3, 1), date(2026, 2, 1))
    with pytest.raises(ValidationError, match="tidak boleh sebelum"):
        penalty.full_clean()
    with pytest.raises(IntegrityError):
        penalty.save()
