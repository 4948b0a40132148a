"""Files as a national system exports them: SIASN's "Export Data ASN", read by the employee import.

A source file is recognised by its headers and translated into the employee layout, so the one
planner checks it (docs/import-export.md): headers become our columns (SIASN's own names, then the
mappings HR chose for this source), cells lose SIASN's quirks (a leading apostrophe, the text
``null``), DD-MM-YYYY dates are checked, and each UNOR ID becomes the code of the unit HR mapped it
to. Whatever is still unmapped stops the dry run with a proposal for each, decided on the mapping
screen; the decisions are kept (``ExternalUnit``, ``HeaderMapping``), so the next file asks nothing.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from org.models import ExternalUnit, HeaderMapping, ImportSource, Unit
from org.nip import normalize_nip

from .columns import EMPLOYEES, cell_text, header_key
from .planning import HEADER_SEARCH_ROWS, Plan
from .reading import Sheet
from .report import ImportReport, Issue

if TYPE_CHECKING:
    from .kinds import ImportKind

WRONG_KIND = _("Berkas ini ekspor Data ASN dari SIASN; unggah sebagai jenis data Pegawai.")
MAPPING_NEEDED = _(
    "Berkas SIASN ini berisi %(units)d unit (UNOR) dan %(headers)d judul kolom yang belum dipetakan. "
    "Tetapkan pemetaannya dulu; uji coba lalu dijalankan lagi."
)
BAD_DATE = _("Tanggal “%(value)s” tidak dikenal; gunakan format HH-BB-TTTT, misalnya 15-03-1985.")
BIRTH_DATE_DIFFERS = _("Tanggal lahir %(date)s berbeda dengan tanggal lahir di NIP (%(nip_date)s).")

UNIT_COLUMN = "KODE_UNIT"
SIASN_SIGNATURE = frozenset({"NIP_BARU", "UNOR_ID"})
# SIASN header (as ``header_key``) -> the employee column it fills.
SIASN_COLUMNS = {
    "NIP_BARU": "NIP",
    "NAMA": "NAMA",
    "GELAR_DEPAN": "GELAR_DEPAN",
    "GELAR_BELAKANG": "GELAR_BELAKANG",
    "JENIS_KELAMIN": "JENIS_KELAMIN",
    "KEDUDUKAN_HUKUM_NAMA": "STATUS",
    "GOL_AKHIR_NAMA": "GOLONGAN",
    "JENIS_JABATAN_NAMA": "JENIS_JABATAN",
    "JABATAN_NAMA": "JABATAN",
    "UNOR_ID": UNIT_COLUMN,
    "UNOR_NAMA": "NAMA_UNIT",
}
# Checked for their format (and the birth date against the NIP), not stored: Kinerja keeps no such field.
SIASN_DATES = frozenset({"TANGGAL_LAHIR", "TMT_GOLONGAN", "TMT_JABATAN"})
# Known and deliberately not read: SIASN's own person id, the old 9-digit NIP, the OPD name (it only
# helps propose where a new unit goes).
SIASN_SKIPPED = frozenset({"PNS_ID", "NIP_LAMA", "SATUAN_KERJA_KERJA_NAMA", "SATUAN_KERJA_INDUK_NAMA"})
SATKER_HEADER = "SATUAN_KERJA_KERJA_NAMA"
_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
# A new unit's kind from the start of its name; "sub bagian" before "bagian".
UNIT_KINDS = (
    (("sub bagian", "subbagian"), Unit.Kind.SUBBAGIAN),
    (("sekretariat",), Unit.Kind.SEKRETARIAT),
    (("dinas",), Unit.Kind.DINAS),
    (("badan",), Unit.Kind.BADAN),
    (("inspektorat",), Unit.Kind.INSPEKTORAT),
    (("kecamatan",), Unit.Kind.KECAMATAN),
    (("kelurahan",), Unit.Kind.KELURAHAN),
    (("puskesmas",), Unit.Kind.PUSKESMAS),
    (("upt",), Unit.Kind.UPT),
    (("bidang",), Unit.Kind.BIDANG),
    (("bagian",), Unit.Kind.BAGIAN),
    (("seksi",), Unit.Kind.SEKSI),
    (("sd ", "smp ", "sma ", "tk ", "sekolah"), Unit.Kind.SEKOLAH),
)


def plan_sheet(kind: ImportKind, sheet: Sheet) -> Plan:
    """The kind's plan of the sheet, read through its source's translation when a source made it."""
    found = _siasn_header(sheet)
    if found is None:
        return kind.plan(sheet)
    if kind.layout is not EMPLOYEES:
        return Plan(ImportReport(kind=kind.kind, issues=[Issue(0, "", str(WRONG_KIND))]), [])
    translation = translate_siasn(sheet, *found)
    if translation.mappings:
        report = ImportReport(kind=kind.kind, mappings=translation.mappings)
        counts = {"units": len(translation.mappings["units"]), "headers": len(translation.mappings["headers"])}
        report.issues.append(Issue(0, "", str(MAPPING_NEEDED % counts)))
        return Plan(report, [])
    plan = kind.plan(translation.sheet)
    translation.relabel(plan.report)
    return plan


def _siasn_header(sheet: Sheet) -> tuple[int, tuple[object, ...]] | None:
    """The header row of a SIASN export, if the sheet is one."""
    for number, cells in sheet.rows[:HEADER_SEARCH_ROWS]:
        if {header_key(cell) for cell in cells} >= SIASN_SIGNATURE:
            return number, cells
    return None


def clean_cell(value: object) -> object:
    """SIASN text without its quirks: a leading apostrophe (text marker) and ``null`` for "no value"."""
    if not isinstance(value, str):
        return value
    text = value.strip().removeprefix("'").strip()
    return "" if text.casefold() == "null" else text


def parse_date(value: object) -> date | None:
    """A DD-MM-YYYY cell (or a real spreadsheet date); blank is ``None``."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if not text:
        return None
    match = _DATE.match(text)
    try:
        return date(int(match[3]), int(match[2]), int(match[1]))
    except (TypeError, ValueError):
        raise ValidationError(BAD_DATE, params={"value": text}) from None


