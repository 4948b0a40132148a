"""Technical competencies file: upsert by code, with the indicators of each of the five levels.

Only technical competencies come in by file; the managerial and socio-cultural dictionary is seeded
and a row naming one of its codes is refused rather than turning it into a technical one.
"""

from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext_lazy as _

from org.imports.ledger import Ledger
from org.imports.planning import ParsedRow, Plan, build_report, field_values, parse_rows, unique_rows, validate
from org.imports.reading import Sheet
from org.imports.report import Action, RowOutcome
from training.models import Competency, CompetencyLevel

from .columns import COMPETENCIES, LEVEL_HEADERS

NOT_TECHNICAL = _("Kode %(code)s adalah kompetensi %(kind)s bawaan; berkas ini hanya untuk kompetensi teknis.")


def plan_competencies(sheet: Sheet) -> Plan:
    rows, issues = parse_rows(sheet, COMPETENCIES)
    kept = unique_rows(rows, key=lambda row: row.values.get("KODE") or None, column="KODE")
    existing = _existing([row.values["KODE"] for row in kept])
    competencies = Ledger(Competency, ["name", "description", "is_active"])
    levels = Ledger(CompetencyLevel, ["indicators"])
    for row in kept:
        competency = existing.get(row.values["KODE"]) or Competency(kind=Competency.Kind.TECHNICAL)
        row.entry = competencies.track(row.values["KODE"], competency, row)
        for name, value in field_values(row, COMPETENCIES).items():
            setattr(competency, name, value)
        if _is_technical(row, competency):
            validate(row, competency, COMPETENCIES, exclude=[])
            _track_levels(row, competency, levels)
    plan = build_report(
        COMPETENCIES,
        rows,
        issues,
        key=lambda row: row.values.get("KODE", ""),
        ledgers={
            Competency._meta.verbose_name_plural: competencies,
            CompetencyLevel._meta.verbose_name_plural: levels,
        },
    )
    plan.report.rows = [_with_level_changes(outcome, levels) for outcome in plan.report.rows]
    return plan


def _with_level_changes(outcome: RowOutcome, levels: Ledger) -> RowOutcome:
    """A row whose only change is in its LEVEL_n cells is an update too, naming those columns."""
    if outcome.action != Action.UNCHANGED:
        return outcome
    changed = tuple(
        LEVEL_HEADERS[level - 1]
        for (_, level), entry in levels.entries.items()
        if entry.row.number == outcome.row and (entry.is_new or levels.changed_fields(entry))
    )
    return replace(outcome, action=Action.UPDATE, changed=changed) if changed else outcome


def _existing(codes: list[str]) -> dict[str, Competency]:
    """The competencies the file names, with their levels, in two queries."""
    found = Competency.objects.filter(code__in=codes).prefetch_related("levels")
    return {competency.code: competency for competency in found}


def _is_technical(row: ParsedRow, competency: Competency) -> bool:
    if competency.kind == Competency.Kind.TECHNICAL:
        return True
    row.fail("KODE", NOT_TECHNICAL % {"code": competency.code, "kind": competency.get_kind_display().lower()})
    return False


def _track_levels(row: ParsedRow, competency: Competency, ledger: Ledger) -> None:
    """One level row per LEVEL_n cell; a new competency's levels point at it until it has an id."""
    current = {level.level: level for level in competency.levels.all()} if competency.pk else {}
    for number, header in enumerate(LEVEL_HEADERS, start=1):
        if header not in row.values:
            continue
        level = current.get(number) or CompetencyLevel(competency=competency, level=number)
        ledger.track((competency.code, number), level, row)
        level.indicators = row.values[header]
