import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client
from django.urls import path, reverse

from config import urls as config_urls


def test_an_expired_form_gets_a_friendly_page_with_a_way_back(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "x", "password": "y"})
    content = response.content.decode()
    assert response.status_code == 403
    assert "Formulir sudah kedaluwarsa" in content
    assert f'href="{reverse("login")}"' in content


def test_a_missing_page_shows_the_project_page_not_the_url_list(client, settings, db):
    settings.DEBUG = False
    response = client.get("/tidak-ada/")
    content = response.content.decode()
    assert response.status_code == 404
    assert "Halaman yang Anda cari tidak ditemukan." in content
    assert "URLconf" not in content and "skor/" not in content


def _broken(request):
    raise RuntimeError("boom")


urlpatterns = [*config_urls.urlpatterns, path("rusak/", _broken)]


@pytest.mark.urls(__name__)
def test_a_server_error_shows_the_project_page(client, settings, db):
    settings.DEBUG = False
    client.raise_request_exception = False
    response = client.get("/rusak/")
    content = response.content.decode()
    assert response.status_code == 500
    assert "Maaf, terjadi kesalahan di server." in content
    assert "boom" not in content and "Traceback" not in content


def test_make_run_serves_with_the_production_settings_over_plain_http():
    """``config.settings.serve``: production's settings with only HTTPS and the secrets relaxed."""
    code = (
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS,"
        " s.STORAGES['staticfiles']['BACKEND'], ','.join(s.ALLOWED_HOSTS))"
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.serve"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.split() == [
        "False", "False", "False", "0",
        "whitenoise.storage.CompressedManifestStaticFilesStorage", "localhost,127.0.0.1,[::1]",
    ]  # fmt: skip
    run_script = (settings.BASE_DIR / "scripts" / "run.sh").read_text()
    assert "config.settings.serve" in run_script and ".venv/bin/gunicorn config.wsgi" in run_script
