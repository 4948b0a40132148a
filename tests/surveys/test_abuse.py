"""Abuse resistance: rate limits (fail open without Redis), registered kiosks, burst flags."""

from __future__ import annotations

import logging
import socket

import pytest
from django.core.cache import caches
from django.urls import reverse

from surveys.clients import KIOSK_COOKIE, KIOSK_SALT
from surveys.models import Response
from surveys.ratelimit import allow
from tests.surveys.conftest import form_url, submit
from tests.surveys.factories import KioskDeviceFactory


@pytest.fixture
def low_limits(settings):
    settings.SKM_RATE_LIMIT_DEVICE = (3, 3600)
    settings.SKM_RATE_LIMIT_IP = (5, 3600)
    settings.SKM_RATE_LIMIT_KIOSK = (50, 3600)


def activate_kiosk(client, kiosk) -> None:
    response = client.post(reverse("surveys:kiosk-activate", args=[kiosk.secret]))
    assert response.status_code == 302
    assert KIOSK_COOKIE in response.cookies


def closed_port() -> int:
    """A loopback port with nothing listening: connecting there is what "Redis is down" looks like."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_it_blocks_one_device_above_its_limit_and_stores_nothing_more(client, unit, low_limits):
    statuses = [submit(client, form_url(unit)).status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert Response.objects.count() == 3


def test_the_refusal_says_why(client, unit, low_limits):
    for _ in range(3):
        submit(client, form_url(unit))
    assert "Terlalu banyak kiriman" in submit(client, form_url(unit)).content.decode()


def test_it_blocks_one_address_across_devices(client, unit, low_limits):
    statuses = []
    for _ in range(6):
        client.cookies.clear()  # a new device each time, same address
        statuses.append(submit(client, form_url(unit)).status_code)
    assert statuses == [302] * 5 + [429]


def test_a_registered_kiosk_is_not_blocked_at_the_normal_limit(client, unit, low_limits, hr_user):
    activate_kiosk(client, KioskDeviceFactory(unit=unit, created_by=hr_user))
    statuses = [submit(client, form_url(unit, kiosk="1")).status_code for _ in range(8)]
    assert statuses == [302] * 8
    assert Response.objects.filter(source=Response.Source.KIOSK).count() == 8
    assert not Response.objects.exclude(suspicious_reason="").exclude(suspicious_reason__startswith="Diisi").exists()


def test_a_kiosk_has_its_own_higher_limit(client, unit, settings, hr_user):
    settings.SKM_RATE_LIMIT_KIOSK = (2, 3600)
    activate_kiosk(client, KioskDeviceFactory(unit=unit, created_by=hr_user))
    assert [submit(client, form_url(unit, kiosk="1")).status_code for _ in range(3)] == [302, 302, 429]


def test_kiosk_mode_without_registration_gets_the_normal_limit(client, unit, low_limits):
    statuses = [submit(client, form_url(unit, kiosk="1")).status_code for _ in range(4)]
    assert statuses[-1] == 429


def test_a_forged_or_revoked_kiosk_cookie_is_not_a_kiosk(client, unit, low_limits, hr_user):
    kiosk = KioskDeviceFactory(unit=unit, created_by=hr_user)
    activate_kiosk(client, kiosk)
    kiosk.revoked_at = kiosk.created_at
    kiosk.save()
    assert [submit(client, form_url(unit)).status_code for _ in range(4)][-1] == 429
    client.cookies[KIOSK_COOKIE] = "not-signed"
    assert submit(client, form_url(unit)).status_code == 429
    assert KIOSK_SALT  # the cookie is only trusted with this signature salt


def test_a_kiosk_of_another_unit_gets_the_normal_limit(client, unit, other_unit, low_limits, hr_user):
    activate_kiosk(client, KioskDeviceFactory(unit=other_unit, created_by=hr_user))
    assert [submit(client, form_url(unit)).status_code for _ in range(4)][-1] == 429


def test_a_submission_succeeds_with_redis_down_and_the_outage_is_logged(client, unit, settings, caplog, low_limits):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }
    assert caches["default"]._servers == [settings.CACHES["default"]["LOCATION"]]
    with caplog.at_level(logging.WARNING, logger="surveys.ratelimit"):
        statuses = [submit(client, form_url(unit)).status_code for _ in range(5)]
    assert statuses == [302] * 5  # fail open: above the device limit, yet nothing is lost
    assert Response.objects.count() == 5
    assert "not checked" in caplog.text


def test_the_limiter_fails_open_on_a_cache_error(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionError("refused")

    monkeypatch.setattr("surveys.ratelimit.cache.add", broken)
    with caplog.at_level(logging.WARNING, logger="surveys.ratelimit"):
        assert allow("x", limit=0, window=60)
    assert "allowing the request" in caplog.text


def test_a_burst_from_one_address_is_flagged_as_a_group(client, unit, settings):
    settings.SKM_BURST_COUNT, settings.SKM_MIN_FILL_SECONDS = 3, 0
    for _ in range(3):
        client.cookies.clear()
        submit(client, form_url(unit))
    reasons = list(Response.objects.values_list("suspicious_reason", flat=True))
    assert reasons == ["Lonjakan: 3 respons dari sumber yang sama dalam 10 menit"] * 3


def test_responses_below_the_burst_size_are_not_burst_flagged(client, unit, settings):
    settings.SKM_BURST_COUNT, settings.SKM_MIN_FILL_SECONDS = 5, 0
    for _ in range(4):
        submit(client, form_url(unit))
    assert list(Response.objects.values_list("suspicious_reason", flat=True)) == [""] * 4
