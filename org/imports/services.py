"""The import service: check a file and, when it is clean and not a dry run, write all of it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from django.db import transaction

from .kinds import KINDS
from .reading import ImportFileError, Progress, Sheet, read_sheet
from .report import ImportReport, Issue
from .sources import plan_sheet

if TYPE_CHECKING:
    from org.models import User

logger = logging.getLogger(__name__)


def import_file(
    *, kind: str, path: Path, acting_user: User, dry_run: bool, on_progress: Progress | None = None
) -> ImportReport:
    """Import one exchange file, all or nothing (docs/import-export.md).

    The dry run and the real run share every check; the real run writes only when no row has an
    error, inside one transaction, and unchanged rows are not written, so importing the same
    file twice changes nothing the second time. The file is read before the transaction opens,
    so the progress a worker reports while reading is visible to the page polling it.
    """
    try:
        sheet = read_sheet(path, on_progress=on_progress)
    except ImportFileError as exc:
        return ImportReport(kind=kind, issues=[Issue(0, "", str(exc))])
    return _check_and_write(kind=kind, sheet=sheet, acting_user=acting_user, dry_run=dry_run)


@transaction.atomic
def _check_and_write(*, kind: str, sheet: Sheet, acting_user: User, dry_run: bool) -> ImportReport:
    plan = plan_sheet(KINDS[kind], sheet)
    if dry_run or plan.report.has_errors:
        return plan.report
    plan.save()
    plan.report.applied = True
    logger.info(
        "Import %s by %s: %s",
        kind,
        acting_user,
        "; ".join(f"{c.label} +{c.created} ~{c.updated} ={c.unchanged}" for c in plan.report.counts),
    )
    return plan.report
