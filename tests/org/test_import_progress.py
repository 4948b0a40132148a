"""The progress bar of an import job: reading, then the write in steps, seen outside the import's transaction."""

from __future__ import annotations

import threading
from math import ceil

import pytest
from django.db import connection
from django.urls import reverse

from core.pulse import Pulse
from org.imports import jobs, ledger, reading
from org.models import Employee, ImportJob
from tests.org.bulk_rows import bulk_staff_rows
from tests.polling import wait_for

ROWS = 500


@pytest.fixture
def small_steps(settings, import_media, monkeypatch):
    """Every upload goes to the worker; reading reports every 100 rows and the write 50 rows a statement."""
    settings.ORG_IMPORT_BACKGROUND_KB = 0
    monkeypatch.setattr(reading, "PROGRESS_EVERY", 100)
    monkeypatch.setattr(ledger, "BATCH_SIZE", 50)


@pytest.fixture
def pokes(monkeypatch) -> list[int]:
    """Every progress value the job hands to its pulse, in order."""
    seen = []
    poke = Pulse.poke

    def recording(self, **values):
        seen.append(values["progress"])
        poke(self, **values)

    monkeypatch.setattr(Pulse, "poke", recording)
    return seen


def checked_job(client, hr_user, sheet_file) -> ImportJob:
    """A job whose dry run ran (on the "worker"), confirmed by HR: queued for the real import."""
    client.force_login(hr_user)
    with sheet_file(bulk_staff_rows(ROWS, ["DINKES"]), ext="csv").open("rb") as handle:
        client.post(reverse("org:import-upload"), {"kind": "pegawai", "file": handle})
    job = ImportJob.objects.get()
    jobs.import_job_run(job_id=job.pk)
    client.post(reverse("org:import-confirm", args=[job.token]))
    job.refresh_from_db()
    assert (job.status, job.confirmed) == (ImportJob.Status.QUEUED, True)
    return job


def test_the_bar_rises_through_reading_and_then_through_the_write_in_steps(
    client, hr_user, unit, sheet_file, small_steps, pokes
):
    job = checked_job(client, hr_user, sheet_file)
    dry_run = list(pokes)
    pokes.clear()

    jobs.import_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert (job.status, job.progress, Employee.objects.count()) == (ImportJob.Status.APPLIED, 100, ROWS)
    assert dry_run == sorted(dry_run) and len(dry_run) == ROWS // 100 and dry_run[-1] <= 90
    read, write = pokes[: ROWS // 100], pokes[ROWS // 100 :]
    assert read == sorted(read) and read[-1] <= 5
    # Two new positions, the employees, then every supervisor link but the head's: one step per statement.
    statements = ceil(2 / 50) + ceil(ROWS / 50) + ceil((ROWS - 1) / 50)
    assert len(write) == 1 + statements
    assert write == sorted(write) and (write[0], write[-1]) == (60, 99)
    assert len(set(write)) > statements // 2  # steps, not a jump


def test_an_import_that_writes_nothing_ends_the_write_at_its_end(client, hr_user, unit, sheet_file, small_steps, pokes):
    jobs.import_job_run(job_id=checked_job(client, hr_user, sheet_file).pk)
    job = checked_job(client, hr_user, sheet_file)  # the same file again: every row unchanged
    pokes.clear()

    jobs.import_job_run(job_id=job.pk)

    assert pokes[-1] == 99 and ImportJob.objects.get().status == ImportJob.Status.APPLIED


@pytest.mark.django_db(transaction=True)
def test_the_write_phase_progress_is_seen_while_the_import_transaction_is_open(
    client, hr_user, unit, sheet_file, small_steps, monkeypatch
):
    job = checked_job(client, hr_user, sheet_file)
    midway, release = threading.Event(), threading.Event()
    update_rows = ledger.update_rows

    def pausing(model, instances, names):
        update_rows(model, instances, names)
        if model is Employee and not midway.is_set():  # the first batch of supervisor links
            midway.set()
            release.wait(timeout=30)

    monkeypatch.setattr(ledger, "update_rows", pausing)
    worker = threading.Thread(target=_run_and_close, args=(job.pk,))
    worker.start()
    try:
        assert midway.wait(timeout=60)
        seen = wait_for(lambda: ImportJob.objects.filter(pk=job.pk, progress__gt=60).first())
        uncommitted = Employee.objects.count()
    finally:
        release.set()
        worker.join(timeout=60)

    assert seen is not None and 60 < seen.progress < 99
    assert uncommitted == 0  # still all or nothing: the employees were written, not yet committed
    job.refresh_from_db()
    assert (job.status, job.progress, Employee.objects.count()) == (ImportJob.Status.APPLIED, 100, ROWS)


def test_the_phase_spans_place_the_bar(db):
    assert jobs.bar_position(jobs.IMPORT_BAR, jobs.Phase.WRITE, 0, 0) == 99
    assert jobs.bar_position(jobs.IMPORT_BAR, jobs.Phase.WRITE, 0, 10) == 60
    assert jobs.bar_position(jobs.IMPORT_BAR, jobs.Phase.WRITE, 1, 2) == 79
    assert jobs.bar_position(jobs.IMPORT_BAR, jobs.Phase.READ, 7, 5) == 5  # an estimate the file outgrew


def _run_and_close(job_id: int) -> None:
    try:
        jobs.import_job_run(job_id=job_id)
    finally:
        connection.close()
