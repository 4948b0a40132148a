"""Import jobs: an upload kept server-side, read once per step, its report stored for the pages.

Step one checks the file (dry run) and step two, once HR confirms, imports it. Each step reads the
file once and stores what it found on the job, so the preview page never reads the file again. A
file above ``ORG_IMPORT_BACKGROUND_KB`` runs its steps on a Celery worker while the page polls the
job's progress; a smaller one runs in the request. Either way the same service does the work
(docs/import-export.md). The file never travels back to the browser; a job belongs to its uploader.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial
from pathlib import Path
from uuid import uuid4

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.outbox import enqueue_on_commit
from core.pulse import Pulse
from org.models import Employee, ImportJob, User
from org.tasks import import_job_run as import_job_run_task

from .columns import EMPLOYEES
from .report import ImportReport, StoredReport
from .report_file import report_workbook
from .services import Phase, import_file

logger = logging.getLogger(__name__)

UPLOAD_DIR = "imports"
ROWS_SHOWN = 500
# The span of the bar (percent) each phase fills, per step. Checking reports nothing of its own: the
# bar rests where reading ended until the write starts (or the step ends). An import of 100 000 new
# employees took 87 s: reading 3 s, checking 52 s, writing 32 s, so the write starts at 60. It stops
# short of 100, which only the stored report shows.
DRY_RUN_BAR = {Phase.READ: (0, 90)}
IMPORT_BAR = {Phase.READ: (0, 5), Phase.WRITE: (60, 99)}
PROGRESS_BEAT_SECONDS = 5.0
IMPORT_HAS_ERRORS = _("Berkas masih berisi galat, jadi tidak ada data yang disimpan.")
IMPORT_CONFLICT = _("Data berubah saat impor berjalan, jadi tidak ada yang disimpan. Ulangi uji coba.")
JOB_FAILED = _("Berkas tidak dapat diproses karena galat di server; tidak ada data yang disimpan. Coba unggah ulang.")
Status = ImportJob.Status


def import_job_start(*, kind: str, upload: UploadedFile, acting_user: User) -> ImportJob:
    """Keep the upload and check it, replacing the uploader's previous job that is not running."""
    for job in ImportJob.objects.filter(owner=acting_user).exclude(status__in=[Status.QUEUED, Status.RUNNING]):
        _discard(job)
    _sweep_abandoned()
    token = uuid4()
    name = default_storage.save(f"{UPLOAD_DIR}/{token}{Path(upload.name).suffix.lower()}", upload)
    job = ImportJob.objects.create(
        token=token,
        owner=acting_user,
        kind=kind,
        filename=Path(upload.name).name[:255],
        stored_name=name,
        size=upload.size,
    )
    return _run_or_enqueue(job)


def import_job_confirm(*, job: ImportJob, acting_user: User) -> ImportJob:
    """Ask for the real import of a checked job; a job already running or done is left as it is."""
    claimed = ImportJob.objects.filter(pk=job.pk, owner=acting_user, status=Status.CHECKED).update(
        confirmed=True, status=Status.QUEUED, progress=0, error=""
    )
    job.refresh_from_db()
    return _run_or_enqueue(job) if claimed else job


def import_job_recheck(*, job: ImportJob, acting_user: User) -> ImportJob:
    """Run the dry run of a checked job again, e.g. once HR has mapped what the file needed."""
    claimed = ImportJob.objects.filter(pk=job.pk, owner=acting_user, status=Status.CHECKED).update(
        status=Status.QUEUED, progress=0, error=""
    )
    job.refresh_from_db()
    return _run_or_enqueue(job) if claimed else job


def _run_or_enqueue(job: ImportJob) -> ImportJob:
    if job.size > settings.ORG_IMPORT_BACKGROUND_KB * 1024:
        enqueue_on_commit(import_job_run_task, job.pk)
    else:
        import_job_run(job_id=job.pk)
    job.refresh_from_db()
    return job


