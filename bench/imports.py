"""Benchmark: importing 100,000 employees, against reading the same file alone in the same run.

Builds a CSV of ``--rows`` employees (40 units, a supervisor per row, the columns of a SIMPEG
nominative list) in a temporary directory, then times, in this process:

- ``read``: ``org.imports.reading.read_sheet`` alone (the baseline),
- ``dry run``: ``import_file(dry_run=True)``,
- ``import``: ``import_file(dry_run=False)``, inside a transaction rolled back afterwards,
- ``remember``: the job's links to every employee of the file (``org.imports.jobs.remember_employees``,
  which an import job runs in the import's transaction),

and prints seconds, statements run and the ratios to the baseline. Uses the database of ``.env``
(run ``manage.py migrate`` first); it leaves nothing behind.

    set -a; . ./.env; set +a; .venv/bin/python bench/imports.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path
from uuid import uuid4

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from org.imports.jobs import remember_employees  # noqa: E402
from org.imports.reading import read_sheet  # noqa: E402
from org.imports.services import import_file  # noqa: E402
from org.models import Employee, ImportJob, Unit, User  # noqa: E402
from tests.org.bulk_rows import bulk_staff_rows  # noqa: E402

UNITS = 40
CODES = [f"BENCH{number:02d}" for number in range(UNITS)]


class Rollback(Exception):
    """Raised to undo the timed import."""


def write_file(path: Path, rows: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=";").writerows(bulk_staff_rows(rows, CODES))


def timed(label: str, run, baseline: float | None = None) -> float:
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = run()
        seconds = time.perf_counter() - started
    ratio = f"  ({seconds / baseline:.1f}x read)" if baseline else ""
    print(f"{label:<10} {seconds:7.2f} s  {len(queries):5d} statements{ratio}  {result or ''}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    settings.ORG_IMPORT_MAX_ROWS = max(settings.ORG_IMPORT_MAX_ROWS, args.rows + 1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pegawai.csv"
        write_file(path, args.rows)
        print(f"{args.rows} rows, {path.stat().st_size / 1024 / 1024:.1f} MB CSV")
        try:
            with transaction.atomic():
                run(path)
                raise Rollback
        except Rollback:
            pass


def run(path: Path) -> None:
    for code in CODES:
        Unit.objects.create(code=code, name=f"Bidang {code}", kind=Unit.Kind.BIDANG)
    user = User.objects.create(username="bench-importer")
    baseline = timed("read", lambda: f"{len(read_sheet(path).rows)} rows")

    def check(*, dry_run: bool):
        def go():
            report = import_file(kind="pegawai", path=path, acting_user=user, dry_run=dry_run)
            counts = ", ".join(f"{c.label} +{c.created} ~{c.updated}" for c in report.counts)
            return f"{len(report.errors)} errors; {counts}"

        return go

    timed("dry run", check(dry_run=True), baseline)
    timed("import", check(dry_run=False), baseline)
    job = ImportJob.objects.create(
        token=uuid4(), owner=user, kind="pegawai", filename=path.name, stored_name="", size=path.stat().st_size
    )
    nips = list(Employee.objects.values_list("nip", flat=True))
    timed("remember", lambda: remember_employees(job, nips), baseline)
    timed("re-import", check(dry_run=False), baseline)


if __name__ == "__main__":
    main()
