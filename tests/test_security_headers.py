"""Response headers and sessions: CSP without inline script, Permissions-Policy, no caching of
logged-in pages, the idle timeout, login throttling per address and the trusted-proxy setting."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from axes.utils import reset
from django.conf import settings
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from core.clientip import client_ip

PASSWORD = "rahasia-123"  # the factories' password
TEMPLATES = Path(settings.BASE_DIR) / "templates"
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.IGNORECASE)


@pytest.fixture(autouse=True)
def _clean_slate(db):
    """No recorded login failures, in the database (axes) or in Redis (the per-address counter)."""
    reset()
    cache.clear()


def _directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in policy.split(";") if part.strip()}


def _nonce(response) -> str:
    return re.search(r"'nonce-([^']+)'", _directives(response)["style-src"]).group(1)


def _login(client, username: str, password: str = PASSWORD, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def test_it_sends_a_content_security_policy_without_inline_script(client):
    csp = _directives(client.get(reverse("login")))
    assert csp["default-src"] == "default-src 'self'"
    assert csp["script-src"] == "script-src 'self'"
    assert csp["object-src"] == "object-src 'none'"
    assert csp["frame-ancestors"] == "frame-ancestors 'none'"
    assert "unsafe-inline" not in csp["style-src"]


@pytest.mark.parametrize("path", sorted(p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.html")))
def test_no_template_has_inline_script_or_event_handlers(path):
    source = (TEMPLATES / path).read_text()
    assert not INLINE_HANDLER.search(source), "move the handler to static/js/kinerja.js (data-confirm, data-autosubmit)"
    assert not INLINE_SCRIPT.search(source), "inline <script> is refused by the Content-Security-Policy"


def test_it_lets_the_public_form_keep_its_inline_css_with_a_nonce(client, unit):
    response = client.get(reverse("surveys:survey-form", args=[unit.code]))
    nonce = _nonce(response)
    assert f'<style nonce="{nonce}">' in response.content.decode()
    assert _nonce(client.get(reverse("surveys:survey-form", args=[unit.code]))) != nonce  # fresh per response


def test_it_sends_a_permissions_policy(client):
    policy = client.get(reverse("login"))["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in policy


def test_it_forbids_caching_pages_of_a_logged_in_user(client, employee):
    client.force_login(employee.user)
    for name in ("home", "appraisal:plan-list", "notifications:notification-list"):
        assert "no-store" in client.get(reverse(name))["Cache-Control"]


def test_it_leaves_caching_of_public_pages_alone(client, unit):
    assert "Cache-Control" not in client.get(reverse("surveys:survey-form", args=[unit.code]))


def test_it_ends_a_session_left_idle_past_the_timeout(client, employee):
    idle = timedelta(minutes=settings.SESSION_IDLE_TIMEOUT_MINUTES)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        assert _login(client, "pegawai").status_code == 302
        clock.shift(idle - timedelta(minutes=1))
        assert client.get(reverse("home")).status_code == 200  # activity pushes the deadline back
        clock.shift(idle - timedelta(minutes=1))
        assert client.get(reverse("home")).status_code == 200
        clock.shift(idle + timedelta(minutes=1))
        response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_throttles_failed_logins_per_address_across_usernames(client, settings, employee):
    settings.LOGIN_IP_FAILURE_LIMIT = 3
    for n in range(3):
        assert _login(client, f"tebakan{n}", "salah").status_code == 200  # never the same username twice
    response = _login(client, "pegawai")
    assert response.status_code == 429
    assert "jaringan ini" in response.content.decode()
    assert not client.session.get("_auth_user_id")
    assert _login(client, "pegawai", REMOTE_ADDR="10.9.9.9").status_code == 302


def test_it_lets_logins_through_when_the_cache_is_down(client, settings, employee):
    settings.LOGIN_IP_FAILURE_LIMIT = 1
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6399/0"}
    }
    for n in range(3):
        _login(client, f"tebakan{n}", "salah")
    assert _login(client, "pegawai").status_code == 302


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "1.1.1.1", "10.0.0.1"),  # no proxy: a forged header is ignored
        (1, "1.1.1.1, 2.2.2.2", "2.2.2.2"),  # one proxy: the address it saw, not what the client wrote
        (2, "1.1.1.1, 2.2.2.2, 3.3.3.3", "2.2.2.2"),
        (2, "3.3.3.3", "10.0.0.1"),  # fewer entries than proxies: not from behind them
    ],
)
def test_it_takes_the_client_address_from_the_trusted_proxies_only(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_it_locks_out_by_the_forwarded_address_behind_a_proxy(client, settings, employee):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "pegawai", "salah", HTTP_X_FORWARDED_FOR="1.1.1.1")
    assert _login(client, "pegawai", HTTP_X_FORWARDED_FOR="1.1.1.1").status_code == 429
    assert _login(client, "pegawai", HTTP_X_FORWARDED_FOR="2.2.2.2").status_code == 302
