"""A corrected realisation keeps each earlier value, who reported it and who corrected it, and when."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from appraisal.models import Realisation, RealisationCorrection, Source
from appraisal.services.progress import realisation_correct, realisation_record
from org.models import ScoreMark


def record(indicator, user, value, note=""):
    return realisation_record(indicator=indicator, checkpoint=2, value=Decimal(value), note=note, acting_user=user)


def test_a_correction_keeps_the_value_it_replaces(employee, indicator):
    with time_machine.travel(datetime(2026, 3, 2, 9, tzinfo=UTC), tick=False):
        first = record(indicator, employee.user, "20", "perkiraan")
    with time_machine.travel(datetime(2026, 3, 5, 9, tzinfo=UTC), tick=False):
        record(indicator, employee.user, "24", "angka final")
    correction = RealisationCorrection.objects.get()
    assert correction.realisation == first
    assert (correction.value, correction.note, correction.source) == (Decimal(20), "perkiraan", Source.MANUAL)
    assert (correction.reported_by, correction.reported_at) == (employee.user, datetime(2026, 3, 2, 9, tzinfo=UTC))
    assert (correction.corrected_by, correction.corrected_at) == (employee.user, datetime(2026, 3, 5, 9, tzinfo=UTC))
    assert Realisation.objects.get().value == Decimal(24)


def test_every_correction_is_kept_newest_first(employee, indicator):
    for value in ("20", "24", "23"):
        record(indicator, employee.user, value)
    realisation = Realisation.objects.get()
    assert [c.value for c in realisation.corrections.all()] == [Decimal(24), Decimal(20)]


def test_saving_the_same_figure_again_is_no_correction(employee, indicator):
    record(indicator, employee.user, "20", "sama")
    record(indicator, employee.user, "20.0000", "sama")
    assert not RealisationCorrection.objects.exists()


def test_a_refused_correction_leaves_no_history(employee, indicator):
    record(indicator, employee.user, "20")
    with pytest.raises(ValidationError):
        record(indicator, employee.user, "-3")
    assert not RealisationCorrection.objects.exists()
    assert Realisation.objects.get().value == Decimal(20)


def test_hrs_correction_in_the_admin_keeps_the_earlier_value_and_marks_the_score(employee, indicator, hr_user):
    realisation = record(indicator, employee.user, "20")
    ScoreMark.objects.all().delete()
    realisation.value = Decimal(18)
    realisation_correct(realisation=realisation, acting_user=hr_user)
    correction = RealisationCorrection.objects.get()
    assert (correction.value, correction.reported_by, correction.corrected_by) == (Decimal(20), employee.user, hr_user)
    assert Realisation.objects.get().updated_by == hr_user
    assert ScoreMark.objects.filter(employee=employee).exists()


def test_the_progress_page_says_what_was_corrected_by_whom_and_when(client, employee, indicator):
    record(indicator, employee.user, "20.5")
    with time_machine.travel(datetime(2026, 3, 5, 2, tzinfo=UTC), tick=False):
        record(indicator, employee.user, "24")
    client.force_login(employee.user)
    page = client.get(reverse("appraisal:indicator-progress", args=[indicator.pk])).content.decode()
    # 02:00 UTC is 09:00 in Jakarta, the site's time zone.
    assert f"dikoreksi dari 20,5 oleh {employee.user.username} pada 5 Mar 2026 09:00" in page