def import_job_run(*, job_id: int) -> None:
    """Run the job's pending step (the dry run, or the import once confirmed) and store its report.

    The job is claimed with a conditional update, so a second delivery of the task does nothing.
    Whatever happens, the job ends CHECKED, APPLIED or FAILED: a page never polls forever.
    """
    if not ImportJob.objects.filter(pk=job_id, status=Status.QUEUED).update(status=Status.RUNNING):
        return
    job = ImportJob.objects.select_related("owner").get(pk=job_id)
    bar = IMPORT_BAR if job.confirmed else DRY_RUN_BAR
    try:
        # The pulse writes the progress on its own connection: the write phase runs in the import's
        # transaction, where an update of the job row would stay invisible until the end.
        with Pulse(partial(_show_progress, job.pk), every=PROGRESS_BEAT_SECONDS) as pulse, transaction.atomic():
            report = import_file(
                kind=job.kind,
                path=Path(default_storage.path(job.stored_name)),
                acting_user=job.owner,
                dry_run=not job.confirmed,
                on_progress=lambda phase, done, expected: pulse.poke(progress=bar_position(bar, phase, done, expected)),
            )
            if report.applied and names_employees(job):
                remember_employees(job, [row.key for row in report.rows])
        _keep_report_file(job, report)
    except IntegrityError:
        _finish(job, status=Status.CHECKED, error=str(IMPORT_CONFLICT))
        return
    except Exception:  # noqa: BLE001 - any other failure ends the job, or its page would wait forever
        logger.exception("Import job %s failed", job_id)
        _finish(job, status=Status.FAILED, error=str(JOB_FAILED))
        return
    if report.applied:
        default_storage.delete(job.stored_name)
    error = str(IMPORT_HAS_ERRORS) if job.confirmed and not report.applied else ""
    stored = StoredReport.of(report, limit=ROWS_SHOWN).to_json()
    _finish(job, status=Status.APPLIED if report.applied else Status.CHECKED, error=error, report=stored)


def names_employees(job: ImportJob) -> bool:
    """An employees file: once applied, HR creates the accounts of its employees from its page."""
    return job.kind == EMPLOYEES.kind


def applied_employees_import(job: ImportJob) -> bool:
    return names_employees(job) and job.status == Status.APPLIED


def remember_employees(job: ImportJob, nips: list[str]) -> None:
    """Link the job to every employee of the file, created, updated or unchanged, in one statement.

    It runs in the import's transaction, so the links exist exactly when the import does. One
    INSERT ... SELECT over the NIP index: no row travels back to Python (docs/import-export.md).
    """
    links = ImportJob.employees.through
    quote = connection.ops.quote_name
    sql = "INSERT INTO {links} ({job}, {employee}) SELECT %s, e.{pk} FROM {employees} e WHERE e.{nip} = ANY(%s)"
    with connection.cursor() as cursor:
        cursor.execute(
            sql.format(
                links=quote(links._meta.db_table),
                job=quote(links._meta.get_field("importjob").column),
                employee=quote(links._meta.get_field("employee").column),
                pk=quote(Employee._meta.pk.column),
                employees=quote(Employee._meta.db_table),
                nip=quote(Employee._meta.get_field("nip").column),
            ),
            [job.pk, nips],
        )


def report_file_name(job: ImportJob) -> str:
    return f"{UPLOAD_DIR}/{job.token}-laporan.xlsx"


def _keep_report_file(job: ImportJob, report: ImportReport) -> None:
    """The full report for download, replacing the previous step's (written outside the import transaction)."""
    name = report_file_name(job)
    default_storage.delete(name)
    default_storage.save(name, ContentFile(report_workbook(report, filename=job.filename)))


def bar_position(bar: dict[Phase, tuple[int, int]], phase: Phase, done: int, expected: int) -> int:
    """Where ``done`` of ``expected`` puts the bar within the phase's span (nothing to do is done)."""
    start, end = bar[phase]
    return start + (end - start) * min(done, expected) // expected if expected else end


def _show_progress(job_id: int, *, progress: int = 0) -> None:
    ImportJob.objects.filter(pk=job_id, status=Status.RUNNING).update(progress=progress)


def _finish(job: ImportJob, *, status: str, error: str, **fields: object) -> None:
    """The end of a step. A confirmation that did not import goes back to the checked state."""
    ImportJob.objects.filter(pk=job.pk).update(
        status=status, error=error, progress=100, finished_at=timezone.now(), confirmed=False, **fields
    )


def _discard(job: ImportJob) -> None:
    default_storage.delete(job.stored_name)
    default_storage.delete(report_file_name(job))
    job.delete()


def _sweep_abandoned() -> None:
    """Delete jobs and files nobody confirmed within ORG_IMPORT_KEEP_HOURS; cheap enough on every upload."""
    cutoff = timezone.now() - timedelta(hours=settings.ORG_IMPORT_KEEP_HOURS)
    for job in ImportJob.objects.filter(created_at__lt=cutoff):
        _discard(job)
    try:
        _, files = default_storage.listdir(UPLOAD_DIR)
    except FileNotFoundError:
        return
    for filename in files:
        name = f"{UPLOAD_DIR}/{filename}"
        if default_storage.get_modified_time(name) < cutoff:
            default_storage.delete(name)
