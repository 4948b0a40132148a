"""The import service: check a file and, when it is clean and not a dry run, write all of it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import StrEnum
from functools import partial
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


class Phase(StrEnum):
    """The parts of a step that report progress. Checking has none: it runs through the rows in memory."""

    READ = "read"
    WRITE = "write"


PhasedProgress = Callable[[Phase, int, int], None]  # (phase, done, expected)


def import_file(
    *, kind: str, path: Path, acting_user: User, dry_run: bool, on_progress: PhasedProgress | None = None
) -> ImportReport:
    """Import one exchange file, all or nothing (docs/import-export.md).

    The dry run and the real run share every check; the real run writes only when no row has an
    error, inside one transaction, and unchanged rows are not written, so importing the same
    file twice changes nothing the second time. ``on_progress`` hears the rows read, then the rows
    written, statement by statement; the write reports from inside the transaction, so whoever
    shows it must write it elsewhere (``jobs`` uses its own connection).
    """
    try:
        sheet = read_sheet(path, on_progress=_phase(on_progress, Phase.READ))
    except ImportFileError as exc:
        return ImportReport(kind=kind, issues=[Issue(0, "", str(exc))])
    on_written = _phase(on_progress, Phase.WRITE)
    return _check_and_write(kind=kind, sheet=sheet, acting_user=acting_user, dry_run=dry_run, on_written=on_written)


def _phase(on_progress: PhasedProgress | None, phase: Phase) -> Progress | None:
    return partial(on_progress, phase) if on_progress else None


@transaction.atomic
def _check_and_write(
    *, kind: str, sheet: Sheet, acting_user: User, dry_run: bool, on_written: Progress | None
) -> ImportReport:
    plan = plan_sheet(KINDS[kind], sheet)
    if dry_run or plan.report.has_errors:
        return plan.report
    plan.save(on_progress=on_written)
    plan.report.applied = True
    logger.info(
        "Import %s by %s: %s",
        kind,
        acting_user,
        "; ".join(f"{c.label} +{c.created} ~{c.updated} ={c.unchanged}" for c in plan.report.counts),
    )
    return plan.report
