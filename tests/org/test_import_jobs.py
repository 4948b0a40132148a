"""Import jobs: the dry run is read once and stored; large files run on a worker behind a progress bar."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import OutboxJob
from org.imports import jobs
from org.imports.kinds import KINDS
from org.models import Employee, ImportJob
from org.tasks import import_job_run as import_job_run_task
from tests.factories import HrUserFactory
from tests.org.hostile_xlsx import huge_shared_string
from tests.org.test_import_views import upload

pytestmark = pytest.mark.usefixtures("import_media")


@pytest.fixture
def in_background(settings):
    """Every upload is "large": it goes to Celery after the commit instead of running in the request."""
    settings.ORG_IMPORT_BACKGROUND_KB = 0


def urls(job: ImportJob) -> tuple[str, str, str]:
    return tuple(reverse(f"org:import-{name}", args=[job.token]) for name in ("preview", "status", "confirm"))


def test_the_preview_shows_the_stored_report_without_reading_the_file_again(
    client, hr_user, staff_rows, sheet_file, monkeypatch
):
    client.force_login(hr_user)
    preview_url = upload(client, sheet_file(staff_rows)).url

    def read_again(*args, **kwargs):
        raise AssertionError("the preview read the file again")

    monkeypatch.setattr("org.imports.services.read_sheet", read_again)
    for _ in range(2):
        content = client.get(preview_url).content.decode()
        assert 'data-testid="import-ready"' in content and "3 baris data" in content


def test_a_large_file_is_checked_by_a_worker_while_the_page_polls_its_progress(
    client, hr_user, staff_rows, sheet_file, in_background
):
    client.force_login(hr_user)
    preview_url = upload(client, sheet_file(staff_rows)).url
    job = ImportJob.objects.get()
    _, status_url, _ = urls(job)

    queued = OutboxJob.objects.pending().values_list("task", "args")
    assert list(queued) == [("org.tasks.import_job_run", [job.pk])] and job.status == ImportJob.Status.QUEUED
    page = client.get(preview_url).content.decode()
    assert f'hx-get="{status_url}"' in page and 'role="progressbar"' in page
    assert 'data-testid="import-confirm"' not in page
    polling = client.get(status_url)
    assert 'hx-trigger="every 1s"' in polling.content.decode() and "HX-Refresh" not in polling

    jobs.import_job_run(job_id=job.pk)

    finished = client.get(status_url)
    assert finished["HX-Refresh"] == "true" and "hx-get" not in finished.content.decode()
    assert 'data-testid="import-confirm"' in client.get(preview_url).content.decode()


def test_the_task_runs_a_queued_job_once(hr_user, staff_rows, sheet_file, in_background, settings, import_media):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    path = sheet_file(staff_rows)
    job = ImportJob.objects.create(
        token="8c6f0a52-3f55-4a57-9d0e-1d1f2b3c4d5e",
        owner=hr_user,
        kind="pegawai",
        filename=path.name,
        stored_name=f"imports/{path.name}",
        size=path.stat().st_size,
    )
    (import_media / "imports").mkdir(parents=True)
    (import_media / "imports" / path.name).write_bytes(path.read_bytes())

    import_job_run_task.delay(job.pk)
    job.refresh_from_db()
    finished_at = job.finished_at
    import_job_run_task.delay(job.pk)

    job.refresh_from_db()
    assert (job.status, job.progress, job.report["row_count"]) == (ImportJob.Status.CHECKED, 100, 3)
    assert job.finished_at == finished_at


def test_a_large_confirmed_file_is_imported_by_the_worker(
    client, hr_user, staff_rows, sheet_file, in_background, django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    client.force_login(hr_user)
    with django_capture_on_commit_callbacks(execute=True):
        preview_url = upload(client, sheet_file(staff_rows)).url
    job = ImportJob.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(urls(job)[2])

    assert response.url == preview_url
    assert Employee.objects.count() == 3
    content = client.get(preview_url).content.decode()
    assert 'data-testid="import-applied"' in content and "3 baru" in content


def test_a_job_that_breaks_ends_failed_with_a_message(client, hr_user, staff_rows, sheet_file, monkeypatch):
    def broken(sheet):
        raise RuntimeError("bug")

    monkeypatch.setitem(KINDS, "pegawai", replace(KINDS["pegawai"], plan=broken))
    client.force_login(hr_user)

    response = client.get(upload(client, sheet_file(staff_rows)).url)

    assert ImportJob.objects.get().status == ImportJob.Status.FAILED
    assert 'data-testid="import-failed"' in response.content.decode()
    assert "tidak ada data yang disimpan" in response.content.decode()


def test_a_hostile_upload_gets_a_clear_refusal_on_the_page(client, hr_user, tmp_path, settings):
    settings.ORG_IMPORT_MAX_UNPACKED_MB = 1
    client.force_login(hr_user)

    response = client.get(upload(client, huge_shared_string(tmp_path / "bom.xlsx", megabytes=4)).url)

    assert response.status_code == 200
    assert "terlalu besar setelah dibuka" in response.content.decode()
    assert 'data-testid="import-confirm"' not in response.content.decode()


def test_a_new_upload_replaces_the_previous_job_and_its_file(client, hr_user, staff_rows, sheet_file, import_media):
    client.force_login(hr_user)
    first = upload(client, sheet_file(staff_rows)).url

    upload(client, sheet_file(staff_rows, name="kedua"))

    assert client.get(first).status_code == 404
    assert ImportJob.objects.count() == 1
    token = str(ImportJob.objects.get().token)
    names = sorted(path.name for path in (import_media / "imports").iterdir())
    assert names == [f"{token}-laporan.xlsx", f"{token}.xlsx"]  # the upload and its report; nothing of the first


def test_only_the_uploader_sees_the_progress(client, hr_user, staff_rows, sheet_file):
    client.force_login(hr_user)
    job_url = upload(client, sheet_file(staff_rows)).url
    client.force_login(HrUserFactory(username="hr2"))

    assert client.get(job_url + "status/").status_code == 404


def test_an_upload_sweeps_other_users_jobs_left_past_the_keep_time(client, hr_user, staff_rows, sheet_file, settings):
    other = HrUserFactory(username="hr2")
    client.force_login(other)
    upload(client, sheet_file(staff_rows, name="lama"))
    ImportJob.objects.update(created_at=timezone.now() - timedelta(hours=settings.ORG_IMPORT_KEEP_HOURS + 1))
    client.force_login(hr_user)

    upload(client, sheet_file(staff_rows))

    assert list(ImportJob.objects.values_list("owner", flat=True)) == [hr_user.pk]
