"""XLSX exports: the raw responses (one row each, anonymous) and the unit's report."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.styles import Font

from core.xlsx import XLSX_CONTENT_TYPE, DataSheet, XlsxWriter

from .elements import ordered_elements
from .models import Response, ResponseQuerySet
from .reports import UnitReport
from .selectors import OFFICER_CHUNK, officer_results

__all__ = ["XLSX_CONTENT_TYPE", "report_xlsx", "responses_xlsx"]

BOLD = Font(bold=True)


def _sheet(writer: XlsxWriter, title, header: list) -> DataSheet:
    sheet = writer.add_sheet(title)
    sheet.append(header, font=BOLD)
    return sheet


def responses_xlsx(responses: ResponseQuerySet) -> bytes:
    """Every response with its answers by element code, profile and review state; no address or device."""
    writer = XlsxWriter()
    elements = ordered_elements()
    sheet = _sheet(
        writer,
        _("Respons"),
        [_("No."), _("Waktu"), _("Unit"), _("Layanan"), _("Petugas")]
        + [element.code for element in elements]
        + [_("Jenis kelamin"), _("Usia"), _("Pendidikan"), _("Pekerjaan"), _("Saran"), _("Sumber")]
        + [_("Dicurigai"), _("Dikecualikan"), _("Alasan pengecualian")],
    )
    rows = responses.select_related("unit", "service", "officer").order_by("submitted_at", "pk")
    for response in rows.iterator(chunk_size=2000):
        sheet.append(_response_row(response, elements))
    return writer.to_bytes()


def _response_row(response: Response, elements) -> list:
    local = timezone.localtime(response.submitted_at).replace(tzinfo=None)
    return [
        response.pk,
        local,
        response.unit.code,
        response.service.name if response.service else "",
        response.officer.full_name if response.officer else "",
        *(getattr(response, element.field) for element in elements),
        response.get_gender_display(),
        response.age,
        response.get_education_display(),
        " / ".join(filter(None, [response.get_occupation_display(), response.occupation_other])),
        response.suggestion,
        response.get_source_display(),
        response.suspicious_reason,
        timezone.localtime(response.excluded_at).replace(tzinfo=None) if response.excluded_at else None,
        response.exclusion_reason,
    ]


def report_xlsx(report: UnitReport) -> bytes:
    """The results page as sheets: summary, elements, services, officers, months, sub-units, profile."""
    writer = XlsxWriter()
    summary = writer.add_sheet(_("Ringkasan"))
    result = report.result
    for label, value in [
        (_("Unit"), report.unit.name),
        (_("Layanan"), report.service.name if report.service else _("Semua layanan")),
        (_("Periode"), report.period.label),
        (_("Jumlah respons"), result.responses),
        (_("Respons dikecualikan"), result.excluded),
        (_("Sampel minimum (Krejcie & Morgan)"), report.minimum_sample),
        (_("IKM (skala 1–4)"), result.ikm),
        (_("IKM (skala 25–100)"), result.score),
        (_("Mutu pelayanan"), f"{result.grade.letter} ({result.grade.label})" if result.grade else "—"),
        (_("Bobot unsur"), result.weight_mode),
        (_("Prioritas perbaikan"), ", ".join(f"{e.code} {e.name}" for e in result.priorities)),
        (_("Pengaduan diterima"), report.complaints.received),
        (
            _("Ditanggapi ≤ %(days)s hari (%%)") % {"days": report.complaints.within_days},
            report.complaints.answered_within_percent,
        ),
    ]:
        summary.append([str(label), value if isinstance(value, int | Decimal) or value is None else str(value)])
    _elements_sheet(writer, report)
    _grouped_sheet(writer, _("Per layanan"), [(s.name if s else _("Tanpa layanan"), r) for s, r in report.by_service])
    officers = officer_results(report.officers.iterator(chunk_size=OFFICER_CHUNK))
    _grouped_sheet(writer, _("Per petugas"), ((employee.full_name, result) for employee, result in officers))
    _grouped_sheet(writer, _("Per bulan"), [(m.strftime("%Y-%m"), r) for m, r in report.by_month])
    _grouped_sheet(writer, _("Sub-unit"), [(u.name, r) for u, r in report.subunits])
    _profile_sheet(writer, report)
    return writer.to_bytes()


def _elements_sheet(writer: XlsxWriter, report: UnitReport) -> None:
    sheet = _sheet(
        writer, _("Unsur"), [_("Kode"), _("Unsur"), _("Jumlah pengisi"), _("Jumlah nilai"), _("NRR"), _("Nilai 25–100")]
    )
    for element in report.result.elements:
        sheet.append([element.code, str(element.name), element.answered, element.total, element.nrr, element.score])


def _grouped_sheet(writer: XlsxWriter, title, rows) -> None:
    sheet = _sheet(writer, title, [_("Nama"), _("Respons"), _("IKM (25–100)"), _("Mutu")])
    for name, result in rows:
        sheet.append([str(name), result.responses, result.score, result.grade.letter if result.grade else None])


def _profile_sheet(writer: XlsxWriter, report: UnitReport) -> None:
    sheet = _sheet(writer, _("Profil responden"), [_("Karakteristik"), _("Kategori"), _("Jumlah"), _("Persen")])
    for field, shares in report.profile.items():
        for share in shares:
            sheet.append([field, share.label, share.count, share.percent])
