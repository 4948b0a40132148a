"""Accounts from an import: an applied employees import remembers every employee of its file, and its page
creates their accounts and prints their letters through the per-unit service (docs/import-export.md)."""

from __future__ import annotations

import re
import subprocess
from uuid import uuid4

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from org.account_views import NOT_AN_APPLIED_EMPLOYEES_IMPORT, NOTHING_TO_PRINT_IMPORT
from org.imports import jobs
from org.models import Employee, ImportJob, User
from tests.factories import EmployeeFactory, HrUserFactory, PositionFactory, UserFactory
from tests.org.conftest import staff_nip
from tests.org.test_import_views import upload

pytestmark = pytest.mark.usefixtures("import_media")
CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")
Status = ImportJob.Status


@pytest.fixture
def budi(unit):
    """In the file (updated by it: another name), with an account he already uses."""
    position = PositionFactory(unit=unit, name="Kepala Bidang")
    user = UserFactory(username=staff_nip(2))
    return EmployeeFactory(nip=staff_nip(2), name="Budi Lama", position=position, user=user)


@pytest.fixture
def outsider_of_file(unit):
    """Same unit, no account, no e-mail, but not in the file: the import's button leaves him alone."""
    return EmployeeFactory(unit=unit, position=PositionFactory(unit=unit), name="Dodi", email="")


def imported(client, hr_user, rows, sheet_file) -> ImportJob:
    client.force_login(hr_user)
    token = upload(client, sheet_file(rows)).url.rstrip("/").rsplit("/", 1)[1]
    response = client.post(reverse("org:import-confirm", args=[token]))
    assert response.url == reverse("org:import-preview", args=[token])  # the import's own page, with its accounts
    job = ImportJob.objects.get(token=token)
    assert job.status == Status.APPLIED
    return job


def nips(job: ImportJob) -> set[str]:
    return set(job.employees.values_list("nip", flat=True))


def create_url(job: ImportJob) -> str:
    return reverse("org:import-account-create", args=[job.token])


def letters_url(job: ImportJob) -> str:
    return reverse("org:import-account-letters", args=[job.token])


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_an_applied_import_remembers_the_employees_it_created_and_updated(
    client, hr_user, staff_rows, sheet_file, budi, outsider_of_file
):
    job = imported(client, hr_user, staff_rows, sheet_file)

    counts = {count["label"]: count for count in job.report["counts"]}
    assert (counts["pegawai"]["created"], counts["pegawai"]["updated"]) == (2, 1)
    assert nips(job) == {staff_nip(1, is_female=True), staff_nip(2), staff_nip(3, is_female=True)}


def test_a_new_import_names_everyone_in_its_file_also_the_unchanged(client, hr_user, staff_rows, sheet_file):
    imported(client, hr_user, staff_rows, sheet_file)
    staff_rows[1][1] = "Citra Dewi"

    job = imported(client, hr_user, staff_rows, sheet_file)

    counts = {count["label"]: count for count in job.report["counts"]}
    assert (counts["pegawai"]["updated"], counts["pegawai"]["unchanged"]) == (1, 2)
    assert len(nips(job)) == 3
    assert ImportJob.employees.through.objects.count() == 3  # the replaced job took its links along


def test_a_dry_run_remembers_nobody(client, hr_user, staff_rows, sheet_file):
    client.force_login(hr_user)
    upload(client, sheet_file(staff_rows))

    assert ImportJob.objects.get().status == Status.CHECKED
    assert not ImportJob.employees.through.objects.exists()


def test_remembering_fails_with_the_import_so_nothing_is_written(client, hr_user, staff_rows, sheet_file, monkeypatch):
    def broken(job, nips):
        raise RuntimeError("disk full")

    monkeypatch.setattr(jobs, "remember_employees", broken)
    client.force_login(hr_user)
    token = upload(client, sheet_file(staff_rows)).url.rstrip("/").rsplit("/", 1)[1]
    client.post(reverse("org:import-confirm", args=[token]))

    assert ImportJob.objects.get().status == Status.FAILED
    assert not Employee.objects.exists()


