"""Row invariants of the training models, held by the database and by ``clean()``."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.factories import EmployeeFactory, PositionFactory
from tests.surveys.factories import ServiceFactory
from tests.training.factories import (
    AssessmentFactory,
    BatchFactory,
    CompetencyFactory,
    DevelopmentRecordFactory,
    PositionStandardFactory,
    ProgrammeCompetencyFactory,
    ProgrammeFactory,
)
from training.models import (
    Competency,
    CompetencyLevel,
    DevelopmentForm,
    DevelopmentRecord,
    PositionKindStandard,
    ServiceCompetency,
)

pytestmark = pytest.mark.django_db

MANAGERIAL = ["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08"]


def refused(factory, **fields) -> bool:
    try:
        with transaction.atomic():
            factory(**fields)
    except IntegrityError:
        return True
    return False


def test_it_seeds_the_managerial_and_sociocultural_dictionary_with_five_levels_each():
    seeded = Competency.objects.exclude(kind=Competency.Kind.TECHNICAL)
    assert sorted(seeded.values_list("code", flat=True)) == [*MANAGERIAL, "SK.01"]
    assert Competency.objects.get(code="SK.01").kind == Competency.Kind.SOCIOCULTURAL
    for competency in seeded:
        levels = CompetencyLevel.objects.filter(competency=competency).order_by("level")
        assert list(levels.values_list("level", flat=True)) == [1, 2, 3, 4, 5]
        assert all(len(level.indicator_list()) >= 2 for level in levels)


def test_it_seeds_the_default_standards_per_position_level_as_data():
    def default(level: str, code: str) -> int:
        return PositionKindStandard.objects.get(position_level=level, competency__code=code).required_level

    assert [default(level, "M.03") for level in ("JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS", "PELAKSANA")] == [
        4,
        3,
        2,
        1,
    ]
    assert default("PENGAWAS", "SK.01") == 2


def test_it_seeds_the_forms_with_coaching_and_mentoring_flagged():
    coaching = set(DevelopmentForm.objects.filter(is_coaching=True).values_list("code", flat=True))
    assert {"coaching", "mentoring"} <= coaching
    assert not DevelopmentForm.objects.get(code="e-learning").classical
    assert DevelopmentForm.objects.get(code="bimtek").classical


@pytest.mark.parametrize("level", [0, 6])
def test_it_refuses_a_level_outside_one_to_five(level):
    competency = CompetencyFactory()
    assert refused(CompetencyLevel.objects.create, competency=competency, level=level)
    assert refused(PositionStandardFactory, required_level=level)
    assert refused(AssessmentFactory, level=level)
    assert refused(ProgrammeCompetencyFactory, target_level=level)


def test_it_refuses_a_second_level_row_and_a_second_standard_row_for_the_same_competency():
    competency = CompetencyFactory()
    CompetencyLevel.objects.create(competency=competency, level=1)
    assert refused(CompetencyLevel.objects.create, competency=competency, level=1)
    position = PositionFactory()
    PositionStandardFactory(position=position, competency=competency)
    assert refused(PositionStandardFactory, position=position, competency=competency)


def test_it_refuses_zero_criticality_jp_and_capacity():
    assert refused(PositionStandardFactory, criticality=0)
    assert refused(ProgrammeFactory, jp=0)
    assert refused(DevelopmentRecordFactory, jp=0)
    assert refused(BatchFactory, capacity=0)


def test_it_refuses_dates_out_of_order_in_the_database_and_in_clean():
    assert refused(BatchFactory, starts_on=date(2026, 5, 8), ends_on=date(2026, 5, 4))
    assert refused(DevelopmentRecordFactory, starts_on=date(2026, 1, 3), ends_on=date(2025, 12, 28))
    record = DevelopmentRecordFactory.build(starts_on=date(2026, 1, 3), ends_on=date(2025, 12, 28))
    with pytest.raises(ValidationError) as caught:
        record.clean()
    assert "ends_on" in caught.value.message_dict


def test_it_refuses_a_decided_record_without_its_date():
    assert refused(DevelopmentRecordFactory, status=DevelopmentRecord.Status.VERIFIED)
    record = DevelopmentRecordFactory(status=DevelopmentRecord.Status.VERIFIED, verified_at=timezone.now())
    assert record.status == DevelopmentRecord.Status.VERIFIED


def test_it_links_a_service_only_to_a_technical_competency():
    link = ServiceCompetency(service=ServiceFactory(), competency=Competency.objects.get(code="M.05"))
    with pytest.raises(ValidationError) as caught:
        link.full_clean()
    assert "competency" in caught.value.message_dict
    link.competency = CompetencyFactory()
    link.full_clean()


def test_it_checks_a_new_certificate_like_evidence(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    record = DevelopmentRecordFactory.build(employee=EmployeeFactory())
    record.certificate = SimpleUploadedFile("sertifikat.pdf", b"MZ not a pdf")
    with pytest.raises(ValidationError) as caught:
        record.full_clean()
    assert "Isi berkas tidak sesuai dengan jenisnya (.pdf)." in caught.value.message_dict["certificate"]
    record.certificate = SimpleUploadedFile("sertifikat.pdf", b"%PDF-1.4 sertifikat")
    record.full_clean()
    record.save()
    record.refresh_from_db()
    assert record.certificate.name.startswith(f"training/certificates/{record.employee_id}/")
    record.full_clean()
