"""The citizen comes back with their complaint number: a page to type it, clear messages, no guessing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from surveys.models import Complaint
from tests.surveys.factories import ComplaintFactory

LOOKUP = reverse("surveys:complaint-lookup")


@pytest.fixture
def complaint(unit):
    return ComplaintFactory(unit=unit, reference="abc23defgh")


def test_the_lookup_page_asks_for_the_number(client, db):
    page = client.get(LOOKUP)
    assert page.status_code == 200
    assert 'name="nomor"' in page.content.decode()


@pytest.mark.parametrize("typed", ["abc23defgh", "ABC23DEFGH", " abc-23d efgh "])
def test_a_typed_number_opens_the_status_page(client, complaint, typed):
    page = client.get(LOOKUP, {"nomor": typed})
    assert page.status_code == 200
    assert "ABC23DEFGH" in page.content.decode()
    assert complaint.body in page.content.decode() or "Belum ada tanggapan" in page.content.decode()


def test_the_status_link_takes_the_number_as_printed_in_capitals(client, complaint):
    assert client.get(reverse("surveys:complaint-status", args=["ABC23DEFGH"])).status_code == 200


@pytest.mark.parametrize(
    ("typed", "status", "message"),
    [
        ("abc23defgk", 404, "Tidak ada pengaduan dengan nomor itu"),
        ("", 400, "Ketik nomor pengaduan Anda"),
        ("abc'; drop table--", 400, "hanya berisi huruf dan angka"),
        ("x" * 500, 400, "hanya berisi huruf dan angka"),
        ("<script>", 400, "hanya berisi huruf dan angka"),
    ],
)
def test_a_wrong_number_gets_a_clear_message_and_no_other_complaint(client, complaint, typed, status, message):
    page = client.get(LOOKUP, {"nomor": typed})
    html = page.content.decode()
    assert page.status_code == status
    assert message in html
    assert "ABC23DEFGH" not in html and complaint.body not in html
    assert 'name="nomor"' in html  # the form again, to type it once more


def test_an_unknown_status_link_is_the_lookup_page_not_an_error_page(client, complaint, settings):
    settings.DEBUG = True  # the debug 404 page is what a citizen saw before
    page = client.get(reverse("surveys:complaint-status", args=["tidakada"]))
    assert page.status_code == 404
    assert "Tidak ada pengaduan dengan nomor itu" in page.content.decode()
    assert "Page not found" not in page.content.decode()


def test_lookups_are_rate_limited_per_address(client, complaint, settings):
    settings.SKM_RATE_LIMIT_LOOKUP = (3, 3600)
    statuses = [client.get(LOOKUP, {"nomor": f"abc23defg{letter}"}).status_code for letter in "jkm"]
    refused = client.get(LOOKUP, {"nomor": "abc23defgh"})  # even the right number, once over the limit
    assert statuses == [404, 404, 404]
    assert refused.status_code == 429
    assert "kirim lagi setelah pukul" in refused.content.decode()
    assert "ABC23DEFGH" not in refused.content.decode()


def test_the_status_page_does_not_say_no_name_is_kept_after_a_name_was_given(client, unit):
    url = reverse("surveys:complaint-form", args=[unit.code])
    data = {"kind": "ADUAN", "body": "Loket tutup sebelum jam pelayanan.", "contact_name": "Sri", "consent": "1"}
    status = client.get(client.post(url, data)["Location"])
    html = status.content.decode()
    assert Complaint.objects.get().contact_name == "Sri"
    assert "tidak menyimpan nama" not in html
    assert "Nama dan kontak yang Anda berikan hanya dilihat oleh unit yang menanggapi" in html
    assert "Sri" not in html


def test_an_anonymous_complaint_says_so(client, complaint):
    html = client.get(reverse("surveys:complaint-status", args=[complaint.reference])).content.decode()
    assert "dikirim tanpa nama dan kontak" in html
    assert "tidak menyimpan nama" not in html


def test_the_complaint_form_points_to_the_lookup_page(client, unit):
    html = client.get(reverse("surveys:complaint-form", args=[unit.code])).content.decode()
    assert f'href="{LOOKUP}"' in html
    assert "tidak menyimpan nama" not in html
