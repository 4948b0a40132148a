"""Workflows: exclusion audit, kiosks, services, officer tokens, complaints, QR counters."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from notifications.models import Notification
from surveys.models import Complaint, QrScanDay, ResponseReview
from surveys.services import (
    complaint_reply,
    complaint_submit,
    kiosk_activate,
    kiosk_revoke,
    officer_token_issue,
    qr_scan_record,
    response_exclude,
    response_include,
    service_create,
    service_update,
)
from tests.surveys.factories import KioskDeviceFactory, ResponseFactory


def test_an_exclusion_records_who_when_and_why_and_keeps_the_response(unit, hr_user):
    response = ResponseFactory(unit=unit)
    response_exclude(response=response, reason="Lonjakan", acting_user=hr_user)
    response.refresh_from_db()
    assert (response.excluded_by, response.exclusion_reason) == (hr_user, "Lonjakan")
    assert response.excluded_at is not None
    review = ResponseReview.objects.get()
    assert (review.action, review.actor, review.reason) == ("EXCLUDE", hr_user, "Lonjakan")


def test_a_response_cannot_be_excluded_twice(unit, hr_user):
    response = ResponseFactory(unit=unit)
    response_exclude(response=response, reason="a", acting_user=hr_user)
    with pytest.raises(ValidationError):
        response_exclude(response=response, reason="b", acting_user=hr_user)


def test_re_including_keeps_the_trail(unit, hr_user):
    response = ResponseFactory(unit=unit)
    response_exclude(response=response, reason="Lonjakan", acting_user=hr_user)
    response_include(response=response, reason="Ternyata kios", acting_user=hr_user)
    response.refresh_from_db()
    assert response.excluded_at is None
    assert list(ResponseReview.objects.order_by("pk").values_list("action", flat=True)) == ["EXCLUDE", "INCLUDE"]
    with pytest.raises(ValidationError):
        response_include(response=response, reason="lagi", acting_user=hr_user)


def test_a_kiosk_activation_link_works_once(unit, hr_user):
    kiosk = KioskDeviceFactory(unit=unit, created_by=hr_user)
    assert kiosk_activate(kiosk=kiosk).activated_at is not None
    with pytest.raises(ValidationError):
        kiosk_activate(kiosk=kiosk)


def test_a_revoked_kiosk_cannot_be_activated(unit, hr_user):
    kiosk = kiosk_revoke(kiosk=KioskDeviceFactory(unit=unit, created_by=hr_user), acting_user=hr_user)
    with pytest.raises(ValidationError):
        kiosk_activate(kiosk=kiosk)


def test_service_slugs_are_made_unique_and_never_change(unit, hr_user):
    first = service_create(unit=unit, name="KTP-el", slug="", acting_user=hr_user)
    second = service_create(unit=unit, name="KTP el", slug="", acting_user=hr_user)
    assert (first.slug, second.slug) == ("ktp-el", "ktp-el-2")
    service_update(service=first, name="KTP elektronik", description="", is_active=False, acting_user=hr_user)
    first.refresh_from_db()
    assert (first.name, first.slug, first.is_active) == ("KTP elektronik", "ktp-el", False)


def test_renewing_an_officer_token_invalidates_the_old_one(employee, hr_user):
    first = officer_token_issue(employee=employee, acting_user=hr_user).token
    assert officer_token_issue(employee=employee, acting_user=hr_user).token == first
    assert officer_token_issue(employee=employee, acting_user=hr_user, renew=True).token != first


def test_qr_scans_are_one_row_per_day_and_count_each_device_once(unit):
    counted = [qr_scan_record(unit=unit, service=None, device_hash=device) for device in ["a", "b", "a", "c"]]
    assert counted == [True, True, False, True]
    assert QrScanDay.objects.get().count == 3


def test_a_new_complaint_notifies_the_head_who_must_answer(unit, unit_head, subunit):
    complaint = complaint_submit(unit=subunit, service=None, kind="ADUAN", body="Puskesmas tutup lebih awal.")
    notification = Notification.objects.get()
    assert notification.recipient == unit_head.user
    assert str(complaint.pk) in notification.url


def test_a_contact_without_consent_is_refused(unit):
    with pytest.raises(ValidationError):
        complaint_submit(unit=unit, service=None, kind="ADUAN", body="Antrean lama sekali.", contact="0812345678")
    assert not Complaint.objects.exists()


def test_the_first_reply_starts_and_a_resolving_reply_ends_the_clocks(unit, unit_head):
    complaint = complaint_submit(unit=unit, service=None, kind="ADUAN", body="Antrean lama sekali.")
    complaint_reply(complaint=complaint, body="Kami cek.", resolves=False, acting_user=unit_head.user)
    complaint.refresh_from_db()
    first = complaint.first_response_at
    assert (complaint.status, complaint.resolved_at) == ("DIJAWAB", None)
    complaint_reply(complaint=complaint, body="Sudah diperbaiki.", resolves=True, acting_user=unit_head.user)
    complaint.refresh_from_db()
    assert complaint.first_response_at == first
    assert complaint.status == "SELESAI" and complaint.resolved_at >= first
