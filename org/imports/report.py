"""What an import found and did: per-row outcomes, issues in Indonesian, counts per entity."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    CREATE = "create", _("baru")
    UPDATE = "update", _("diubah")
    UNCHANGED = "unchanged", _("tetap")
    ERROR = "error", _("galat")


@dataclass(frozen=True)
class Issue:
    """A message about one cell (``column``), one row (``column`` empty) or the file (``row`` 0)."""

    row: int
    column: str
    message: str
    warning: bool = False


@dataclass(frozen=True)
class RowOutcome:
    row: int
    key: str
    action: Action
    changed: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityCount:
    label: str
    created: int
    updated: int
    unchanged: int

    @property
    def changed(self) -> int:
        return self.created + self.updated


@dataclass
class ImportReport:
    kind: str
    rows: list[RowOutcome] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    counts: list[EntityCount] = field(default_factory=list)
    applied: bool = False
    # What a source file needs HR to map before it can be checked (org.imports.sources.Pending).
    mappings: dict | None = None

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self.issues if not issue.warning]

    @property
    def warnings(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.warning]

    @property
    def has_errors(self) -> bool:
        return any(not issue.warning for issue in self.issues)

    @property
    def changed(self) -> int:
        """Rows created or updated across every entity; 0 means the file is already in the database."""
        return sum(count.changed for count in self.counts)

    @property
    def error_rows(self) -> int:
        return sum(1 for row in self.rows if row.action == Action.ERROR)


@dataclass(frozen=True)
class StoredReport:
    """What the dry-run page shows of a report, as kept on the import job (JSON).

    Totals are exact; the issues and changed rows are the first ``limit`` of each, which is all the
    page lists, so the stored report stays small however large the file.
    """

    kind: str
    applied: bool
    row_count: int
    error_rows: int
    error_count: int
    warning_count: int
    change_count: int
    counts: list[EntityCount]
    errors: list[Issue]
    warnings: list[Issue]
    changes: list[RowOutcome]
    mappings: dict | None = None

    @classmethod
    def of(cls, report: ImportReport, *, limit: int) -> StoredReport:
        changes = [row for row in report.rows if row.action in (Action.CREATE, Action.UPDATE)]
        return cls(
            kind=report.kind,
            applied=report.applied,
            row_count=len(report.rows),
            error_rows=report.error_rows,
            error_count=len(report.errors),
            warning_count=len(report.warnings),
            change_count=len(changes),
            counts=report.counts,
            errors=report.errors[:limit],
            warnings=report.warnings[:limit],
            changes=changes[:limit],
            mappings=report.mappings,
        )

    @classmethod
    def from_json(cls, data: dict) -> StoredReport:
        return cls(
            **{
                **data,
                "counts": [EntityCount(**count) for count in data["counts"]],
                "errors": [Issue(**issue) for issue in data["errors"]],
                "warnings": [Issue(**issue) for issue in data["warnings"]],
                "changes": [_outcome_from_json(row) for row in data["changes"]],
            }
        )

    def to_json(self) -> dict:
        return asdict(self)

    @property
    def has_errors(self) -> bool:
        return self.error_count > 0

    @property
    def changed(self) -> int:
        return sum(count.changed for count in self.counts)


def _outcome_from_json(data: dict) -> RowOutcome:
    return RowOutcome(data["row"], data["key"], Action(data["action"]), tuple(data["changed"]))
