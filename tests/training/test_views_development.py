"""The development pages: what each shows, forms with bad input (nothing written, a clear message,
what was typed kept), the certificate download, HR's below-20-JP list and the home panel."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.workflow import REASON_REQUIRED
from notifications.models import Notification
from tests.factories import EmployeeFactory, PositionFactory, UnitFactory
from training.forms.development import NOT_FINISHED
from training.models import DevelopmentRecord, Recommendation

from .development_factories import PDF, RecommendationFactory, private_media, submitted_record  # noqa: F401 (fixture)
from .factories import AssessmentFactory, CompetencyFactory, PositionStandardFactory, ProgrammeFactory, form

pytestmark = pytest.mark.usefixtures("private_media")


@pytest.fixture(autouse=True)
def _mid_2026():
    with time_machine.travel(datetime(2026, 6, 15, 3, 0, tzinfo=UTC)):
        yield


def login(client, employee_or_user):
    client.force_login(getattr(employee_or_user, "user", employee_or_user))
    return client


def record_data(**changes) -> dict:
    data = {
        "form": form().pk,
        "title": "Bimtek Pelayanan Prima",
        "organiser": "BPSDM Provinsi",
        "starts_on": "2026-05-04",
        "ends_on": "2026-05-08",
        "jp": "24",
        "certificate": SimpleUploadedFile("sertifikat.pdf", PDF, content_type="application/pdf"),
        "outcome-TOTAL_FORMS": "2",
        "outcome-INITIAL_FORMS": "0",
        "outcome-MIN_NUM_FORMS": "0",
        "outcome-MAX_NUM_FORMS": "1000",
    }
    return {**data, **changes}


def test_the_employee_sees_the_profile_recommendations_with_reasons_and_jp(client, employee, supervisor):
    communication = CompetencyFactory(code="M.03", name="Komunikasi")
    PositionStandardFactory(position=employee.position, competency=communication, required_level=3)
    AssessmentFactory(employee=employee, competency=communication, level=1, assessed_on=date(2025, 11, 3))
    RecommendationFactory(employee=employee, programme=ProgrammeFactory(title="Pelayanan Prima"))
    verified = submitted_record(employee, jp=12)
    verified.status, verified.verified_at = DevelopmentRecord.Status.VERIFIED, verified.created_at
    verified.save()

    page = login(client, employee).get(reverse("training:my-development")).content.decode()
    assert "M.03" in page and "Uji kompetensi" in page and "3 Nov 2025" in page
    assert "JPM 33.33%" in page or "JPM 33,33%" in page
    assert "Pelayanan Prima" in page and "M.03 Komunikasi level 1, jabatan butuh 3" in page
    assert 'data-jp="12"' in page and "width: 60%" in page
    assert 'data-testid="accept-' not in page  # the employee sees, the supervisor decides


def test_the_pages_say_when_there_is_nothing_yet(client, employee, supervisor):
    page = login(client, employee).get(reverse("training:my-development")).content.decode()
    assert "Belum ada rekomendasi" in page and "Belum ada kegiatan yang dicatat" in page
    team = login(client, supervisor).get(reverse("training:team")).content.decode()
    assert "Tidak ada rekomendasi atau kegiatan yang menunggu Anda" in team


def test_the_employee_records_an_activity_and_the_supervisor_is_asked(client, employee, supervisor):
    competency = CompetencyFactory(code="M.05")
    data = record_data(**{"outcome-0-competency": competency.pk, "outcome-0-achieved_level": "3"})
    response = login(client, employee).post(reverse("training:my-development"), data)
    assert response.status_code == 302
    record = DevelopmentRecord.objects.get()
    assert (record.employee, record.status, record.certificate_name) == (employee, "SUBMITTED", "sertifikat.pdf")
    assert record.certificate_type == "application/pdf"
    assert record.outcomes.get().achieved_level == 3
    assert record.logs.get().action == "SUBMIT"
    assert Notification.objects.get().recipient == supervisor.user


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ends_on": "2026-05-01"}, "Tanggal selesai tidak boleh sebelum tanggal mulai."),
        ({"ends_on": "2026-07-01"}, str(NOT_FINISHED)),
        ({"jp": "0"}, "lebih besar dari atau sama dengan 1"),
        (
            {"certificate": SimpleUploadedFile("sertifikat.pdf", b"MZ not a pdf", content_type="application/pdf")},
            "Isi berkas tidak sesuai dengan jenisnya (.pdf).",
        ),
        ({"certificate": SimpleUploadedFile("sertifikat.exe", PDF)}, "Jenis berkas .exe tidak diizinkan"),
    ],
)
def test_a_bad_record_writes_nothing_and_keeps_what_was_typed(client, employee, supervisor, changes, message):
    response = login(client, employee).post(reverse("training:my-development"), record_data(**changes))
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert 'value="Bimtek Pelayanan Prima"' in page
    assert not DevelopmentRecord.objects.exists() and not Notification.objects.exists()


def test_a_record_without_certificate_or_with_a_competency_twice_is_refused(client, employee, supervisor):
    competency = CompetencyFactory()
    twice = {"outcome-0-competency": competency.pk, "outcome-1-competency": competency.pk}
    login(client, employee)
    for data in (record_data(certificate=""), record_data(**twice)):
        response = client.post(reverse("training:my-development"), data)
        assert response.status_code == 400
    assert "Setiap kompetensi cukup disebut sekali." in response.content.decode()
    assert not DevelopmentRecord.objects.exists()


def test_the_team_view_offers_the_decisions_and_verifications(client, employee, supervisor):
    recommendation = RecommendationFactory(employee=employee)
    record = submitted_record(employee)
    page = login(client, supervisor).get(reverse("training:team")).content.decode()
    assert employee.name in page
    assert f'data-testid="accept-{recommendation.pk}"' in page
    assert reverse("training:recommendation-dismiss", args=[recommendation.pk]) in page
    assert f'data-testid="verify-{record.pk}"' in page


def test_a_dismissal_without_a_reason_is_asked_again(client, employee, supervisor):
    recommendation = RecommendationFactory(employee=employee)
    url = reverse("training:recommendation-dismiss", args=[recommendation.pk])
    login(client, supervisor)
    confirmation = client.get(url).content.decode()
    assert "Ya, tolak rekomendasi" in confirmation and "M.03 Komunikasi level 1" in confirmation
    response = client.post(url, {"reason": "   "})
    assert response.status_code == 400 and str(REASON_REQUIRED) in response.content.decode()
    assert Recommendation.objects.get().status == Recommendation.Status.PROPOSED

    done = client.post(url, {"reason": "Sudah mengikuti", "next": reverse("training:team")})
    assert done.url == reverse("training:team")
    assert Recommendation.objects.get().status == Recommendation.Status.DISMISSED


def test_a_replacement_keeps_the_typed_reason_when_no_programme_is_chosen(client, employee, supervisor):
    recommendation = RecommendationFactory(employee=employee)
    url = reverse("training:recommendation-replace", args=[recommendation.pk])
    response = login(client, supervisor).post(url, {"reason": "Lebih cocok daring"})
    page = response.content.decode()
    assert response.status_code == 400 and "Lebih cocok daring" in page
    assert Recommendation.objects.count() == 1
    assert f'value="{recommendation.programme.pk}"' not in page  # the same programme is not offered

    other = ProgrammeFactory()
    client.post(url, {"reason": "Lebih cocok daring", "programme": other.pk})
    assert Recommendation.objects.get(status=Recommendation.Status.ACCEPTED).programme == other


def test_a_decision_twice_is_a_message_not_an_error(client, employee, supervisor):
    recommendation = RecommendationFactory(employee=employee)
    login(client, supervisor)
    url = reverse("training:recommendation-accept", args=[recommendation.pk])
    client.post(url)
    response = client.post(url, follow=True)
    assert "sudah diputuskan" in response.content.decode()
    dismiss = client.get(reverse("training:recommendation-dismiss", args=[recommendation.pk]))
    assert dismiss.status_code == 302


def test_an_acceptance_note_too_long_refuses_the_acceptance_instead_of_dropping_the_note(client, employee, supervisor):
    recommendation = RecommendationFactory(employee=employee)
    url = reverse("training:recommendation-accept", args=[recommendation.pk])
    response = login(client, supervisor).post(url, {"reason": "x" * 2001}, follow=True)
    assert "paling banyak 2000 karakter" in response.content.decode()
    assert Recommendation.objects.get().status == Recommendation.Status.PROPOSED


def test_a_rejection_of_a_record_keeps_the_typed_reason(client, employee, supervisor):
    record = submitted_record(employee)
    url = reverse("training:record-reject", args=[record.pk])
    response = login(client, supervisor).post(url, {"reason": "x" * 2001})
    assert response.status_code == 400 and "x" * 2001 in response.content.decode()
    assert DevelopmentRecord.objects.get().status == DevelopmentRecord.Status.SUBMITTED


def test_the_certificate_is_served_as_an_attachment(client, employee, supervisor):
    record = submitted_record(employee)
    response = login(client, supervisor).get(reverse("training:record-certificate", args=[record.pk]))
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]


def test_hr_sees_who_is_below_20_jp_by_unit_with_accepted_programmes(client, hr_user, employee, outsider):
    from tests.appraisal.factories import PeriodFactory

    period = PeriodFactory(year=2026)
    RecommendationFactory(
        employee=employee, period=period, status=Recommendation.Status.ACCEPTED, decided_at=timezone.now()
    )
    sub = UnitFactory(code="DINKES-SUB", parent=employee.unit)
    below = EmployeeFactory(name="Di Sub Unit", position=PositionFactory(unit=sub))
    login(client, hr_user)
    page = client.get(reverse("training:shortfall-list"), {"unit": employee.unit.pk}).content.decode()
    assert employee.name in page and below.name in page and outsider.name not in page
    assert ">24<" in page  # what the accepted programme would bring
    everyone = client.get(reverse("training:shortfall-list"), {"period": period.pk})
    assert everyone.context["page"].paginator.count == EmployeeFactory._meta.model.objects.active().count()
    nobody = client.get(reverse("training:shortfall-list"), {"unit": UnitFactory(code="KOSONG").pk})
    assert "Tidak ada pegawai di bawah batas JP" in nobody.content.decode()


def test_the_shortfall_list_is_paginated(client, hr_user, unit):
    from tests.appraisal.factories import PeriodFactory

    PeriodFactory(year=2026)
    EmployeeFactory.create_batch(26, position=PositionFactory(unit=unit))
    response = login(client, hr_user).get(reverse("training:shortfall-list"), {"page": 2})
    assert response.context["page"].number == 2 and len(response.context["page"].object_list) == 1


def test_the_home_page_links_the_development_pages(client, employee, supervisor):
    submitted_record(employee)
    page = login(client, supervisor).get(reverse("home")).content.decode()
    assert reverse("training:team") in page and "1 catatan menunggu verifikasi" in page
    assert reverse("training:my-development") in page
    mine = login(client, employee).get(reverse("home")).content.decode()
    assert 'data-testid="panel-development"' in mine and reverse("training:team") not in mine


def test_the_team_view_shows_the_pooled_jpm_of_the_team(client, employee, supervisor):
    """The employee has 1 of M.03's 3 and 2 of M.05's 2, a colleague 3 of 3 and nothing of 2:
    (1 + 2 + 3 + 0) / (3 + 2 + 3 + 2) = 60.00, where the mean of their JPMs would be 65."""
    communication = CompetencyFactory(code="M.03", name="Komunikasi")
    service = CompetencyFactory(code="M.05", name="Pelayanan Publik")
    PositionStandardFactory(position=employee.position, competency=communication, required_level=3)
    PositionStandardFactory(position=employee.position, competency=service, required_level=2)
    colleague = EmployeeFactory(name="Dewi", position=employee.position, supervisor=supervisor)
    for who, competency, level in [(employee, communication, 1), (employee, service, 2), (colleague, communication, 3)]:
        AssessmentFactory(employee=who, competency=competency, level=level)

    response = login(client, supervisor).get(reverse("training:team"))
    assert response.context["team_jpm"] == Decimal("60.00")
    assert "JPM tim 60,00%" in response.content.decode()  # the Indonesian decimal comma


def test_the_team_view_reads_a_fixed_number_of_queries(client, employee, supervisor):
    """Gaps, proposals and records for the whole team at once: more people, no more queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def team_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("training:team")).status_code == 200
        return len(queries)

    login(client, supervisor)
    RecommendationFactory(employee=employee)
    submitted_record(employee)
    few = team_queries()
    for name in ("Dewi", "Rina"):
        other = EmployeeFactory(name=name, position=employee.position, supervisor=supervisor)
        RecommendationFactory(employee=other)
        submitted_record(other)
    assert team_queries() == few


def test_the_employee_is_sent_to_their_own_page_to_record(client, employee, supervisor):
    response = login(client, employee).get(reverse("training:employee-development", args=[employee.pk]))
    assert response.url == reverse("training:my-development")