def test_the_page_creates_accounts_only_for_the_imports_employees_without_one(
    client, hr_user, staff_rows, sheet_file, budi, outsider_of_file
):
    job = imported(client, hr_user, staff_rows, sheet_file)
    page = client.get(reverse("org:import-preview", args=[job.token])).content.decode()
    assert "2 pegawai belum punya akun" in page and 'data-testid="import-account-create"' in page
    budi_password = budi.user.password

    response = client.post(create_url(job), follow=True)

    assert "2 akun dibuat: 0 menerima e-mail aktivasi, 2 perlu surat aktivasi." in messages_of(response)
    made = Employee.objects.filter(user__isnull=False).exclude(pk=budi.pk)
    assert {employee.nip for employee in made} == {staff_nip(1, is_female=True), staff_nip(3, is_female=True)}
    assert all(employee.user.username == employee.nip for employee in made)
    outsider_of_file.refresh_from_db()
    budi.user.refresh_from_db()
    assert outsider_of_file.user is None and budi.user.password == budi_password
    assert 'data-testid="import-account-letters"' in response.content.decode()


def test_clicking_twice_creates_nothing_twice(client, hr_user, staff_rows, sheet_file):
    job = imported(client, hr_user, staff_rows, sheet_file)
    client.post(create_url(job))
    users = set(User.objects.values_list("pk", flat=True))

    response = client.post(create_url(job))

    assert "0 akun dibuat: 0 menerima e-mail aktivasi, 0 perlu surat aktivasi." in messages_of(response)
    assert set(User.objects.values_list("pk", flat=True)) == users
    assert "Semua pegawai aktif dalam berkas ini sudah punya akun." in client.get(response.url).content.decode()


def test_the_letters_are_those_of_the_imports_employees_without_e_mail(
    client, hr_user, staff_rows, sheet_file, budi, unit
):
    pending_elsewhere = EmployeeFactory(unit=unit, position=PositionFactory(unit=unit), name="Dodi", email="")
    header, *rows = staff_rows
    emails = ["", "", "ani@contoh.go.id"]
    rows = [[*header, "EMAIL"], *([*row, email] for row, email in zip(rows, emails, strict=True))]
    job = imported(client, hr_user, rows, sheet_file)
    client.post(reverse("org:account-create"), {"unit": unit.pk})  # Dodi's account waits for a letter too

    response = client.post(letters_url(job))

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert "Citra" in text
    assert "Ani" not in text and "Budi" not in text and pending_elsewhere.name not in text
    assert len(CODE.findall(text)) == 1


def test_an_import_with_no_pending_letter_says_so(client, hr_user, staff_rows, sheet_file):
    job = imported(client, hr_user, staff_rows, sheet_file)

    response = client.post(letters_url(job))

    assert response.url == reverse("org:import-preview", args=[job.token])
    assert messages_of(response) == [str(NOTHING_TO_PRINT_IMPORT)]


def job_of(owner, *, kind: str = "pegawai", status: str = Status.APPLIED) -> ImportJob:
    return ImportJob.objects.create(
        token=uuid4(), owner=owner, kind=kind, filename="berkas.xlsx", stored_name="x.xlsx", size=1, status=status
    )


@pytest.mark.parametrize(
    ("kind", "status"), [("unit", Status.APPLIED), ("pegawai", Status.CHECKED), ("pegawai", Status.FAILED)]
)
@pytest.mark.parametrize("url", [create_url, letters_url])
def test_only_an_applied_employees_import_creates_accounts_or_letters(client, hr_user, unit, kind, status, url):
    EmployeeFactory(unit=unit, position=PositionFactory(unit=unit), email="")
    job = job_of(hr_user, kind=kind, status=status)
    client.force_login(hr_user)

    response = client.post(url(job))

    assert response.url == reverse("org:import-preview", args=[job.token])
    assert messages_of(response) == [str(NOT_AN_APPLIED_EMPLOYEES_IMPORT)]
    assert not User.objects.exclude(pk=hr_user.pk).exists()
    assert 'data-testid="import-accounts"' not in client.get(response.url).content.decode()


@pytest.mark.parametrize("url", [create_url, letters_url])
def test_an_unknown_or_someone_elses_import_is_a_404_and_a_get_is_refused(client, hr_user, url):
    client.force_login(hr_user)
    others = job_of(HrUserFactory(username="hr2"))

    assert client.post(url(others)).status_code == 404
    assert client.post(url(ImportJob(token=uuid4()))).status_code == 404
    assert client.get(url(job_of(hr_user))).status_code == 405
