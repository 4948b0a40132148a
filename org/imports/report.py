"""What an import found and did: per-row outcomes, issues in Indonesian, counts per entity."""

from __future__ import annotations

from dataclasses import dataclass, field

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
