"""Every kind of exchange file the import jobs handle: org's own three and those other apps register.

The job, its dry-run page and its confirmation work the same for any kind, so an app above org that
imports a file of its own registers it from its ``AppConfig.ready()`` (docs/architecture.md: a lower
layer takes a registration from a higher one) instead of copying the machinery.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .columns import EMPLOYEES, POSITIONS, UNITS, Layout
from .employees import plan_employees
from .planning import Plan
from .positions import plan_positions
from .reading import Sheet
from .units import plan_units


@dataclass(frozen=True)
class ImportKind:
    """A file layout, the planner that checks it, and the pages around it (URL names)."""

    layout: Layout
    plan: Callable[[Sheet], Plan]
    done_url: str  # where a confirmed import lands
    upload_url: str  # where "upload another file" leads; ``?jenis=<kind>`` is added

    @property
    def kind(self) -> str:
        return self.layout.kind


KINDS: dict[str, ImportKind] = {
    kind.kind: kind
    for kind in (
        ImportKind(UNITS, plan_units, "org:unit-list", "org:import-upload"),
        ImportKind(POSITIONS, plan_positions, "org:unit-list", "org:import-upload"),
        ImportKind(EMPLOYEES, plan_employees, "org:employee-list", "org:import-upload"),
    )
}


def register(kind: ImportKind) -> None:
    """Add an app's kind; a kind name is taken once (it is stored on the jobs)."""
    if kind.kind in KINDS and KINDS[kind.kind] != kind:
        raise ValueError(f"Import kind {kind.kind!r} is already registered")
    KINDS[kind.kind] = kind
