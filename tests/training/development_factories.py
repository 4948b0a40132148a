"""Factories for the development workflows: a proposed recommendation and a recorded activity with a
certificate, as the compute and the employee's form would leave them."""

from __future__ import annotations

import factory
import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from tests.appraisal.factories import PeriodFactory
from tests.factories import EmployeeFactory
from training.models import DevelopmentRecord, Recommendation

from .factories import DevelopmentRecordFactory, ProgrammeFactory

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
GAP_REASON = {
    "message": "%(code)s %(name)s level %(actual)s, jabatan butuh %(required)s",
    "params": {"code": "M.03", "name": "Komunikasi", "actual": 1, "required": 3},
}


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    period = factory.SubFactory(PeriodFactory)
    employee = factory.SubFactory(EmployeeFactory)
    programme = factory.SubFactory(ProgrammeFactory)
    rank = 1
    priority = 2
    needs = factory.LazyFunction(lambda: [{"rule": 1, "target": "M.03", "priority": 2, "reasons": [GAP_REASON]}])
    inputs = factory.LazyFunction(lambda: {"jp_so_far": "6", "programme_jp": "24"})
    rule_version = "7.3/1"
    computed_at = factory.LazyFunction(timezone.now)


def submitted_record(employee, **fields) -> DevelopmentRecord:
    """A recorded activity awaiting verification, with a PDF certificate on the private storage."""
    record = DevelopmentRecordFactory.build(employee=employee, **fields)
    record.certificate.save("sertifikat.pdf", ContentFile(PDF), save=False)
    record.certificate_name, record.certificate_type = "sertifikat.pdf", "application/pdf"
    record.save()
    return record


@pytest.fixture
def private_media(settings, tmp_path):
    """Certificates go under a throw-away PRIVATE_MEDIA_ROOT."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
