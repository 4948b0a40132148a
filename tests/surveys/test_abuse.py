"""Abuse resistance: rate limits (fail open without Redis), registered kiosks, burst flags."""

from __future__ import annotations

import logging
import socket
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.cache import caches
from django.urls import reverse

from surveys.checks import burst_flags_below_limits
from surveys.clients import KIOSK_COOKIE, KIOSK_SALT
from surveys.models import Response
from surveys.ratelimit import allow
from tests.surveys.conftest import form_token, form_url, submit
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


@time_machine.travel(datetime(2026, 3, 2, 2, 35, 10, tzinfo=UTC), tick=False)  # 09.35 in Jakarta
def test_a_refused_citizen_keeps_their_answers_and_is_told_when_to_try_again(client, unit, low_limits):
    for _ in range(3):
        submit(client, form_url(unit))
    page = submit(client, form_url(unit), u3="2", suggestion="Ruang tunggu panas sekali", age="41")
    html = page.content.decode()
    assert page.status_code == 429
    assert page["Retry-After"] == str(25 * 60 - 10)  # the hour's window ends at 10.00 local time
    assert "kirim lagi setelah pukul 10.00 (sekitar 25 menit lagi)" in html
    assert '<input type="hidden" name="u3" value="2">' in html
    assert "Ruang tunggu panas sekali</textarea>" in html
    assert 'value="41"' in html
    assert 'name="token"' in html and "Kirim jawaban" in html  # the same form, ready to send again


def test_a_refused_complaint_keeps_its_text(client, unit, settings):
    settings.SKM_RATE_LIMIT_COMPLAINT = (1, 3600)
    url = reverse("surveys:complaint-form", args=[unit.code])
    data = {"kind": "ADUAN", "body": "Loket tutup sebelum jam pelayanan berakhir."}
    assert client.post(url, data).status_code == 302
    page = client.post(url, {**data, "body": "Petugas tidak ada di loket pukul 10."})
    assert page.status_code == 429
    assert int(page["Retry-After"]) > 0
    assert "Petugas tidak ada di loket pukul 10.</textarea>" in page.content.decode()
    assert "kirim lagi setelah pukul" in page.content.decode()


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
    settings.SKM_BURST_ADDRESS_COUNT, settings.SKM_MIN_FILL_SECONDS = 3, 0
    for number in range(3):
        client.cookies.clear()
        submit(client, form_url(unit), u1=str(number + 1))  # different answers: only the address repeats
    reasons = list(Response.objects.values_list("suspicious_reason", flat=True))
    assert reasons == ["Lonjakan: 3 respons dari alamat yang sama dalam 60 menit"] * 3


def test_responses_below_the_burst_size_are_not_burst_flagged(client, unit, settings):
    settings.SKM_BURST_DEVICE_COUNT, settings.SKM_MIN_FILL_SECONDS = 5, 0
    for number in range(4):
        submit(client, form_url(unit), u1=str(number + 1))
    assert list(Response.objects.values_list("suspicious_reason", flat=True)) == [""] * 4


def _paced(client, unit, *, answers: list[dict], seconds: int, keep_cookies: bool) -> list[int]:
    """Submit one questionnaire per ``answers`` item, ``seconds`` apart, each filled in ``seconds`` (not too fast)."""
    statuses = []
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False) as clock:
        for fields in answers:
            if not keep_cookies:
                client.cookies.clear()
            token = form_token(client, form_url(unit))
            clock.shift(seconds)
            statuses.append(submit(client, form_url(unit), token=token, **fields).status_code)
    return statuses


def test_all_worst_answers_paced_under_the_address_limit_are_flagged(client, unit):
    """Seven all-worst questionnaires from one address, 9 s apart, no cookies kept: the limits let them in."""
    all_worst = {f"u{i}": "1" for i in range(1, 10)}
    assert _paced(client, unit, answers=[all_worst] * 7, seconds=9, keep_cookies=False) == [302] * 7
    reasons = list(Response.objects.order_by("submitted_at").values_list("suspicious_reason", flat=True))
    assert reasons[:3] == ["Pola sama: 3 respons dengan jawaban identik dari alamat yang sama dalam 60 menit"] * 3
    assert all(reason.startswith("Pola sama:") for reason in reasons)


def test_one_device_pacing_under_its_limit_is_flagged(client, unit):
    """Five questionnaires in an hour from one phone (its limit), twelve minutes apart, answers varied."""
    varied = [{"u1": str(number + 1)} for number in range(4)] + [{"u2": "3"}]
    assert _paced(client, unit, answers=varied, seconds=12 * 60, keep_cookies=True) == [302] * 5
    reasons = list(Response.objects.order_by("submitted_at").values_list("suspicious_reason", flat=True))
    assert reasons[:3] == ["Lonjakan: 3 respons dari perangkat yang sama dalam 60 menit"] * 3
    assert all("dari perangkat yang sama" in reason for reason in reasons)


def test_honest_citizens_behind_one_address_are_not_flagged(client, unit):
    """Office Wi-Fi: six phones, one address, different answers, each filled at a human pace."""
    varied = [{"u1": str(number % 4 + 1), "u2": str(number // 4 + 1)} for number in range(6)]
    assert _paced(client, unit, answers=varied, seconds=60, keep_cookies=False) == [302] * 6
    assert list(Response.objects.values_list("suspicious_reason", flat=True)) == [""] * 6


def test_every_burst_count_sits_below_the_limit_it_watches():
    assert burst_flags_below_limits(None) == []


def test_a_burst_count_at_its_limit_is_reported(settings):
    settings.SKM_BURST_DEVICE_COUNT, settings.SKM_BURST_WINDOW = 5, 600
    assert [warning.id for warning in burst_flags_below_limits(None)] == ["surveys.W001", "surveys.W002"]
