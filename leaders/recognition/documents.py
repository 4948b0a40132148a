"""The lists as a workbook (``core.xlsx``: no cell is ever a formula) and the award certificate as a PDF
(WeasyPrint, the base template of the appraisal documents), always in Indonesian, as the Pemda issues it."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from appraisal.documents import pdf_response, place_date
from core.xlsx import XlsxWriter
from org.access import employee_of
from org.models import Position

from ..models import Nomination
from .rules import predikat_label
from .selectors import Lists, Row

BOLD = Font(bold=True)
COLUMN_WIDTH = 22
TOP_HEADER = [
    gettext_noop("Peringkat"),
    gettext_noop("Nama"),
    gettext_noop("NIP"),
    gettext_noop("Jabatan"),
    gettext_noop("Unit kerja"),
    gettext_noop("Diperingkat di"),
    gettext_noop("Skor Kinerja (indeks Kinerja)"),
    gettext_noop("Predikat"),
    gettext_noop("R"),
    gettext_noop("Dasar"),
]
COACHING_HEADER = [
    gettext_noop("No"),
    gettext_noop("Nama"),
    gettext_noop("NIP"),
    gettext_noop("Jabatan"),
    gettext_noop("Unit kerja"),
    gettext_noop("Predikat"),
    gettext_noop("R"),
    gettext_noop("Skor Kinerja (indeks Kinerja)"),
    gettext_noop("Dasar"),
    gettext_noop("Tindak lanjut"),
    gettext_noop("Status pembinaan"),
]


def _person(row: Row) -> list:
    employee = row.employee
    return [employee.full_name, employee.nip, employee.position.name, employee.unit.name]


def _plan_status(row: Row) -> str:
    plan = row.plan
    if plan is None:
        return _("Belum ada rencana")
    if plan.is_done:
        return _("Selesai")
    return _("Terlambat") if plan.is_overdue() else _("Berjalan")


def lists_workbook(lists: Lists, *, which: str, scope: str) -> bytes:
    """One sheet: the chosen list with the evidence in words, under a title block naming the filters."""
    top = which == "terbaik"
    title = _("Pegawai berkinerja terbaik") if top else _("Daftar pembinaan")
    header = TOP_HEADER if top else COACHING_HEADER
    writer = XlsxWriter()
    sheet = writer.add_sheet(title)
    for index in range(len(header)):  # widths come first in a streamed sheet
        sheet.worksheet.column_dimensions[get_column_letter(index + 1)].width = COLUMN_WIDTH if index else 10
    sheet.append([title], font=BOLD)
    sheet.append([_("Periode"), lists.period.year, _("Titik pantau"), lists.checkpoint])
    sheet.append([_("Cakupan"), scope])
    sheet.append([])
    sheet.append([_(label) for label in header], font=BOLD)
    for number, row in enumerate(lists.top if top else lists.coaching, start=1):
        score = row.score
        if top:
            values = [row.top.rank, *_person(row), row.group.name, score.score, predikat_label(score.predikat)]
            sheet.append([*values, score.results, "; ".join(row.evidence)])
        else:
            follow_up = row.plan.follow_up_on if row.plan else None
            values = [number, *_person(row), predikat_label(score.predikat), score.results, score.score]
            sheet.append([*values, "; ".join(row.evidence), follow_up, _plan_status(row)])
    return writer.to_bytes()


def scope_label(unit_name: str | None, position_kind: str) -> str:
    unit = _("%(unit)s beserta sub-unit") % {"unit": unit_name} if unit_name else _("Semua Perangkat Daerah")
    kind = Position.Kind(position_kind).label if position_kind else _("semua jenis jabatan")
    return f"{unit}; {kind}"


def _signer(user) -> str:
    """The approving HR officer as a certificate names them: their employee record, else their account."""
    employee = employee_of(user)
    return employee.full_name if employee else user.get_full_name() or user.username


def certificate_response(nomination: Nomination):
    """The award certificate of an approved nomination, in Indonesian whatever the reader's language."""
    with translation.override("id"):
        decided = timezone.localdate(nomination.decided_at)
        context = {
            "nomination": nomination,
            "employee": nomination.employee,
            "place_date": place_date(settings.APPRAISAL_DOCUMENT_PLACE, decided),
            "signer": _signer(nomination.decided_by),
        }
        filename = f"piagam-penghargaan-{nomination.employee.nip}-{nomination.period.year}.pdf"
        return pdf_response("leaders/recognition/certificate.html", context, filename)
