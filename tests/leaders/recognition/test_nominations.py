"""Nominating a top performer, HR's decision through the workflow, the notices and the certificate."""

from __future__ import annotations

import subprocess

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from leaders.models import Nomination, NominationLog
from leaders.recognition import services
from notifications.models import Notification
from tests.conftest import login
from tests.factories import HrUserFactory

from .factories import NominationFactory


def nominate(dataset, who: str, user, *, unit=None, award="Pegawai Berkinerja Terbaik", reason="Capaian tertinggi."):
    employee = dataset.people[who]
    return services.nomination_create(
        period=dataset.period,
        unit=unit or employee.unit.parent or employee.unit,
        employee=employee,
        award=award,
        reason=reason,
        acting_user=user,
    )


def test_a_unit_head_nominates_a_top_performer_with_the_evidence_kept(dataset, head, hr_user):
    nomination = nominate(dataset, "andi", head.user)
    assert nomination.status == Nomination.Status.PROPOSED
    assert nomination.unit.code == "DINKES"
    assert str(nomination.score) == "95.00"
    assert nomination.evidence_lines[0].startswith("Skor Kinerja 95,00 (indeks Kinerja), peringkat 1 dari 11")
    [log] = nomination.logs.all()
    assert (log.action, log.from_status, log.to_status, log.actor) == ("PROPOSE", "", "PROPOSED", head.user)
    assert Notification.objects.filter(recipient=hr_user, url__endswith=f"/{nomination.pk}/").exists()


@pytest.mark.parametrize("who", ["dewi", "gita", "indah", "joko"])
def test_it_refuses_someone_who_is_not_a_top_performer_there(dataset, head, who):
    with pytest.raises(ValidationError) as refusal:
        nominate(dataset, who, head.user, unit=dataset.people["andi"].unit.parent)
    assert "tidak termasuk pegawai berkinerja terbaik" in refusal.value.messages[0]
    assert not Nomination.objects.exists()


def test_a_head_may_not_nominate_in_another_unit(dataset, head):
    with pytest.raises(PermissionDenied):
        nominate(dataset, "hadi", head.user)


@pytest.mark.parametrize("persona", ["employee", "supervisor", "outsider"])
def test_nobody_else_may_nominate(dataset, persona, request):
    with pytest.raises(PermissionDenied):
        nominate(dataset, "andi", request.getfixturevalue(persona).user)


def test_the_same_award_twice_is_refused_with_a_clear_message(dataset, head):
    nominate(dataset, "andi", head.user)
    with pytest.raises(ValidationError) as refusal:
        nominate(dataset, "andi", head.user)
    assert "sudah diusulkan untuk penghargaan yang sama" in " ".join(refusal.value.messages)
    assert Nomination.objects.count() == 1


def test_hr_approves_and_the_nominee_and_nominator_are_told(dataset, head, hr_user):
    andi = dataset.people["andi"]
    andi.user = HrUserFactory.build(username="andi")  # any login will do to receive the notice
    andi.user.save()
    andi.save(update_fields=["user"])
    nomination = nominate(dataset, "andi", head.user)
    services.nomination_approve(nomination=nomination, acting_user=hr_user, reason="Layak.")
    nomination.refresh_from_db()
    assert (nomination.status, nomination.decided_by) == (Nomination.Status.APPROVED, hr_user)
    assert list(nomination.logs.values_list("action", "reason")) == [("APPROVE", "Layak."), ("PROPOSE", "")]
    told = Notification.objects.filter(title__startswith="Usulan penghargaan disetujui")
    assert set(told.values_list("recipient__username", flat=True)) == {"andi", "kepala"}


def test_a_rejection_needs_a_reason_and_changes_nothing_without_one(dataset, head, hr_user):
    nomination = nominate(dataset, "andi", head.user)
    with pytest.raises(ValidationError) as refusal:
        services.nomination_reject(nomination=nomination, acting_user=hr_user, reason="  ")
    assert refusal.value.message_dict == {"reason": ["Alasan wajib diisi."]}
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.PROPOSED
    services.nomination_reject(nomination=nomination, acting_user=hr_user, reason="Kuota penghargaan sudah penuh.")
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.REJECTED
    assert nomination.logs.first().reason == "Kuota penghargaan sudah penuh."


def test_a_decided_nomination_cannot_be_decided_again(dataset, head, hr_user):
    nomination = nominate(dataset, "andi", head.user)
    services.nomination_approve(nomination=nomination, acting_user=hr_user)
    with pytest.raises(ValidationError) as refusal:
        services.nomination_reject(nomination=nomination, acting_user=hr_user, reason="Salah.")
    assert refusal.value.messages == ["Usulan berstatus Disetujui sudah diputuskan."]


