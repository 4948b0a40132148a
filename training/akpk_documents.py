"""The AKPK as files: a workbook shaped like BPSDM's AKPK form (``core.xlsx``, so no cell is ever a
formula) and a PDF summary for the leadership (WeasyPrint, the fonts and base template of the
appraisal documents)."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext
from openpyxl.styles import Font

from appraisal.documents import pdf_response, place_date
from core.xlsx import DataSheet, XlsxWriter
from org.models import Position

from .akpk import ProgrammePlan, Report, individual_rows, need_rows

BOLD = Font(bold=True)
SUMMARY_ROWS = 10  # targets, units and programmes the summary lists; the workbook has them all
EXPORT_CHUNK = 2000


def scope_label(report: Report) -> str:
    filters = report.filters
    unit = _("%(unit)s beserta sub-unit") % {"unit": filters.unit.name} if filters.unit else _("Semua unit kerja")
    kind = Position.Kind(filters.position_kind).label if filters.position_kind else _("semua jenis jabatan")
    return f"{unit}; {kind}"


def _heading(sheet: DataSheet, title: str, report: Report, header: list[str]) -> None:
    """The form's title block, then its columns: the row number and ``header`` (msgids, translated here)."""
    sheet.append([title], font=BOLD)
    sheet.append([_("Periode"), report.filters.period.year])
    sheet.append([_("Cakupan"), scope_label(report)])
    sheet.append([])
    sheet.append([pgettext("nomor urut", "No"), *(_(label) for label in header)], font=BOLD)


def akpk_workbook(report: Report) -> bytes:
    """Individual, position, unit and organisation levels, one sheet each, with the form's columns."""
    writer = XlsxWriter()
    _individual_sheet(writer.add_sheet(_("Individu")), report)
    _position_sheet(writer.add_sheet(_("Jabatan")), report)
    _unit_sheet(writer.add_sheet(_("Unit kerja")), report)
    _organisation_sheet(writer.add_sheet(_("Organisasi")), report)
    return writer.to_bytes()


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


def _individual_sheet(sheet: DataSheet, report: Report) -> None:
    _heading(sheet, _("AKPK tingkat individu"), report, INDIVIDUAL_HEADER)
    for row in individual_rows(need_rows(report.filters).iterator(chunk_size=EXPORT_CHUNK)):
        employee, proposal = row.need.employee, row.proposal
        sheet.append(
            [
                row.number,
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
        )


def _position_sheet(sheet: DataSheet, report: Report) -> None:
    header = [
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
    _heading(sheet, _("AKPK tingkat jabatan"), report, header)
    for number, row in enumerate(report.positions, start=1):
        sheet.append(
            [
                number,
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
        )


def _unit_sheet(sheet: DataSheet, report: Report) -> None:
    header = [
        gettext_noop("Unit kerja"),
        gettext_noop("Kebutuhan"),
        gettext_noop("Pegawai"),
        gettext_noop("Prioritas"),
        gettext_noop("Kebutuhan terbanyak"),
    ]
    _heading(sheet, _("AKPK per unit kerja (beserta sub-unit)"), report, header)
    for number, row in enumerate(report.units, start=1):
        top = "; ".join(f"{target.label} ({count})" for target, count in row.top)
        sheet.append([number, "  " * row.depth + row.unit.name, row.needs, row.employees, row.priority, top])


def _organisation_sheet(sheet: DataSheet, report: Report) -> None:
    header = [
        gettext_noop("Kompetensi"),
        gettext_noop("Jenis"),
        gettext_noop("Kebutuhan"),
        gettext_noop("Pegawai"),
        gettext_noop("Prioritas"),
    ]
    _heading(sheet, _("AKPK tingkat organisasi"), report, header)
    for number, row in enumerate(report.targets, start=1):
        tally = row.tally
        sheet.append([number, row.target.label, row.target.kind, tally.needs, tally.employees, tally.priority])
    sheet.append([])
    sheet.append([_("Jumlah"), None, None, report.total_needs, report.employees_with_needs, report.total_priority])


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