@dataclass
class Translation:
    """The sheet in the employee layout, what is still to be mapped, and the file's own header names."""

    sheet: Sheet
    mappings: dict | None = None
    labels: dict[str, str] = field(default_factory=dict)

    def relabel(self, report: ImportReport) -> None:
        """Name columns in the report as the file names them (``UNOR ID``, not ``KODE_UNIT``)."""
        report.issues = [replace(issue, column=self.labels.get(issue.column, issue.column)) for issue in report.issues]
        report.rows = [
            replace(row, changed=tuple(self.labels.get(name, name) for name in row.changed)) for row in report.rows
        ]


def translate_siasn(sheet: Sheet, header_row: int, headers: tuple[object, ...]) -> Translation:
    """The rows below the header in the employee layout, or what HR must map first (nothing else then)."""
    source = ImportSource.SIASN
    keys = [header_key(cell) for cell in headers]
    targets, unknown = _header_targets(source, keys)
    data = [(number, tuple(clean_cell(cell) for cell in cells)) for number, cells in sheet.rows if number > header_row]
    units, pending_units = _unit_codes(source, data, keys)
    if unknown or pending_units:
        taken = {target: str(headers[index]).strip() for index, target in enumerate(targets) if target}
        mappings = {
            "source": source,
            "taken": taken,
            "headers": [{"key": keys[index], "header": str(headers[index]).strip()} for index in unknown],
            "units": pending_units,
        }
        return Translation(sheet, mappings)
    unit_index = keys.index("UNOR_ID")
    rows = [(header_row, tuple(target or "" for target in targets))]
    issues: dict[int, list[Issue]] = {}
    for number, cells in data:
        cells = tuple(units.get(cell_text(cell), cell) if i == unit_index else cell for i, cell in enumerate(cells))
        rows.append((number, cells))
        issues[number] = _date_issues(number, cells, keys, headers)
    labels = {target: str(headers[index]).strip() for index, target in enumerate(targets) if target}
    return Translation(Sheet(rows, issues), labels=labels)


def _header_targets(source: str, keys: list[str]) -> tuple[list[str | None], list[int]]:
    """The employee column of each header (``None``: not read), and the indexes of unknown headers."""
    ours = {name: column.header for column in EMPLOYEES.imported for name in (column.header, *column.aliases)}
    saved = dict(HeaderMapping.objects.filter(source=source, header__in=keys).values_list("header", "column"))
    targets: list[str | None] = []
    unknown = []
    for index, key in enumerate(keys):
        if not key or key in SIASN_DATES or key in SIASN_SKIPPED:
            targets.append(None)
        elif target := SIASN_COLUMNS.get(key) or ours.get(key):
            targets.append(target)
        elif key in saved:
            targets.append(saved[key] or None)
        else:
            targets.append(None)
            unknown.append(index)
    return targets, unknown


