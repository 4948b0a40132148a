"""The per-client rate limit: 429 with Retry-After, per client, HR's own limit, logged, open without Redis."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from api.models import ApiCall, ApiClient
from api.services import client_rate_set, client_revoke

from .factories import api_client_with_token

pytestmark = pytest.mark.django_db

EMPLOYEES = reverse("api:employee-list")
CLIENTS = reverse("api:client-list")


@pytest.fixture(autouse=True)
def fresh_counters(settings):
    """Three calls a minute by default; no counter left by an earlier run."""
    settings.API_RATE_PER_MINUTE = 3
    cache.clear()


def calls(api, token, count: int, url: str = EMPLOYEES) -> list:
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return [api.get(url) for _ in range(count)]


def test_the_call_after_the_limit_gets_429_with_retry_after_and_is_logged(api, hr_user, tree):
    client, token = api_client_with_token(hr_user)

    responses = calls(api, token, 4)

    assert [response.status_code for response in responses] == [200, 200, 200, 429]
    refused = responses[-1]
    assert 0 < int(refused["Retry-After"]) <= 60
    seconds = refused["Retry-After"]
    detail = refused.json()["detail"]
    assert detail == f"Klien ini melampaui batas 3 panggilan per menit. Coba lagi dalam {seconds} detik."
    logged = list(ApiCall.objects.order_by("pk").values_list("client", "status", "rows"))
    assert logged == [(client.pk, 200, 0)] * 3 + [(client.pk, 429, None)]


def test_the_refusal_speaks_the_callers_language(api, hr_user, tree):
    _, token = api_client_with_token(hr_user)
    api.cookies["django_language"] = "en"
    refused = calls(api, token, 4)[-1]
    assert refused.json()["detail"].startswith("This client exceeded its limit of 3 calls per minute. Try again in")


def test_each_client_has_its_own_count(api, hr_user, tree):
    _, first = api_client_with_token(hr_user, name="Dasbor")
    _, second = api_client_with_token(hr_user, name="e-TPP")
    assert calls(api, first, 4)[-1].status_code == 429
    assert [response.status_code for response in calls(api, second, 3)] == [200, 200, 200]


def test_a_limit_hr_set_for_the_client_replaces_the_default(api, hr_user, tree):
    client, token = api_client_with_token(hr_user)
    client_rate_set(client=client, rate_per_minute=5, acting_user=hr_user)
    assert [response.status_code for response in calls(api, token, 6)] == [200] * 5 + [429]


def test_a_lowered_limit_still_says_when_to_come_back(api, hr_user, tree):
    client, token = api_client_with_token(hr_user)
    calls(api, token, 3)
    client_rate_set(client=client, rate_per_minute=1, acting_user=hr_user)
    refused = calls(api, token, 1)[-1]
    assert refused.status_code == 429 and 0 < int(refused["Retry-After"]) <= 60
    assert "batas 1 panggilan" in refused.json()["detail"]


def test_calls_fit_again_once_a_minute_has_passed_and_refused_ones_do_not_count(api, hr_user, tree):
    _, token = api_client_with_token(hr_user)
    assert [response.status_code for response in calls(api, token, 6)] == [200] * 3 + [429] * 3
    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        assert [response.status_code for response in calls(api, token, 4)] == [200, 200, 200, 429]


def test_with_redis_down_calls_go_through_quickly_and_the_outage_is_logged(api, hr_user, tree, broker_down, caplog):
    _, token = api_client_with_token(hr_user)
    with caplog.at_level(logging.WARNING, logger="api.throttling"):
        responses = calls(api, token, 5)
    assert [response.status_code for response in responses] == [200] * 5
    assert max(ApiCall.objects.values_list("duration_ms", flat=True)) < 2000  # the cache gives up, nothing hangs
    assert "not checked" in caplog.text
    assert broker_down == []


def test_hr_sets_and_clears_a_clients_limit(client, hr_user, tree):
    api_client, _ = api_client_with_token(hr_user)
    client.force_login(hr_user)
    url = reverse("api:client-rate", args=[api_client.pk])

    assert client.post(url, {"rate_per_minute": "600"}).status_code == 302
    api_client.refresh_from_db()
    assert (api_client.rate_per_minute, api_client.calls_per_minute()) == (600, 600)
    assert 'value="600"' in client.get(CLIENTS).content.decode()

    client.post(url, {"rate_per_minute": ""})
    api_client.refresh_from_db()
    assert (api_client.rate_per_minute, api_client.calls_per_minute()) == (None, 3)


@pytest.mark.parametrize("typed", ["0", "-5", "abc", "6001", "1e3"])
def test_a_bad_limit_is_refused_with_a_message_and_nothing_changes(client, hr_user, tree, typed):
    api_client, _ = api_client_with_token(hr_user)
    client.force_login(hr_user)

    response = client.post(reverse("api:client-rate", args=[api_client.pk]), {"rate_per_minute": typed}, follow=True)

    assert response.status_code == 200
    assert [message.level_tag for message in response.context["messages"]] == ["error"]
    api_client.refresh_from_db()
    assert api_client.rate_per_minute is None


def test_a_revoked_clients_limit_is_not_changed(client, hr_user, tree):
    api_client, _ = api_client_with_token(hr_user)
    client_revoke(client=api_client, acting_user=hr_user)
    client.force_login(hr_user)
    response = client.post(reverse("api:client-rate", args=[api_client.pk]), {"rate_per_minute": "10"}, follow=True)
    assert "sudah dicabut" in response.content.decode()
    api_client.refresh_from_db()
    assert api_client.rate_per_minute is None


def test_a_limit_can_be_given_when_the_client_is_created(client, hr_user, tree):
    client.force_login(hr_user)
    client.post(CLIENTS, {"name": "Gudang data", "all_units": "on", "rate_per_minute": "1000"})
    assert ApiClient.objects.get(name="Gudang data").calls_per_minute() == 1000
