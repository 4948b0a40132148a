"""The dashboard as files: a workbook of its tables (``core.xlsx``: no cell is ever a formula) and a
one-page PDF summary in Indonesian for the Bupati or the Sekda (WeasyPrint, the appraisal documents'
fonts and base template, as ``training/akpk_documents.py`` does)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl.styles import Font

from appraisal.documents import pdf_response, place_date
from appraisal.predikat import Predikat
from core.xlsx import DataSheet, XlsxWriter
from org.models import Position
from surveys.models import Complaint
from surveys.periods import moments

from . import figures, selectors
from .scope import Scope

BOLD = Font(bold=True)
PDF_UNITS = 12  # units the one-page summary lists; the workbook has them all
PDF_LANGUAGE = "id"  # the summary is read by the Pemda's leaders, in Indonesian


def scope_label(scope: Scope) -> str:
    unit = _("%(unit)s beserta sub-unit") % {"unit": scope.unit.name} if scope.unit else _("Semua unit kerja")
    kind = Position.Kind(scope.position_kind).label if scope.position_kind else _("semua jenis jabatan")
    return f"{unit}; {kind}"


def check_label(row: figures.DistributionRow) -> str:
    if row.check is None:
        return _("Capaian organisasi belum ditetapkan")
    return _("Sesuai pola") if row.check.valid else _("Melampaui pola")


@dataclass(frozen=True)
class Figures:
    """Everything the two reports show, read once."""

    scope: Scope
    cards: selectors.Cards
    distribution: list[figures.DistributionRow]
    periods: list
    scores: list[figures.ScoreRow]
    needs: figures.NeedsBrief
    complaints_received: int
    outside: list  # units whose own predikat are outside their pattern (appraisal's stored check)

    @classmethod
    def read(cls, scope: Scope) -> Figures:
        units = figures.row_units(scope)
        periods = figures.trend_periods(scope.period)
        since, until = moments(scope.period.start, scope.period.end)
        received = Complaint.objects.filter(submitted_at__gte=since, submitted_at__lt=until)
        if scope.unit_ids is not None:
            received = received.filter(unit_id__in=scope.unit_ids)
        return cls(
            scope,
            selectors.cards(scope),
            figures.distribution_rows(scope, units),
            periods,
            figures.score_rows(scope, units, periods),
            figures.needs_brief(scope),
            received.count(),
            figures.units_outside_pattern(scope),
        )

    def card_rows(self) -> list[tuple[str, int]]:
        cards = self.cards
        rows = [
            (_("SKP belum diajukan setelah batas penetapan"), cards.plans.not_submitted),
            (_("SKP diajukan, belum disetujui setelah batas penetapan"), cards.plans.submitted),
        ]
        rows += [
            (_("Evaluasi %(label)s lewat batas") % {"label": row.checkpoint.label}, row.overdue)
            for row in cards.evaluations
            if row.overdue is not None
        ]
        return rows + [
            (_("Keberatan menunggu putusan"), cards.objections),
            (_("Pengaduan lewat batas tanggapan"), cards.complaints),
            (_("Pegawai di bawah %(jp)s JP") % {"jp": cards.minimum_jp}, cards.jp),
        ]

    def totals(self) -> dict[str, int]:
        """Predikat counts of every row unit together (rows do not overlap when no unit is chosen)."""
        rows = self.distribution if self.scope.unit is None else self.distribution[:1]
        return {code: sum(row.counts.get(code, 0) for row in rows) for code in Predikat.values}


def _heading(sheet: DataSheet, title: str, scope: Scope, header: list[str]) -> None:
    sheet.append([title], font=BOLD)
    sheet.append([_("Periode"), scope.period.year])
    sheet.append([_("Cakupan"), scope_label(scope)])
    sheet.append([])
    sheet.append(header, font=BOLD)


def workbook(scope: Scope) -> bytes:
    """The cards, the predikat distribution, scores and IKM across periods, and the training needs."""
    found = Figures.read(scope)
    writer = XlsxWriter()
    sheet = writer.add_sheet(_("Belum lengkap"))
    _heading(sheet, _("Pekerjaan yang belum lengkap"), scope, [_("Hal"), _("Jumlah")])
    for row in found.card_rows():
        sheet.append(row)
    sheet = writer.add_sheet(_("Distribusi predikat"))
    labels = [str(label) for label in Predikat.labels]
    _heading(
        sheet,
        _("Distribusi predikat kinerja"),
        scope,
        [_("Unit kerja"), *labels, _("Jumlah"), _("Capaian kinerja organisasi"), _("Pola distribusi")],
    )
    for row in found.distribution:
        result = row.org_result.get_result_display() if row.org_result else ""
        sheet.append(
            [row.unit.name, *(row.counts.get(code, 0) for code in Predikat.values), row.total, result, check_label(row)]
        )
    sheet.append([])
    sheet.append([_("Unit yang sebaran predikatnya sendiri melampaui pola")], font=BOLD)
    for result in found.outside:
        sheet.append([result.unit.name, result.get_result_display()])
    sheet = writer.add_sheet(_("Skor dan IKM"))
    columns = [f"{name} {period.year}" for period in found.periods for name in (_("Skor"), _("IKM"))]
    _heading(sheet, _("Skor kinerja (indeks Kinerja) dan IKM per unit"), scope, [_("Unit kerja"), *columns])
    for row in found.scores:
        sheet.append([row.unit.name, *(value for f in row.figures for value in (f.mean_score, f.ikm))])
    sheet = writer.add_sheet(_("Kebutuhan pelatihan"))
    _heading(
        sheet,
        _("Kompetensi dengan pegawai terbanyak yang membutuhkan"),
        scope,
        [_("Kode"), _("Kompetensi"), _("Pegawai")],
    )
    for need in found.needs.top:
        sheet.append([need.code, need.name, need.people])
    sheet.append([])
    sheet.append([_("Pegawai dengan kebutuhan"), None, found.needs.people])
    if found.needs.computed_at:  # the totals are those of the last computation of needs
        sheet.append([_("Dihitung pada"), None, timezone.localtime(found.needs.computed_at).replace(tzinfo=None)])
    return writer.to_bytes()


def _outside(found: Figures) -> list[tuple[str, str]]:
    """(unit, organisation result) of every unit outside its pattern: the table's rows (their whole
    subtree) and the units whose own check failed; each unit once."""
    rows = [row.org_result for row in found.distribution if row.check is not None and not row.check.valid]
    named = {result.unit_id: result for result in [*rows, *found.outside]}
    return [(result.unit.name, result.get_result_display()) for result in named.values()]


def summary_response(scope: Scope):
    """One A4 page in Indonesian, whatever language the reader uses the app in."""
    with translation.override(PDF_LANGUAGE):
        found = Figures.read(scope)
        totals = found.totals()
        total = sum(totals.values())
        by_ikm = sorted(
            (row for row in found.scores if row.current.ikm is not None),
            key=lambda row: (row.current.ikm, row.unit.code),
        )
        context = {
            "found": found,
            "scope_label": scope_label(scope),
            "totals": [
                (label, totals[code], 100 * totals[code] / total if total else 0) for code, label in Predikat.choices
            ],
            "total": total,
            "outside": _outside(found),
            "ikm_rows": by_ikm[:PDF_UNITS],
            "ikm_more": max(len(by_ikm) - PDF_UNITS, 0),
            "place_date": place_date(settings.APPRAISAL_DOCUMENT_PLACE, timezone.localdate()),
        }
        return pdf_response("leaders/dashboard/report_pdf.html", context, f"ringkasan-sdm-{scope.period.year}.pdf")