@pytest.mark.parametrize("persona", ["employee", "supervisor", "head", "outsider"])
def test_only_hr_decides(dataset, head, persona, request):
    nomination = nominate(dataset, "andi", head.user)
    with pytest.raises(PermissionDenied):
        services.nomination_approve(nomination=nomination, acting_user=request.getfixturevalue(persona).user)


def test_hr_does_not_decide_its_own_nomination(dataset, hr_user):
    nomination = nominate(dataset, "andi", hr_user)
    with pytest.raises(PermissionDenied):
        services.nomination_approve(nomination=nomination, acting_user=hr_user)


def test_the_form_refuses_bad_input_in_indonesian_and_saves_nothing(client, dataset, head):
    andi = dataset.people["andi"]
    url = reverse("leaders:nomination-create", args=[dataset.period.pk, andi.unit.parent_id, andi.pk])
    response = login(client, head.user).post(url, {"award": "   ", "reason": "x" * 2001})
    assert response.status_code == 400
    assert "Nama penghargaan wajib diisi." in response.text
    assert "Paling banyak 2000 karakter (sekarang 2001)." in response.text
    assert not Nomination.objects.exists()


def test_the_form_keeps_what_was_typed_when_the_service_refuses(client, dataset, head):
    andi = dataset.people["andi"]
    NominationFactory(period=dataset.period, employee=andi, award="Teladan", nominated_by=head.user)
    url = reverse("leaders:nomination-create", args=[dataset.period.pk, andi.unit.parent_id, andi.pk])
    response = login(client, head.user).post(url, {"award": "Teladan", "reason": "Alasan yang saya ketik."})
    assert response.status_code == 400
    assert "sudah diusulkan untuk penghargaan yang sama" in response.text
    assert "Alasan yang saya ketik." in response.text
    assert Nomination.objects.count() == 1


def test_the_page_offers_the_decision_only_to_hr(client, dataset, head, hr_user):
    nomination = nominate(dataset, "andi", head.user)
    url = reverse("leaders:nomination-detail", args=[nomination.pk])
    assert 'data-testid="approve"' in login(client, hr_user).get(url).text
    assert 'data-testid="approve"' not in login(client, head.user).get(url).text


def test_a_reject_page_for_a_decided_nomination_says_so(client, dataset, head, hr_user):
    nomination = nominate(dataset, "andi", head.user)
    services.nomination_approve(nomination=nomination, acting_user=hr_user)
    response = login(client, hr_user).get(reverse("leaders:nomination-reject", args=[nomination.pk]), follow=True)
    assert "Usulan berstatus Disetujui sudah diputuskan." in response.text


def test_the_certificate_is_a_pdf_in_indonesian_for_an_approved_award_only(client, dataset, head, hr_user):
    nomination = nominate(dataset, "andi", head.user)
    url = reverse("leaders:award-certificate", args=[nomination.pk])
    assert login(client, hr_user).get(url).status_code == 404
    services.nomination_approve(nomination=nomination, acting_user=hr_user)
    client.post(reverse("set_language"), {"language": "en"})
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for words in ("PIAGAM PENGHARGAAN", "diberikan kepada", "Andi", "Pegawai Berkinerja Terbaik", "Dinas Kesehatan"):
        assert words in text
    assert f"Nomor: {nomination.pk:04d}/PGH/{dataset.period.year}" in text
    assert "Skor Kinerja 95,00 (indeks Kinerja)" in text


def pdf_text(content: bytes) -> str:
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


def test_a_log_row_exists_for_every_step(dataset, head, hr_user):
    nomination = nominate(dataset, "andi", head.user)
    services.nomination_reject(nomination=nomination, acting_user=hr_user, reason="Belum tepat waktunya.")
    assert list(NominationLog.objects.filter(nomination=nomination).values_list("to_status", flat=True)) == [
        "REJECTED",
        "PROPOSED",
    ]


def test_an_approval_note_too_long_refuses_the_approval_instead_of_dropping_the_note(client, dataset, head, hr_user):
    nomination = nominate(dataset, "andi", head.user)
    url = reverse("leaders:nomination-approve", args=[nomination.pk])
    response = login(client, hr_user).post(url, {"reason": "x" * 2001}, follow=True)
    assert "paling banyak 2000 karakter" in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.PROPOSED
