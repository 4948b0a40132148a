"""Logging in and out, brute-force protection (django-axes) and who may enter the Django admin."""

from __future__ import annotations

import pytest
from axes.utils import reset
from django.conf import settings
from django.urls import reverse

from tests.factories import UserFactory

PASSWORD = "rahasia-123"  # the factories' password


@pytest.fixture(autouse=True)
def no_axes_records(db):
    """Every test starts without recorded failures, whatever ran before it."""
    reset()


def _login(client, username: str, password: str, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def _fail_until_locked(client, username: str, **extra) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, username, "salah", **extra)


def test_it_logs_in_with_the_right_password_and_goes_home(client, employee):
    response = _login(client, "pegawai", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.get(reverse("home")).context["user"] == employee.user


def test_it_shows_an_error_for_a_wrong_password(client, employee):
    response = _login(client, "pegawai", "salah")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not response.context["user"].is_authenticated


def test_it_sends_a_logged_in_user_away_from_the_login_page(client, employee):
    client.force_login(employee.user)
    assert client.get(reverse("login"))["Location"] == reverse("home")


def test_it_logs_out_only_on_post(client, employee):
    client.force_login(employee.user)
    assert client.get(reverse("logout")).status_code == 405
    assert client.get(reverse("home")).status_code == 200
    response = client.post(reverse("logout"))
    assert response["Location"] == reverse("login")
    assert client.get(reverse("home")).status_code == 302


def test_it_locks_out_after_the_failure_limit_even_with_the_right_password(client, employee):
    _fail_until_locked(client, "pegawai")
    response = _login(client, "pegawai", PASSWORD)
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk" in response.content.decode()
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert f"{minutes} menit" in response.content.decode()
    assert not client.session.get("_auth_user_id")


def test_it_still_lets_a_user_in_one_failure_below_the_limit(client, employee):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "pegawai", "salah")
    assert _login(client, "pegawai", PASSWORD).status_code == 302


def test_it_locks_per_username_so_another_user_on_the_same_ip_gets_in(client, employee, supervisor):
    _fail_until_locked(client, "pegawai")
    response = _login(client, "atasan", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_it_locks_per_ip_so_the_same_user_elsewhere_gets_in(client, employee):
    _fail_until_locked(client, "pegawai", REMOTE_ADDR="10.1.1.1")
    assert _login(client, "pegawai", PASSWORD, REMOTE_ADDR="10.2.2.2").status_code == 302


def test_it_lets_the_user_in_again_after_hr_resets_the_lock(client, employee):
    _fail_until_locked(client, "pegawai")
    reset(username="pegawai")
    assert _login(client, "pegawai", PASSWORD).status_code == 302


@pytest.mark.parametrize("persona", ["employee", "supervisor", "outsider"])
def test_it_sends_non_staff_to_the_admin_login(client, request, persona):
    client.force_login(request.getfixturevalue(persona).user)
    response = client.get(reverse("admin:org_employee_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_it_keeps_hr_out_of_the_admin_unless_made_staff(client, hr_user):
    client.force_login(hr_user)
    assert client.get(reverse("admin:index"))["Location"].startswith(reverse("admin:login"))
    assert "/admin/" not in client.get(reverse("home")).content.decode()


def test_it_serves_the_admin_to_a_staff_superuser(client):
    client.force_login(UserFactory(username="super", is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:org_employee_changelist"))
    assert response.status_code == 200
    assert reverse("admin:index") in client.get(reverse("home")).content.decode()
