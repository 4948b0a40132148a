"""Large employee files: all or nothing, the full report, statements per batch (progress: test_import_progress)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.db import IntegrityError
from django.urls import reverse
from openpyxl import load_workbook

from org.imports import jobs, ledger
from org.imports.services import import_file
from org.models import Employee, ImportJob, Position
from tests.org.bulk_rows import bulk_staff_rows
from tests.queries import statements

UNIT_CODES = ["DINKES"]


@pytest.fixture
def background(settings, import_media):
    settings.ORG_IMPORT_BACKGROUND_KB = 0


def upload(client, path: Path) -> ImportJob:
    with path.open("rb") as handle:
        client.post(reverse("org:import-upload"), {"kind": "pegawai", "file": handle})
    return ImportJob.objects.get()


def test_a_late_row_with_an_error_blocks_the_whole_file(hr_user, unit, sheet_file):
    rows = bulk_staff_rows(1200, UNIT_CODES)
    rows[-1][2] = "X"  # the last row's sex is not a known value

    report = import_file(kind="pegawai", path=sheet_file(rows, ext="csv"), acting_user=hr_user, dry_run=False)

    assert report.has_errors and not report.applied
    assert [(issue.row, issue.column) for issue in report.errors] == [(1201, "JENIS_KELAMIN")]
    assert Employee.objects.count() == 0


def test_a_failure_while_writing_the_last_batch_leaves_nothing_behind(
    client, hr_user, unit, sheet_file, background, monkeypatch
):
    client.force_login(hr_user)
    job = upload(client, sheet_file(bulk_staff_rows(1200, UNIT_CODES), ext="csv"))
    jobs.import_job_run(job_id=job.pk)
    client.post(reverse("org:import-confirm", args=[job.token]))
    batches = []
    update_rows = ledger.update_rows

    def failing_last(model, instances, names):
        batches.append(len(instances))
        if len(batches) == 3:  # 1,199 supervisor links in batches of 500: the third is the last
            raise IntegrityError("conflict")
        update_rows(model, instances, names)

    monkeypatch.setattr(ledger, "update_rows", failing_last)
    jobs.import_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert batches[:2] == [500, 500]
    assert Employee.objects.count() == 0
    assert job.status == ImportJob.Status.CHECKED and "tidak ada yang disimpan" in job.error


def test_the_report_download_has_every_rows_errors(client, hr_user, unit, sheet_file, background, settings):
    settings.ORG_IMPORT_BACKGROUND_KB = 10_000  # checked in the request
    rows = bulk_staff_rows(600, UNIT_CODES)
    for row in rows[1:]:
        row[2] = "X"
    client.force_login(hr_user)
    job = upload(client, sheet_file(rows, ext="csv"))

    response = client.get(reverse("org:import-report", args=[job.token]))

    assert response.status_code == 200 and response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)))["Baris"]
    lines = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(lines) == 600 > jobs.ROWS_SHOWN  # every row, beyond the 500 the page lists
    assert all(line[2] == "galat" and line[4].startswith("JENIS_KELAMIN: ") for line in lines)
    assert job.report["error_count"] == 600 and len(job.report["errors"]) == jobs.ROWS_SHOWN


def test_another_users_report_is_a_404(client, hr_user, unit, sheet_file, import_media, django_user_model):
    client.force_login(hr_user)
    job = upload(client, sheet_file(bulk_staff_rows(3, UNIT_CODES), ext="csv"))
    other = django_user_model.objects.create(username="hr2", is_superuser=True)
    client.force_login(other)
    assert client.get(reverse("org:import-report", args=[job.token])).status_code == 404


def test_the_statements_per_batch_do_not_grow_with_the_file(hr_user, unit, sheet_file, monkeypatch):
    """Writing costs a fixed number of statements per batch of rows, whatever the file's size."""
    monkeypatch.setattr(ledger, "BATCH_SIZE", 10)
    counts = []
    for size in (10, 20, 30):
        Employee.objects.all().delete()
        Position.objects.all().delete()
        path = sheet_file(bulk_staff_rows(size, UNIT_CODES), ext="csv", name=f"b{size}")
        counts.append(
            statements(lambda p=path: import_file(kind="pegawai", path=p, acting_user=hr_user, dry_run=False))
        )
    per_batch = counts[1] - counts[0]
    assert counts[2] - counts[1] == per_batch == 2  # one INSERT of new rows, one UPDATE of their supervisors
