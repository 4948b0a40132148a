"""The demo seeder is idempotent and makes what the demo needs."""

from __future__ import annotations

from io import StringIO

from surveys.demo.activity import seed_surveys
from surveys.models import Complaint, Response, Service
from tests.factories import UnitFactory


def test_it_skips_quietly_without_service_units(db):
    assert "dilewati" in seed_surveys()
    assert not Response.objects.exists()


def test_it_seeds_once_and_again_changes_nothing(unit, unit_head, employee):
    UnitFactory(code="KEC.A", name="Kecamatan A", kind="KECAMATAN")
    UnitFactory(code="PKM.B", name="Puskesmas B", kind="PUSKESMAS", parent=unit)
    out = StringIO()
    summary = seed_surveys(stdout=out)
    counts = (Response.objects.count(), Service.objects.count(), Complaint.objects.count())
    assert summary in out.getvalue()
    assert counts[0] >= 200
    assert Response.objects.exclude(suspicious_reason="").count() == 8
    assert set(Complaint.objects.values_list("status", flat=True)) == {"BARU", "DIJAWAB", "SELESAI"}
    assert Response.objects.filter(officer__unit=unit).exists()
    seed_surveys()
    assert (Response.objects.count(), Service.objects.count(), Complaint.objects.count()) == counts
