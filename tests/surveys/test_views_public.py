"""The citizen's form: steps without JavaScript, validation, kiosk mode, QR counting, complaints."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from surveys.models import Complaint, QrScanDay, Response
from tests.surveys.conftest import ALL_FOURS, form_token, form_url, submit
from tests.surveys.factories import OfficerFactory, ServiceFactory


def test_it_shows_the_first_step_without_the_staff_navbar(client, unit):
    page = client.get(form_url(unit))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Langkah 1 dari 4" in html
    assert "Tidak sesuai" in html and "Sangat sesuai" in html
    assert "navbar" not in html
    assert "<script" not in html
    assert "skm_device" in page.cookies


def test_it_switches_to_english(client, unit):
    client.post(reverse("set_language"), {"language": "en", "next": form_url(unit)})
    html = client.get(form_url(unit)).content.decode()
    assert 'lang="en"' in html


def test_it_offers_the_services_of_the_unit_first(client, unit):
    service = ServiceFactory(unit=unit, name="Imunisasi", slug="imunisasi")
    html = client.get(form_url(unit)).content.decode()
    assert "Imunisasi" in html
    assert form_url(unit, service) in html
    assert "Langkah 1" in client.get(form_url(unit, service)).content.decode()


def test_it_walks_the_steps_keeping_earlier_answers_in_hidden_fields(client, unit):
    url = form_url(unit)
    token = form_token(client, url)
    second = client.post(url, {"token": token, "step": "0", "u1": "4", "u2": "3", "u3": "2"})
    html = second.content.decode()
    assert "Langkah 2 dari 4" in html
    assert 'type="hidden" name="u3" value="2"' in html
    back = client.post(url, {"token": token, "step": "1", "u1": "4", "u2": "3", "u3": "2", "back": "1"})
    assert "Langkah 1 dari 4" in back.content.decode()
    assert 'value="2" checked' in back.content.decode()
    assert Response.objects.count() == 0


def test_it_stores_a_complete_submission_and_thanks(client, unit):
    response = submit(client, form_url(unit), u3="2", gender="P", age="34", education="S1", suggestion="Bagus")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("surveys:survey-thanks", args=[unit.code]))
    stored = Response.objects.get()
    assert (stored.unit, stored.u3, stored.gender, stored.age, stored.suggestion) == (unit, 2, "P", 34, "Bagus")
    assert stored.source == Response.Source.LINK
    assert stored.client_hash and "127.0.0.1" not in stored.client_hash


def test_it_stores_a_form_sent_twice_once(client, unit):
    url = form_url(unit)
    token = form_token(client, url)
    submit(client, url, token=token)
    submit(client, url, token=token)
    assert Response.objects.count() == 1


def test_it_needs_no_personal_data(client, unit):
    assert submit(client, form_url(unit)).status_code == 302
    stored = Response.objects.get()
    assert (stored.gender, stored.age, stored.education, stored.occupation) == ("", None, "", "")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"u5": None}, "Silakan pilih salah satu jawaban"),
        ({"u2": "5"}, "Jawaban tidak dikenal"),
        ({"u9": "0"}, "Jawaban tidak dikenal"),
        ({"u1": "baik"}, "Jawaban tidak dikenal"),
        ({"suggestion": "x" * 1001}, "paling banyak 1000 karakter"),
        ({"occupation_other": "y" * 61}, "paling banyak 60 karakter"),
        ({"age": "7"}, "antara 15 dan 100"),
        ({"age": "101"}, "antara 15 dan 100"),
        ({"gender": "X"}, "Pilihan tidak dikenal"),
        ({"education": "PROFESOR"}, "Pilihan tidak dikenal"),
        ({"website": "http://spam.example"}, "Pengiriman ditolak"),
    ],
)
def test_it_refuses_invalid_input_with_a_message_and_stores_nothing(client, unit, fields, message):
    response = submit(client, form_url(unit), **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Response.objects.count() == 0


def test_it_shows_the_step_holding_the_error(client, unit):
    html = submit(client, form_url(unit), u5=None).content.decode()
    assert "Langkah 2 dari 4" in html


def test_it_refuses_a_forged_or_missing_token(client, unit):
    assert submit(client, form_url(unit), token="forged:token").status_code == 400
    response = client.post(form_url(unit), {**ALL_FOURS, "step": "3"})
    assert "kedaluwarsa" in response.content.decode()
    assert Response.objects.count() == 0


def test_a_token_of_another_unit_is_refused(client, unit, other_unit):
    token = form_token(client, form_url(other_unit))
    assert submit(client, form_url(unit), token=token).status_code == 400
    assert Response.objects.count() == 0


def test_a_quick_fill_is_stored_but_flagged(client, unit):
    submit(client, form_url(unit))
    assert Response.objects.get().suspicious_reason.startswith("Diisi dalam")


def test_an_honest_fill_is_not_flagged(client, unit):
    payload = signing.loads(form_token(client, form_url(unit)), salt="surveys.form")
    payload["t"] -= 120
    submit(client, form_url(unit), token=signing.dumps(payload, salt="surveys.form", compress=True))
    stored = Response.objects.get()
    assert stored.suspicious_reason == ""
    assert stored.fill_seconds >= 120


def test_a_qr_scan_is_counted_once_per_device_and_day_and_marks_the_source(client, unit):
    service = ServiceFactory(unit=unit)
    url = form_url(unit, service, src="qr")
    for _ in range(3):
        client.get(url)  # reloads, or a plain GET sent again and again with the same cookie
    submit(client, url)
    row = QrScanDay.objects.get()
    assert (row.unit, row.service, row.day, row.count) == (unit, service, timezone.localdate(), 1)
    assert Response.objects.get().source == Response.Source.QR


def test_another_device_or_another_day_counts_again(client, unit):
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False) as clock:
        client.get(form_url(unit, src="qr"))
        Client().get(form_url(unit, src="qr"))  # a second phone
        clock.shift(timedelta(days=1))
        client.get(form_url(unit, src="qr"))
    assert sorted(QrScanDay.objects.values_list("day", "count")) == [(date(2026, 3, 2), 2), (date(2026, 3, 3), 1)]


def test_the_unit_qr_counts_once_through_the_service_choice(client, unit):
    service = ServiceFactory(unit=unit)
    html = client.get(form_url(unit, src="qr")).content.decode()
    assert "via=qr" in html
    client.get(form_url(unit, service, via="qr"))
    assert QrScanDay.objects.get().count == 1


def test_an_officer_link_names_the_employee_without_the_nip(client, unit, employee):
    officer = OfficerFactory(employee=employee)
    url = form_url(unit, petugas=officer.token)
    html = client.get(url).content.decode()
    assert employee.nip not in html and employee.nip not in url
    submit(client, url)
    assert Response.objects.get().officer == employee


def test_an_officer_of_another_opd_is_ignored(client, unit, outsider):
    officer = OfficerFactory(employee=outsider)
    submit(client, form_url(unit, petugas=officer.token))
    assert Response.objects.get().officer is None


def test_the_kiosk_thank_you_page_returns_to_a_fresh_form(client, unit):
    response = submit(client, form_url(unit, kiosk="1"))
    thanks = client.get(response["Location"])
    html = thanks.content.decode()
    assert 'http-equiv="refresh"' in html
    assert f"url={form_url(unit)}?kiosk=1" in html


def test_the_normal_thank_you_page_does_not_refresh(client, unit):
    thanks = client.get(submit(client, form_url(unit))["Location"])
    assert "refresh" not in thanks.content.decode()


def test_an_inactive_unit_or_service_has_no_form(client, unit):
    service = ServiceFactory(unit=unit, is_active=False)
    assert client.get(form_url(unit, service)).status_code == 404
    unit.is_active = False
    unit.save()
    assert client.get(form_url(unit)).status_code == 404


def test_a_complaint_without_contact_is_accepted_anonymously(client, unit):
    url = reverse("surveys:complaint-form", args=[unit.code])
    response = client.post(url, {"kind": "ADUAN", "body": "Loket tutup sebelum jam pelayanan."})
    complaint = Complaint.objects.get()
    assert response["Location"] == reverse("surveys:complaint-status", args=[complaint.reference])
    assert (complaint.contact, complaint.consent_version) == ("", "")


def test_a_complaint_contact_needs_consent(client, unit):
    url = reverse("surveys:complaint-form", args=[unit.code])
    data = {"kind": "ADUAN", "body": "Loket tutup sebelum jam pelayanan.", "contact": "0812 3456 7890"}
    refused = client.post(url, data)
    assert refused.status_code == 400
    assert "Centang persetujuan" in refused.content.decode()
    assert not Complaint.objects.exists()
    client.post(url, {**data, "consent": "1"})
    assert Complaint.objects.get().consent_version == "2024-1"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"body": "pendek"}, "paling sedikit 10 karakter"),
        ({"body": "x" * 2001}, "paling banyak 2000 karakter"),
        ({"contact": "bukan kontak", "consent": "1"}, "nomor telepon"),
        ({"website": "spam"}, "Pengiriman ditolak"),
    ],
)
def test_it_refuses_an_invalid_complaint(client, unit, fields, message):
    data = {"kind": "ADUAN", "body": "Pelayanan lambat sekali hari ini.", **fields}
    response = client.post(reverse("surveys:complaint-form", args=[unit.code]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Complaint.objects.exists()


def test_the_status_page_shows_replies_but_never_the_contact(client, unit):
    complaint = Complaint.objects.create(
        unit=unit, body="Antrean lama sekali.", contact="warga@example.com", consent_version="2024-1"
    )
    html = client.get(reverse("surveys:complaint-status", args=[complaint.reference])).content.decode()
    assert complaint.reference.upper() in html
    assert "warga@example.com" not in html


def _step_page(client, url: str, step: int, **answers) -> str:
    token = form_token(client, url)
    return client.post(url, {**answers, "token": token, "step": str(step)}).content.decode()


@pytest.mark.parametrize("step", [0, 1, 2, 3])
def test_every_step_offers_the_language_switch(client, unit, step):
    answers = {f"u{i}": "3" for i in range(1, 3 * step + 1)}
    html = (
        _step_page(client, form_url(unit), step - 1, **answers) if step else client.get(form_url(unit)).content.decode()
    )
    assert f"Langkah {step + 1} dari 4" in html
    assert 'name="switch_language" value="en"' in html


def test_switching_language_on_the_last_step_keeps_the_answers(client, unit):
    url = form_url(unit)
    token = form_token(client, url)
    data = {**ALL_FOURS, "u5": "2", "token": token, "step": "3", "suggestion": "Tambah kursi", "age": "33"}
    page = client.post(url, {**data, "switch_language": "en"})
    html = page.content.decode()
    assert page.status_code == 200
    assert page.cookies["django_language"].value == "en"
    assert "Step 4 of 4" in html
    assert '<input type="hidden" name="u5" value="2">' in html
    assert "Tambah kursi</textarea>" in html and 'value="33"' in html
    assert not Response.objects.exists()
    client.post(url, data)
    assert (Response.objects.get().u5, Response.objects.get().language) == (2, "en")


def test_an_unknown_language_is_ignored(client, unit):
    url = form_url(unit)
    page = client.post(url, {"token": form_token(client, url), "step": "0", "switch_language": "xx"})
    assert page.status_code == 200
    assert "Langkah 1 dari 4" in page.content.decode()
