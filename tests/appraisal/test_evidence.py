"""Evidence uploads: type, content signature and size checked on the server; private storage and access."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from appraisal.models import Evidence

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes(member: str = "word/document.xml") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(member, "<w:document/>")
    return buffer.getvalue()


def upload(client, indicator, name: str, content: bytes):
    url = reverse("appraisal:evidence-upload", args=[indicator.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, content), "description": "Laporan"})


@pytest.mark.parametrize(("name", "content"), [("scan.pdf", PDF), ("foto.png", PNG), ("nota.docx", docx_bytes())])
def test_it_stores_an_allowed_file_outside_the_web_root(client, employee, indicator, name, content):
    client.force_login(employee.user)
    assert upload(client, indicator, name, content).status_code == 302
    evidence = Evidence.objects.get(indicator=indicator)
    path = Path(evidence.file.path)
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert path.read_bytes() == content
    assert name not in path.name  # stored under a random name; the original is metadata only
    assert (evidence.original_name, evidence.size, evidence.uploaded_by) == (name, len(content), employee.user)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "tidak diizinkan"),
        ("page.html", b"<html><script>alert(1)</script>", "tidak diizinkan"),
        ("fake.pdf", b"<html><script>alert(1)</script>", "tidak sesuai"),
        ("fake.png", PDF, "tidak sesuai"),
        ("fake.docx", docx_bytes("evil.xml"), "tidak sesuai"),
        ("broken.xlsx", b"PK\x03\x04not a zip", "tidak sesuai"),
        ("noextension", PDF, "tidak diizinkan"),
    ],
)
def test_it_refuses_a_wrong_type_or_a_lying_signature(client, employee, indicator, name, content, message):
    client.force_login(employee.user)
    response = upload(client, indicator, name, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Evidence.objects.exists()


def test_it_refuses_an_oversize_file(client, employee, indicator, settings):
    settings.APPRAISAL_EVIDENCE_MAX_BYTES = 1024
    client.force_login(employee.user)
    response = upload(client, indicator, "besar.pdf", PDF + b"0" * 1024)
    assert response.status_code == 400
    assert "terlalu besar" in response.content.decode()
    assert not Evidence.objects.exists()


def test_it_refuses_an_extension_removed_from_the_settings(client, employee, indicator, settings):
    settings.APPRAISAL_EVIDENCE_EXTENSIONS = ["pdf"]
    client.force_login(employee.user)
    assert upload(client, indicator, "foto.png", PNG).status_code == 400


def test_it_hides_another_employees_indicator_from_an_uploader(client, outsider, indicator):
    client.force_login(outsider.user)
    assert upload(client, indicator, "scan.pdf", PDF).status_code == 404
    assert not Evidence.objects.exists()


@pytest.mark.parametrize("role", ["supervisor", "head", "hr_user"])
def test_it_refuses_uploads_by_people_who_may_only_read(request, client, indicator, role):
    persona = request.getfixturevalue(role)
    client.force_login(getattr(persona, "user", persona))
    assert upload(client, indicator, "scan.pdf", PDF).status_code == 403
    assert not Evidence.objects.exists()


@pytest.fixture
def evidence(client, employee, indicator):
    client.force_login(employee.user)
    upload(client, indicator, "laporan <b>Q2</b>.pdf", PDF)
    client.logout()
    return Evidence.objects.get()


@pytest.mark.parametrize("role", ["employee", "supervisor", "head", "hr_user"])
def test_it_serves_evidence_as_an_attachment_to_plan_readers(request, client, evidence, role):
    persona = request.getfixturevalue(role)
    client.force_login(getattr(persona, "user", persona))
    response = client.get(reverse("appraisal:evidence-download", args=[evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == PDF


def test_it_hides_evidence_from_an_outsider(client, outsider, evidence):
    client.force_login(outsider.user)
    assert client.get(reverse("appraisal:evidence-download", args=[evidence.pk])).status_code == 404


def test_it_sends_anonymous_downloads_to_login(client, evidence):
    response = client.get(reverse("appraisal:evidence-download", args=[evidence.pk]))
    assert response.status_code == 302
    assert reverse("login") in response.url


def test_it_deletes_evidence_and_its_file_after_commit(client, employee, evidence, django_capture_on_commit_callbacks):
    path = Path(evidence.file.path)
    client.force_login(employee.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("appraisal:evidence-delete", args=[evidence.pk]))
    assert not Evidence.objects.exists()
    assert not path.exists()


@pytest.mark.parametrize(("role", "status"), [("supervisor", 403), ("outsider", 404)])
def test_it_refuses_deleting_evidence_to_others(request, client, evidence, role, status):
    client.force_login(request.getfixturevalue(role).user)
    assert client.post(reverse("appraisal:evidence-delete", args=[evidence.pk])).status_code == status
    assert Evidence.objects.exists()
