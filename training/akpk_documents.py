"""The AKPK as files: a workbook shaped like BPSDM's AKPK form (``core.xlsx``, so no cell is ever a
formula) and a PDF summary for the leadership (WeasyPrint, the fonts and base template of the
appraisal documents)."""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from appraisal.documents import pdf_response, place_date
from core.xlsx import DataSheet, XlsxWriter
from org.models import Position

from .akpk import ProgrammePlan, Report, individual_rows, need_rows

BOLD = Font(bold=True)
SUMMARY_ROWS = 10  # targets, units and programmes the summary lists; the workbook has them all
EXPORT_CHUNK = 2000
COLUMN_WIDTH = 22


def scope_label(report: Report) -> str:
    filters = report.filters
    unit = _("%(unit)s beserta sub-unit") % {"unit": filters.unit.name} if filters.unit else _("Semua unit kerja")
    kind = Position.Kind(filters.position_kind).label if filters.position_kind else _("semua jenis jabatan")
    return f"{unit}; {kind}"


def _heading(sheet: DataSheet, title: str, report: Report, header: list[str]) -> None:
    """The form's title block, then its columns: the row number and ``header`` (msgids, translated here)."""
    for index in range(len(header) + 1):  # widths come first in a streamed sheet
        sheet.worksheet.column_dimensions[get_column_letter(index + 1)].width = COLUMN_WIDTH if index else 6
    sheet.append([title], font=BOLD)
    sheet.append([_("Periode"), report.filters.period.year])
    sheet.append([_("Cakupan"), scope_label(report)])
    sheet.append([])
    sheet.append([pgettext("nomor urut", "No"), *(_(label) for label in header)], font=BOLD)


def akpk_workbook(report: Report) -> bytes:
    """Individual, position, unit and organisation levels, one sheet each, with the form's columns."""
    total = [_("Jumlah"), None, None, report.total_needs, report.employees_with_needs, report.total_priority]
    levels = [
        (_("Individu"), _("AKPK tingkat individu"), INDIVIDUAL_HEADER, _individual_rows(report), []),
        (_("Jabatan"), _("AKPK tingkat jabatan"), POSITION_HEADER, _position_rows(report), []),
        (_("Unit kerja"), _("AKPK per unit kerja (beserta sub-unit)"), UNIT_HEADER, _unit_rows(report), []),
        (_("Organisasi"), _("AKPK tingkat organisasi"), ORGANISATION_HEADER, _organisation_rows(report), [[], total]),
    ]
    writer = XlsxWriter()
    for name, title, header, rows, footer in levels:
        sheet = writer.add_sheet(name)
        _heading(sheet, title, report, header)
        for number, values in enumerate(rows, start=1):
            sheet.append([number, *values])
        for values in footer:
            sheet.append(values)
    return writer.to_bytes()


# Column headers after "No", as msgids: the AKPK form's own words, translated when written.
INDIVIDUAL_HEADER = [
    gettext_noop("Nama"),
    gettext_noop("NIP"),
    gettext_noop("Jabatan"),
    gettext_noop("Unit kerja"),
    gettext_noop("Kompetensi"),
    gettext_noop("Level saat ini"),
    gettext_noop("Level dibutuhkan"),
    gettext_noop("Kesenjangan"),
    gettext_noop("Prioritas"),
    gettext_noop("Dasar kebutuhan"),
    gettext_noop("Bentuk pengembangan yang diusulkan"),
    gettext_noop("JP"),
]
POSITION_HEADER = [
    gettext_noop("Jabatan"),
    gettext_noop("Unit kerja"),
    gettext_noop("Kompetensi"),
    gettext_noop("Level dibutuhkan"),
    gettext_noop("Pemegang jabatan"),
    gettext_noop("Di bawah standar"),
    gettext_noop("Rata-rata kesenjangan"),
    gettext_noop("Kebutuhan"),
    gettext_noop("Prioritas"),
]
UNIT_HEADER = [
    gettext_noop("Unit kerja"),
    gettext_noop("Kebutuhan"),
    gettext_noop("Pegawai"),
    gettext_noop("Prioritas"),
    gettext_noop("Kebutuhan terbanyak"),
]
ORGANISATION_HEADER = [
    gettext_noop("Kompetensi"),
    gettext_noop("Jenis"),
    gettext_noop("Kebutuhan"),
    gettext_noop("Pegawai"),
    gettext_noop("Prioritas"),
]


def _individual_rows(report: Report) -> Iterator[list]:
    for row in individual_rows(need_rows(report.filters).iterator(chunk_size=EXPORT_CHUNK)):
        employee, proposal = row.need.employee, row.proposal
        yield [
            employee.name,
            employee.nip,
            employee.position.name,
            employee.unit.name,
            row.target.label,
            row.current,
            row.required,
            row.gap,
            row.need.priority,
            row.basis,
            f"{proposal.form.name}: {proposal.title} ({proposal.code})" if proposal else None,
            proposal.jp if proposal else None,
        ]


def _position_rows(report: Report) -> Iterator[list]:
    for row in report.positions:
        yield [
            row.position.name,
            row.position.unit.name,
            row.target.label,
            row.required,
            row.holders,
            row.below,
            row.mean_gap,
            row.tally.needs,
            row.tally.priority,
        ]


def _unit_rows(report: Report) -> Iterator[list]:
    for row in report.units:
        top = "; ".join(f"{target.label} ({count})" for target, count in row.top)
        yield ["  " * row.depth + row.unit.name, row.needs, row.employees, row.priority, top]


def _organisation_rows(report: Report) -> Iterator[list]:
    for row in report.targets:
        yield [row.target.label, row.target.kind, row.tally.needs, row.tally.employees, row.tally.priority]


def summary_response(report: Report, plan: ProgrammePlan):
    context = {
        "report": report,
        "plan": plan,
        "scope": scope_label(report),
        "targets": report.targets[:SUMMARY_ROWS],
        "units": [row for row in report.units if row.depth <= 1][:SUMMARY_ROWS],
        "plan_rows": plan.rows[:SUMMARY_ROWS],
        "place_date": place_date(settings.APPRAISAL_DOCUMENT_PLACE, timezone.localdate()),
    }
    filename = f"ringkasan-akpk-{report.filters.period.year}.pdf"
    return pdf_response("training/documents/akpk_summary.html", context, filename)
