"""The annual SKP result per employee in the shape of SIASN's SKP record, out and back in.

Kinerja is where the annual result is made (ratings chosen by the Pejabat Penilai, the predikat from
the matrix), so the file is written here and typed into or uploaded to SIASN. Read back through the
import jobs, it is a check, not a way in: every row must match a released annual result, a row that
differs is an error naming both values, and confirming writes nothing (docs/import-export.md, "SKP
record for SIASN"). A rating is never written from a file, because only the official chooses it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from org.imports.columns import Column, Layout, cell_text, parse_nip
from org.imports.ledger import Ledger
from org.imports.planning import ParsedRow, Plan, build_report, parse_rows, unique_rows
from org.imports.reading import Sheet

from ..models import Evaluation
from ..predikat import Predikat, Rating, predikat_for
from .siasn import PREDIKAT_CODES, PREDIKAT_OF_CODE, RATING_CODES, RATING_OF_CODE

FIRST_YEAR, LAST_YEAR = 2000, 2100
BAD_YEAR = _("Tahun “%(value)s” tidak sah; isi tahun empat angka.")
BAD_RATING_CODE = _("Kode rating “%(value)s” tidak sah; isi 1 (di atas), 2 (sesuai) atau 3 (di bawah ekspektasi).")
BAD_PREDIKAT_CODE = _("Kode kuadran “%(value)s” tidak sah; isi 1 (Sangat Baik) sampai 5 (Sangat Kurang).")
NO_RESULT = _("Kinerja tidak punya hasil evaluasi tahunan %(year)s yang sudah disampaikan untuk NIP %(nip)s.")
DIFFERS = _("Berkas berisi %(file)s, Kinerja mencatat %(kinerja)s. Hasil hanya diubah lewat evaluasi di Kinerja.")
KUADRAN_MISMATCH = _("Kuadran %(code)s tidak sesuai matriks predikat untuk kedua rating itu (seharusnya %(expected)s).")


def _code(value: object, table: dict[int, str], message) -> str:
    text = cell_text(value)
    if not (text.isascii() and text.isdigit()) or int(text) not in table:
        raise ValidationError(message, params={"value": text})
    return table[int(text)]


def parse_rating_code(value: object) -> str:
    return _code(value, RATING_OF_CODE, BAD_RATING_CODE)


def parse_predikat_code(value: object) -> str:
    return _code(value, PREDIKAT_OF_CODE, BAD_PREDIKAT_CODE)


def parse_year(value: object) -> int:
    text = cell_text(value)
    if not (text.isascii() and text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR):
        raise ValidationError(BAD_YEAR, params={"value": text})
    return int(text)


SKP_RECORDS = Layout(
    kind="skp_siasn",
    label=_("Hasil SKP tahunan (format SIASN)"),
    model=Evaluation,
    columns=(
        Column("NIP", "nip", parse_nip, required=True, aliases=("NIP_BARU",), note=_("NIP 18 angka, sebagai teks.")),
        Column("NAMA", "name", informative=True, note=_("Hanya keterangan; tidak dibaca.")),
        Column("TAHUN", "year", parse_year, required=True, aliases=("TAHUN_PENILAIAN",)),
        Column(
            "HASIL_KERJA",
            "work_rating",
            parse_rating_code,
            required=True,
            aliases=("RATING_HASIL_KERJA",),
            note=_("1 = di atas, 2 = sesuai, 3 = di bawah ekspektasi."),
        ),
        Column(
            "PERILAKU_KERJA",
            "behaviour_rating",
            parse_rating_code,
            required=True,
            aliases=("RATING_PERILAKU_KERJA", "PERILAKU"),
            note=_("1 = di atas, 2 = sesuai, 3 = di bawah ekspektasi."),
        ),
        Column(
            "KUADRAN",
            "predikat",
            parse_predikat_code,
            required=True,
            aliases=("KUADRAN_KINERJA", "PREDIKAT"),
            note=_("1 Sangat Baik, 2 Baik, 3 Butuh Perbaikan, 4 Kurang/Misconduct, 5 Sangat Kurang."),
        ),
    ),
)
COMPARED = (("HASIL_KERJA", "work_rating", Rating), ("PERILAKU_KERJA", "behaviour_rating", Rating))


@dataclass(frozen=True)
class SkpRecord:
    """One row of the file: the column paths of ``SKP_RECORDS`` read these attributes."""

    nip: str
    name: str
    year: int
    work_rating: int
    behaviour_rating: int
    predikat: int


def released_annual_results() -> QuerySet[Evaluation]:
    """Annual results the employee has received: the only ones that leave Kinerja."""
    return Evaluation.objects.filter(
        kind=Evaluation.Kind.ANNUAL, status__in=Evaluation.RELEASED_STATUSES, predikat__gt=""
    ).select_related("plan__employee", "plan__period")


def skp_records(evaluations: Iterable[Evaluation]) -> Iterator[SkpRecord]:
    for evaluation in evaluations:
        employee = evaluation.plan.employee
        yield SkpRecord(
            nip=employee.nip,
            name=employee.full_name,
            year=evaluation.plan.period.year,
            work_rating=RATING_CODES[evaluation.work_rating],
            behaviour_rating=RATING_CODES[evaluation.behaviour_rating],
            predikat=PREDIKAT_CODES[evaluation.predikat],
        )


def plan_skp_records(sheet: Sheet) -> Plan:
    """Check a SKP record file against Kinerja's annual results; nothing is ever written."""
    rows, issues = parse_rows(sheet, SKP_RECORDS)
    kept = unique_rows(rows, key=_row_key, column="NIP")
    results = _results_named(kept)
    ledger = Ledger(Evaluation, ["work_rating", "behaviour_rating", "predikat"])
    for row in kept:
        if row.has_error():
            continue
        evaluation = results.get(_row_key(row))
        if evaluation is None:
            row.fail("NIP", NO_RESULT % {"nip": row.values["NIP"], "year": row.values["TAHUN"]})
            continue
        row.entry = ledger.track(evaluation.pk, evaluation, row)
        _compare(row, evaluation)
    return build_report(
        SKP_RECORDS,
        rows,
        issues,
        key=lambda row: f"{row.values.get('NIP', '')} / {row.values.get('TAHUN', '')}",
        ledgers={Evaluation._meta.verbose_name_plural: ledger},
    )


