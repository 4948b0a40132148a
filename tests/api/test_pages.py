"""HR's pages: creating a client (token shown once), revoking it, and the call log."""

from __future__ import annotations

import pytest
from django.urls import reverse

from api.models import ApiCall, ApiClient, token_hash
from api.services import call_record

from .factories import api_client_with_token

pytestmark = pytest.mark.django_db

CLIENTS = reverse("api:client-list")


def test_hr_creates_a_client_and_sees_the_token_once(client, hr_user, tree):
    client.force_login(hr_user)

    response = client.post(CLIENTS, {"name": "Dasbor Bappeda", "unit": tree[0].pk})

    assert response.status_code == 200
    token = response.context["token"]
    created = ApiClient.objects.get()
    assert (created.name, created.unit, created.all_units, created.created_by) == (
        "Dasbor Bappeda",
        tree[0],
        False,
        hr_user,
    )
    assert created.token_hash == token_hash(token)
    assert token.encode() in response.content
    listing = client.get(CLIENTS)
    assert b"Dasbor Bappeda" in listing.content and token.encode() not in listing.content
    assert created.token_hint.encode() in listing.content


@pytest.mark.parametrize("scope", [{}, {"all_units": "on", "unit": "UNIT"}])
def test_a_client_needs_one_unit_or_all_units(client, hr_user, tree, scope):
    client.force_login(hr_user)
    data = {"name": "Aplikasi", **scope}
    if data.get("unit") == "UNIT":
        data["unit"] = tree[0].pk

    response = client.post(CLIENTS, data)

    assert response.status_code == 200
    assert "Pilih satu unit" in str(response.context["form"].non_field_errors())
    assert not ApiClient.objects.exists()


def test_a_client_needs_a_name(client, hr_user):
    client.force_login(hr_user)
    response = client.post(CLIENTS, {"name": "", "all_units": "on"})
    assert response.context["form"].errors["name"]
    assert not ApiClient.objects.exists()


def test_hr_revokes_a_client_once(client, hr_user, tree):
    api_client, _ = api_client_with_token(hr_user)
    client.force_login(hr_user)
    url = reverse("api:client-revoke", args=[api_client.pk])

    assert client.post(url).status_code == 302
    api_client.refresh_from_db()
    assert api_client.revoked_at is not None and api_client.revoked_by == hr_user

    again = client.post(url, follow=True)
    assert "sudah dicabut" in again.content.decode()


def test_revoking_asks_first(client, hr_user, tree):
    api_client_with_token(hr_user)
    client.force_login(hr_user)
    assert b"data-confirm=" in client.get(CLIENTS).content


def test_the_log_lists_calls_newest_first_and_filters_by_client(client, hr_user, tree):
    first, _ = api_client_with_token(hr_user, name="Satu")
    second, _ = api_client_with_token(hr_user, name="Dua")
    call_record(client=first, method="GET", path="/api/v1/ikm/", status=200, rows=3, duration_ms=5)
    call_record(client=second, method="GET", path="/api/v1/skor/?year=2026", status=200, rows=7, duration_ms=9)
    call_record(client=None, method="GET", path="/api/v1/skor/", status=401, rows=None, duration_ms=1)
    client.force_login(hr_user)

    page = client.get(reverse("api:call-list"))
    assert [call.status for call in page.context["page"]] == [401, 200, 200]
    assert "token tidak dikenal" in page.content.decode()

    only = client.get(reverse("api:call-list"), {"client": first.pk})
    assert [call.path for call in only.context["page"]] == ["/api/v1/ikm/"]
    assert ApiCall.objects.count() == 3


@pytest.mark.parametrize("params", [{"client": "abc"}, {"page": "x"}])
def test_the_log_answers_bad_parameters_without_a_500(client, hr_user, params):
    client.force_login(hr_user)
    assert client.get(reverse("api:call-list"), params).status_code in {200, 400}


def test_an_empty_log_and_client_list_say_so(client, hr_user):
    client.force_login(hr_user)
    assert "Belum ada klien API" in client.get(CLIENTS).content.decode()
    assert "Belum ada panggilan API" in client.get(reverse("api:call-list")).content.decode()