def _unit_codes(source: str, data: list, keys: list[str]) -> tuple[dict[str, str], list[dict]]:
    """Unit code per mapped UNOR ID, and a proposal for each UNOR ID not mapped yet."""
    unor, name = keys.index("UNOR_ID"), _index(keys, "UNOR_NAMA")
    satker = _index(keys, SATKER_HEADER)
    seen: dict[str, tuple[str, str]] = {}
    rows = Counter()
    for _number, cells in data:
        if external_id := cell_text(_cell(cells, unor)):
            seen.setdefault(external_id, (cell_text(_cell(cells, name)), cell_text(_cell(cells, satker))))
            rows[external_id] += 1
    known = dict(
        ExternalUnit.objects.filter(source=source, external_id__in=seen).values_list("external_id", "unit__code")
    )
    unknown = [external_id for external_id in seen if external_id not in known]
    proposer = _Proposer() if unknown else None
    pending = [
        {"external_id": external_id, "name": seen[external_id][0], "satker": seen[external_id][1],
         "rows": rows[external_id], **proposer.propose(external_id, *seen[external_id])}
        for external_id in unknown
    ]  # fmt: skip
    return known, pending


def _index(keys: list[str], key: str) -> int | None:
    return keys.index(key) if key in keys else None


def _cell(cells: tuple[object, ...], index: int | None) -> object:
    return cells[index] if index is not None and index < len(cells) else None


def _date_issues(number: int, cells: tuple[object, ...], keys: list[str], headers: tuple[object, ...]) -> list[Issue]:
    """Each date cell checked for its format; a birth date the NIP contradicts is a warning."""
    issues = []
    for index, key in enumerate(keys):
        if key not in SIASN_DATES:
            continue
        try:
            value = parse_date(_cell(cells, index))
        except ValidationError as exc:
            issues.append(Issue(number, str(headers[index]).strip(), exc.messages[0]))
            continue
        if key == "TANGGAL_LAHIR" and value and (differs := _birth_date_differs(value, cells, keys)):
            issues.append(Issue(number, str(headers[index]).strip(), differs, warning=True))
    return issues


def _birth_date_differs(born: date, cells: tuple[object, ...], keys: list[str]) -> str:
    """The warning when the NIP's first eight digits (domain.md §4) name another birth date."""
    nip = normalize_nip(cell_text(_cell(cells, keys.index("NIP_BARU"))))
    if not re.fullmatch(r"\d{18}", nip) or nip[:8] == f"{born:%Y%m%d}":
        return ""
    return str(BIRTH_DATE_DIFFERS % {"date": f"{born:%d-%m-%Y}", "nip_date": f"{nip[6:8]}-{nip[4:6]}-{nip[:4]}"})


def normal_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


class _Proposer:
    """Where an unknown UNOR most likely belongs: an existing unit of the same name, else a new unit
    under the unit named like its SATUAN KERJA (the OPD), else a new top-level unit."""

    def __init__(self) -> None:
        units = list(Unit.objects.order_by("code"))
        by_pk = {unit.pk: unit for unit in units}
        for unit in units:
            unit.parent = by_pk.get(unit.parent_id)
        self.by_name: dict[str, list[Unit]] = {}
        for unit in units:
            self.by_name.setdefault(normal_name(unit.name), []).append(unit)

    def propose(self, external_id: str, name: str, satker: str) -> dict:
        """The unit to map to (``None``: a new one), and the new unit's fields in case HR chooses one."""
        parents = self.by_name.get(normal_name(satker), []) if normal_name(satker) != normal_name(name) else []
        matches = self.by_name.get(normal_name(name), [])
        under = [unit for unit in matches if parents and parents[0].pk in unit.ancestor_ids()]
        return {
            "unit": (under or matches)[0].pk if matches else None,
            "parent": parents[0].pk if parents else None,
            "code": proposed_code(external_id),
            "kind": unit_kind_from_name(name),
        }


def proposed_code(external_id: str) -> str:
    """A short, stable code for a new unit: SIASN's UNOR ids are long and may not fit ``Unit.code``."""
    return "UNOR-" + hashlib.sha1(external_id.encode(), usedforsecurity=False).hexdigest()[:8].upper()


def unit_kind_from_name(name: str) -> str:
    text = normal_name(name) + " "
    return next((kind for starts, kind in UNIT_KINDS if text.startswith(starts)), Unit.Kind.LAINNYA)
