"""The whole report of an import step as a workbook: the page lists the first rows, this has them all.

Written once when the step ends (the report is complete only then) and kept beside the upload, so
the download never reads the file again. Every cell is data (``core.xlsx``): an imported name that
starts with ``=`` stays text.
"""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _
from openpyxl.styles import Font

from core.xlsx import XlsxWriter

from .report import Action, ImportReport

BOLD = Font(bold=True)


def report_workbook(report: ImportReport, *, filename: str) -> bytes:
    """Sheet ``Ringkasan`` (counts and file-level messages), sheet ``Baris`` (every row that is not unchanged)."""
    writer = XlsxWriter()
    summary = writer.add_sheet(_("Ringkasan"))
    summary.append([_("Laporan impor"), filename], font=BOLD)
    summary.append([_("Diimpor") if report.applied else _("Uji coba (belum disimpan)")])
    summary.append([_("Baris data"), len(report.rows)])
    summary.append([_("Baris dengan galat"), report.error_rows])
    summary.append([])
    summary.append([_("Data"), _("Baru"), _("Diubah"), _("Tetap")], font=BOLD)
    for count in report.counts:
        summary.append([count.label, count.created, count.updated, count.unchanged])
    for issue in (issue for issue in report.issues if issue.row == 0 or not report.rows):
        summary.append([_("Berkas"), issue.column, issue.message])
    _rows_sheet(writer, report)
    return writer.to_bytes()


def _rows_sheet(writer: XlsxWriter, report: ImportReport) -> None:
    errors, warnings = defaultdict(list), defaultdict(list)
    for issue in report.issues:
        text = f"{issue.column}: {issue.message}" if issue.column else issue.message
        (warnings if issue.warning else errors)[issue.row].append(text)
    sheet = writer.add_sheet(_("Baris"))
    sheet.append([_("Baris"), _("Kunci"), _("Hasil"), _("Kolom berubah"), _("Galat"), _("Peringatan")], font=BOLD)
    for row in report.rows:
        if row.action == Action.UNCHANGED and not warnings[row.row]:
            continue
        sheet.append(
            [
                row.row,
                row.key,
                str(row.action.label),
                ", ".join(row.changed),
                "\n".join(errors[row.row]),
                "\n".join(warnings[row.row]),
            ]
        )