def _row_key(row: ParsedRow) -> tuple[str, int] | None:
    if {"NIP", "TAHUN"} <= row.values.keys():
        return row.values["NIP"], row.values["TAHUN"]
    return None


def _results_named(rows: list[ParsedRow]) -> dict[tuple[str, int], Evaluation]:
    """The released annual results of the file's NIPs and years, in one query."""
    nips = {row.values["NIP"] for row in rows if "NIP" in row.values}
    years = {row.values["TAHUN"] for row in rows if "TAHUN" in row.values}
    found = released_annual_results().filter(plan__employee__nip__in=nips, plan__period__year__in=years)
    return {(e.plan.employee.nip, e.plan.period.year): e for e in found}


def _compare(row: ParsedRow, evaluation: Evaluation) -> None:
    for header, field, choices in (*COMPARED, ("KUADRAN", "predikat", Predikat)):
        if row.values[header] != getattr(evaluation, field):
            params = {"file": choices(row.values[header]).label, "kinerja": choices(getattr(evaluation, field)).label}
            row.fail(header, DIFFERS % params)
    expected = predikat_for(work=row.values["HASIL_KERJA"], behaviour=row.values["PERILAKU_KERJA"])
    if row.values["KUADRAN"] != expected:
        code = PREDIKAT_CODES[row.values["KUADRAN"]]
        row.fail("KUADRAN", KUADRAN_MISMATCH % {"code": code, "expected": PREDIKAT_CODES[expected]})
