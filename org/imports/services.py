"""The import service: check a file and, when it is clean and not a dry run, write all of it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from django.db import transaction

from .employees import plan_employees
from .positions import plan_positions
from .reading import ImportFileError, read_sheet
from .report import ImportReport, Issue
from .units import plan_units

if TYPE_CHECKING:
    from org.models import User

logger = logging.getLogger(__name__)

PLANNERS = {"unit": plan_units, "jabatan": plan_positions, "pegawai": plan_employees}


@transaction.atomic
def import_file(*, kind: str, path: Path, acting_user: User, dry_run: bool) -> ImportReport:
    """Import one exchange file, all or nothing (docs/import-export.md).

    The dry run and the real run share every check; the real run writes only when no row has an
    error, inside one transaction, and unchanged rows are not written, so importing the same
    file twice changes nothing the second time.
    """
    try:
        sheet = read_sheet(path)
    except ImportFileError as exc:
        return ImportReport(kind=kind, issues=[Issue(0, "", str(exc))])
    plan = PLANNERS[kind](sheet)
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
