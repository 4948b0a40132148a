"""Login against the Pemda's directory, through the real login page and a real slapd (docs/security.md,
"Directory login"): it opens only the account of an employee Kinerja knows, axes still counts and locks,
local passwords keep working, and a directory that is down or silent does not hold the login."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading

import environ
import ldap
import pytest
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings as django_settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.urls import reverse

from config.settings.directory import BACKEND, directory_settings
from core.models import OutboxJob
from org.accounts import pending_activation
from org.directory import NOT_AN_EMPLOYEE, DirectoryBackend
from org.models import Employee, User
from tests.factories import EmployeeFactory, UserFactory
from tests.org.directory_server import BUDI, LEPAS, PEOPLE, SARI, SERVICE_DN, SERVICE_PASSWORD, TAMU, free_port

LOCAL_PASSWORD = "rahasia-123"  # the factories' password
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture(autouse=True)
def no_login_records(db):
    """Axes' records and the per-address counter start empty, whatever ran before."""
    reset()
    cache.clear()


def directory_on(settings, monkeypatch, uri: str, **environment: str) -> None:
    """The settings ``base.py`` makes from an environment that names the directory at ``uri``."""
    environment = {
        "AUTH_LDAP_SERVER_URI": uri,
        "AUTH_LDAP_BIND_DN": SERVICE_DN,
        "AUTH_LDAP_BIND_PASSWORD": SERVICE_PASSWORD,
        "AUTH_LDAP_USER_SEARCH_BASE": PEOPLE,
        **environment,
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    for name, value in directory_settings(environ.Env(), list(settings.AUTHENTICATION_BACKENDS)).items():
        setattr(settings, name, value)


@pytest.fixture
def directory(settings, monkeypatch, directory_server):
    directory_on(settings, monkeypatch, directory_server.uri)


@pytest.fixture
def budi(unit):
    """The employee whose NIP the directory entry ``budi`` carries, with a local account of another name."""
    return EmployeeFactory(name="Budi", nip=BUDI.nip, unit=unit, user=UserFactory(username="budi.kinerja"))


def _login(client, username: str, password: str):
    return client.post(reverse("login"), {"username": username, "password": password})


def _logged_in_user(client) -> User | None:
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


def test_it_logs_a_directory_user_in_as_the_employee_with_that_nip(client, directory, budi):
    password_before = budi.user.password
    response = _login(client, BUDI.uid, BUDI.password)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert _logged_in_user(client) == budi.user
    assert client.session[BACKEND_SESSION_KEY] == BACKEND
    budi.user.refresh_from_db()
    assert (budi.user.username, budi.user.password) == ("budi.kinerja", password_before)
    assert client.get(reverse("home")).status_code == 200


def test_it_makes_the_account_of_an_active_employee_at_the_first_directory_login(client, directory, unit):
    sari = EmployeeFactory(name="Sari", nip=SARI.nip, unit=unit, email="sari@example.go.id")
    assert _login(client, SARI.uid, SARI.password).status_code == 302
    sari.refresh_from_db()
    assert _logged_in_user(client) == sari.user
    assert (sari.user.username, sari.user.email) == (SARI.nip, "sari@example.go.id")
    assert not sari.user.has_usable_password()
    assert not sari.user.groups.exists() and not sari.user.is_staff
    assert not OutboxJob.objects.exists()  # no activation e-mail: the directory is how Sari logs in
    assert not pending_activation(unit_ids=None).filter(pk=sari.pk).exists()
    client.post(reverse("logout"))
    assert _login(client, SARI.uid, SARI.password).status_code == 302
    assert User.objects.filter(username=SARI.nip).count() == 1


def test_a_wrong_directory_password_is_refused_and_counted_by_axes_until_the_lock(client, directory, budi):
    response = _login(client, BUDI.uid, "salah")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert str(NOT_AN_EMPLOYEE) not in response.content.decode()
    assert AccessAttempt.objects.get(username=BUDI.uid).failures_since_start == 1
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        _login(client, BUDI.uid, "salah")
    assert _login(client, BUDI.uid, BUDI.password).status_code == 429
    assert _logged_in_user(client) is None


@pytest.mark.parametrize("person", [TAMU, LEPAS], ids=["unknown-nip", "no-nip"])
def test_a_directory_user_who_is_no_employee_is_refused_with_a_message(client, directory, budi, person):
    users_before = User.objects.count()
    response = _login(client, person.uid, person.password)
    assert response.status_code == 200
    assert str(NOT_AN_EMPLOYEE) in response.content.decode()
    assert _logged_in_user(client) is None
    assert User.objects.count() == users_before


def test_the_refusal_reads_in_english(client, directory):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    response = _login(client, TAMU.uid, TAMU.password)
    assert "does not match any employee" in response.content.decode()


@pytest.mark.parametrize("case", ["left", "nip-taken"])
def test_it_links_no_account_for_an_employee_who_left_or_whose_nip_is_a_username(client, directory, unit, case):
    status = Employee.Status.PENSIUN if case == "left" else Employee.Status.AKTIF
    sari = EmployeeFactory(nip=SARI.nip, unit=unit, status=status)
    if case == "nip-taken":
        UserFactory(username=SARI.nip)
    response = _login(client, SARI.uid, SARI.password)
    assert str(NOT_AN_EMPLOYEE) in response.content.decode()
    sari.refresh_from_db()
    assert sari.user is None


def test_an_account_hr_switched_off_stays_closed_to_the_directory(client, directory, budi):
    budi.user.is_active = False
    budi.user.save(update_fields=["is_active"])
    response = _login(client, BUDI.uid, BUDI.password)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert _logged_in_user(client) is None


def test_switching_the_account_off_ends_a_directory_session(client, directory, budi):
    _login(client, BUDI.uid, BUDI.password)
    assert client.get(reverse("home")).status_code == 200
    User.objects.filter(pk=budi.user_id).update(is_active=False)
    assert client.get(reverse("home"))["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("typed", ["*", "budi)(uid=*", "b*"])
def test_filter_characters_in_the_typed_name_match_nobody(client, directory, budi, typed):
    response = _login(client, typed, BUDI.password)
    assert response.status_code == 200
    assert _logged_in_user(client) is None


def test_local_passwords_keep_working_beside_the_directory(client, directory, budi, employee):
    assert _login(client, "pegawai", LOCAL_PASSWORD).status_code == 302
    assert client.session[BACKEND_SESSION_KEY] == MODEL_BACKEND
    client.post(reverse("logout"))
    assert _login(client, "budi.kinerja", LOCAL_PASSWORD).status_code == 302
    assert _logged_in_user(client) == budi.user


def test_it_is_off_by_default_and_local_passwords_work(client, employee):
    assert BACKEND not in django_settings.AUTHENTICATION_BACKENDS
    assert directory_settings(environ.Env(), ["a", "b"]) == {"AUTH_LDAP_SERVER_URI": ""}
    page = client.get(reverse("login")).content.decode()
    assert "akun jaringan Pemda" not in page
    assert _login(client, "pegawai", LOCAL_PASSWORD).status_code == 302


def _settings_in_a_fresh_process(**environment: str) -> dict:
    """The settings a new process builds from its environment (``config.settings.test``), as JSON."""
    script = (
        "import json, sys\n"
        "import django\n"
        "from django.conf import settings\n"
        "django.setup()\n"
        "options = getattr(settings, 'AUTH_LDAP_CONNECTION_OPTIONS', {})\n"
        "print(json.dumps({'backends': settings.AUTHENTICATION_BACKENDS, 'ldap_loaded': 'ldap' in sys.modules,\n"
        "    'options': {str(key): value for key, value in options.items()}}))\n"
    )
    inherited = {name: value for name, value in os.environ.items() if not name.startswith("AUTH_LDAP_")}
    env = {**inherited, "DJANGO_SETTINGS_MODULE": "config.settings.test", **environment}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_environment_turns_it_on_between_axes_and_the_local_passwords():
    off = _settings_in_a_fresh_process()
    assert off["backends"] == ["axes.backends.AxesStandaloneBackend", MODEL_BACKEND]
    assert not off["ldap_loaded"]  # off, python-ldap is not even imported
    on = _settings_in_a_fresh_process(
        AUTH_LDAP_SERVER_URI="ldap://127.0.0.1:1", AUTH_LDAP_USER_SEARCH_BASE=PEOPLE, AUTH_LDAP_TIMEOUT="3"
    )
    assert on["backends"] == ["axes.backends.AxesStandaloneBackend", BACKEND, MODEL_BACKEND]
    assert on["options"][str(ldap.OPT_NETWORK_TIMEOUT)] == on["options"][str(ldap.OPT_TIMEOUT)] == 3.0


@pytest.mark.parametrize(
    ("environment", "missing"),
    [({}, "AUTH_LDAP_USER_SEARCH_BASE"), ({"AUTH_LDAP_USER_SEARCH_FILTER": "(uid=budi)"}, "%(user)s")],
)
def test_an_incomplete_configuration_stops_the_start(monkeypatch, environment, missing):
    monkeypatch.setenv("AUTH_LDAP_SERVER_URI", "ldap://127.0.0.1:1")
    monkeypatch.delenv("AUTH_LDAP_USER_SEARCH_BASE", raising=False)
    if environment:
        monkeypatch.setenv("AUTH_LDAP_USER_SEARCH_BASE", PEOPLE)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ImproperlyConfigured, match=missing.replace("(", r"\(").replace(")", r"\)")):
        directory_settings(environ.Env(), ["a", "b"])


def test_with_the_directory_down_local_logins_work_and_directory_users_are_refused(
    client, settings, monkeypatch, budi, employee
):
    directory_on(settings, monkeypatch, f"ldap://127.0.0.1:{free_port()}")  # nobody listens there
    timeouts = settings.AUTH_LDAP_CONNECTION_OPTIONS
    assert timeouts[ldap.OPT_NETWORK_TIMEOUT] == timeouts[ldap.OPT_TIMEOUT] == 5.0
    response = _login(client, BUDI.uid, BUDI.password)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert _login(client, "pegawai", LOCAL_PASSWORD).status_code == 302


@pytest.fixture
def silent_directory():
    """A port that accepts connections and never answers: a directory that hangs."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"ldap://127.0.0.1:{listener.getsockname()[1]}"


def test_a_silent_directory_gives_up_after_the_timeout(settings, monkeypatch, silent_directory):
    directory_on(settings, monkeypatch, silent_directory, AUTH_LDAP_TIMEOUT="1")
    request = RequestFactory().post(reverse("login"))
    outcome = []
    attempt = threading.Thread(
        target=lambda: outcome.append(DirectoryBackend().authenticate(request, BUDI.uid, BUDI.password)),
        daemon=True,
    )
    attempt.start()
    attempt.join(timeout=30)  # a bound for the test itself, far above the one-second timeout
    assert not attempt.is_alive()
    assert outcome == [None]


def test_the_password_pages_say_that_the_directory_keeps_the_password(client, directory, unit):
    assert "akun jaringan Pemda" in client.get(reverse("login")).content.decode()
    assert "akun jaringan Pemda (direktori)" in client.get(reverse("password_reset")).content.decode()
    EmployeeFactory(nip=SARI.nip, unit=unit)
    _login(client, SARI.uid, SARI.password)
    page = client.get(reverse("password_change")).content.decode()
    assert "Kata sandinya dikelola di direktori" in page
    assert 'name="old_password"' not in page  # no password of its own to change


def test_a_local_session_keeps_the_password_form_without_the_notice(client, directory, employee):
    _login(client, "pegawai", LOCAL_PASSWORD)
    page = client.get(reverse("password_change")).content.decode()
    assert "Kata sandinya dikelola di direktori" not in page
    assert 'name="old_password"' in page
