"""The column layout of the three exchange files (units, positions, employees).

One layout per kind drives everything: the reader maps headers to it, the planners parse cells with
it, the exporter writes the same columns and the template file documents them, so an export can be
re-imported unchanged. Headers follow SIMPEG exports; case, spaces and punctuation do not matter,
extra columns are ignored, and a few header names seen in other exports are accepted as aliases.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from org.models import Employee, Position, Unit
from org.nip import normalize_nip

UNKNOWN_CHOICE = _("Nilai “%(value)s” tidak dikenal. Pilihan: %(choices)s.")
BAD_BOOLEAN = _("Nilai “%(value)s” tidak dikenal. Isi Ya atau Tidak.")
NIP_STORED_AS_NUMBER = _(
    "NIP tersimpan sebagai angka sehingga digit terakhirnya bisa berubah. "
    "Format kolom ini sebagai Teks di Excel, lalu isi ulang dari data asal."
)

TRUE_WORDS = frozenset({"YA", "Y", "TRUE", "BENAR", "1", "X", "AKTIF"})
FALSE_WORDS = frozenset({"TIDAK", "T", "N", "NO", "FALSE", "SALAH", "0", "NONAKTIF", "TIDAKAKTIF"})
_CHOICE_NOISE = re.compile(r"[\s_\-/().,]+")


def header_key(raw: object) -> str:
    """``" Nip atasan"`` and ``"NIP-ATASAN"`` both become ``NIP_ATASAN``."""
    return re.sub(r"[^0-9A-Z]+", "_", str(raw or "").upper()).strip("_")


def cell_text(value: object) -> str:
    """A cell as trimmed text; whole numbers lose the ``.0`` spreadsheets give them."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def parse_text(value: object) -> str:
    return cell_text(value)


def parse_nip(value: object) -> str:
    """Normalise a NIP cell. Excel keeps only 15 significant digits of a number, so refuse floats."""
    if isinstance(value, float):
        raise ValidationError(NIP_STORED_AS_NUMBER)
    return normalize_nip(cell_text(value).lstrip("'"))


def parse_bool(value: object) -> bool | None:
    """Ya/Tidak and the usual variants; a blank cell means "not given"."""
    if isinstance(value, bool):
        return value
    text = cell_text(value)
    key = header_key(text).replace("_", "")
    if not text:
        return None
    if key in TRUE_WORDS or key in FALSE_WORDS:
        return key in TRUE_WORDS
    raise ValidationError(BAD_BOOLEAN, params={"value": text})


def _choice_key(text: object) -> str:
    return _CHOICE_NOISE.sub("", str(text).casefold())


def choice_parser(
    choices: type[models.TextChoices], *, aliases: dict[str, str] | None = None, blank: str | None = None
) -> Callable[[object], str | None]:
    """Accept a choice by its code or its Indonesian label, e.g. ``L``, ``Laki-laki`` or ``laki laki``.

    A blank cell gives ``blank``: ``""`` for fields that may be empty, ``None`` ("not given") for the rest.
    """

    @cache
    def lookup() -> dict[str, str]:
        with translation.override("id"):
            table = {_choice_key(label): value for value, label in choices.choices}
        table.update({_choice_key(value): value for value in choices.values})
        table.update({_choice_key(alias): value for alias, value in (aliases or {}).items()})
        return table

    def parse(value: object) -> str | None:
        text = cell_text(value)
        if not text:
            return blank
        try:
            return lookup()[_choice_key(text)]
        except KeyError:
            raise ValidationError(
                UNKNOWN_CHOICE, params={"value": text, "choices": ", ".join(choices.values)}
            ) from None

    parse.choices = choices
    return parse


@dataclass(frozen=True)
class Column:
    """One column of an exchange file and the model attribute behind it (dotted through a relation)."""

    header: str
    path: str
    parse: Callable[[object], object] = parse_text
    required: bool = False
    informative: bool = False
    aliases: tuple[str, ...] = ()
    note: str = ""

    @property
    def root(self) -> str:
        return self.path.split(".")[0]

    def export_value(self, obj: models.Model) -> object:
        """The cell written on export: codes rather than labels, so re-import never depends on language."""
        value: object = obj
        for part in self.path.split("."):
            value = getattr(value, part, None)
        if isinstance(value, bool):
            return "Ya" if value else "Tidak"
        return "" if value is None else value


@dataclass(frozen=True)
class Layout:
    kind: str
    label: str
    model: type[models.Model]
    columns: tuple[Column, ...]

    @property
    def imported(self) -> tuple[Column, ...]:
        return tuple(column for column in self.columns if not column.informative)

    def header_for(self, field_name: str) -> str:
        """The column a model field's errors are reported under ("" for whole-row errors)."""
        return next((column.header for column in self.imported if column.root == field_name), "")

    def tracked_fields(self) -> list[str]:
        """Model fields compared to tell an update from an unchanged row."""
        return list(dict.fromkeys(column.root for column in self.imported))


GENDER = choice_parser(Employee.Gender, aliases={"Pria": "L", "Wanita": "P", "M": "L", "F": "P"})
EMPLOYMENT_TYPE = choice_parser(Employee.EmploymentType, aliases={"CPNS": "PNS"})
RANK = choice_parser(Employee.Rank, blank="")
# SIASN's KEDUDUKAN HUKUM names (docs/import-export.md): who works and is appraised is AKTIF, whoever
# has left for good or is suspended is out of the appraisal, never deleted.
STATUS = choice_parser(
    Employee.Status,
    aliases={
        "CLTN": "CUTI",
        "Cuti di Luar Tanggungan Negara": "CUTI",
        "PNS": "AKTIF",
        "CPNS": "AKTIF",
        "PPPK": "AKTIF",
        "Dipekerjakan": "AKTIF",
        "Diperbantukan": "AKTIF",
        "Pensiun Dini": "PENSIUN",
        "Masa Persiapan Pensiun": "PENSIUN",
        "MPP": "PENSIUN",
        "Meninggal": "BERHENTI",
        "Meninggal Dunia": "BERHENTI",
        "Wafat": "BERHENTI",
        "Diberhentikan": "BERHENTI",
        "Pemberhentian Sementara": "BERHENTI",
        "Diberhentikan Sementara": "BERHENTI",
        "Mengundurkan Diri": "BERHENTI",
        "Pindah Instansi": "BERHENTI",
    },
)
POSITION_KIND = choice_parser(
    Position.Kind,
    aliases={
        "JFT": "FUNGSIONAL",
        "Fungsional Tertentu": "FUNGSIONAL",
        "JFU": "PELAKSANA",
        "Fungsional Umum": "PELAKSANA",
        "Jabatan Fungsional": "FUNGSIONAL",
        "Jabatan Fungsional Tertentu": "FUNGSIONAL",
        "Jabatan Fungsional Umum": "PELAKSANA",
        "Jabatan Pelaksana": "PELAKSANA",
        "Jabatan Struktural": "STRUKTURAL",
        "Jabatan Pimpinan Tinggi": "STRUKTURAL",
        "Jabatan Administrator": "STRUKTURAL",
        "Jabatan Pengawas": "STRUKTURAL",
    },
)
POSITION_LEVEL = choice_parser(Position.Level)
UNIT_KIND = choice_parser(Unit.Kind)

UNITS = Layout(
    kind="unit",
    label=_("Unit kerja"),
    model=Unit,
    columns=(
        Column("KODE_UNIT", "code", required=True, aliases=("KODE_UNOR",), note=_("Kode unik unit kerja.")),
        Column("NAMA_UNIT", "name", required=True, aliases=("NAMA_UNOR", "UNIT_KERJA")),
        Column("JENIS_UNIT", "kind", UNIT_KIND, required=True),
        Column(
            "KODE_UNIT_INDUK",
            "parent.code",
            aliases=("KODE_INDUK", "KODE_UNOR_INDUK"),
            note=_("Kosong untuk Perangkat Daerah. Unit induk boleh muncul di baris sesudahnya."),
        ),
        Column("AKTIF", "is_active", parse_bool, note=_("Ya atau Tidak; kosong berarti tidak diubah.")),
    ),
)

POSITIONS = Layout(
    kind="jabatan",
    label=_("Jabatan"),
    model=Position,
    columns=(
        Column("KODE_UNIT", "unit.code", required=True, aliases=("KODE_UNOR",), note=_("Unit harus sudah ada.")),
        Column("NAMA_UNIT", "unit.name", informative=True, note=_("Hanya keterangan; tidak dibaca saat impor.")),
        Column("JABATAN", "name", required=True, aliases=("NAMA_JABATAN",), note=_("Dicocokkan tanpa beda huruf.")),
        Column("JENIS_JABATAN", "kind", POSITION_KIND, required=True),
        Column("JENJANG", "level", POSITION_LEVEL, required=True, aliases=("JENJANG_JABATAN",)),
        Column("KEPALA_UNIT", "is_unit_head", parse_bool, note=_("Ya untuk jabatan kepala unit (satu per unit).")),
    ),
)

EMPLOYEES = Layout(
    kind="pegawai",
    label=_("Pegawai"),
    model=Employee,
    columns=(
        Column("NIP", "nip", parse_nip, required=True, aliases=("NIP_BARU",), note=_("18 angka; simpan sebagai Teks.")),
        Column("NAMA", "name", required=True, aliases=("NAMA_PEGAWAI", "NAMA_LENGKAP")),
        Column("GELAR_DEPAN", "front_title"),
        Column("GELAR_BELAKANG", "back_title"),
        Column("JENIS_KELAMIN", "gender", GENDER, required=True, aliases=("JK",)),
        Column("JENIS_PEGAWAI", "employment_type", EMPLOYMENT_TYPE, aliases=("STATUS_KEPEGAWAIAN",)),
        Column("GOLONGAN", "rank", RANK, aliases=("GOL", "GOL_RUANG", "PANGKAT_GOLONGAN")),
        Column("STATUS", "status", STATUS, aliases=("KEDUDUKAN_HUKUM",)),
        Column("KODE_UNIT", "unit.code", required=True, aliases=("KODE_UNOR",), note=_("Unit harus sudah ada.")),
        Column("NAMA_UNIT", "unit.name", informative=True, aliases=("NAMA_UNOR", "UNIT_KERJA")),
        Column(
            "JABATAN",
            "position.name",
            required=True,
            aliases=("NAMA_JABATAN",),
            note=_("Jabatan baru dibuat bila JENIS_JABATAN dan JENJANG diisi."),
        ),
        Column("JENIS_JABATAN", "position.kind", POSITION_KIND),
        Column("JENJANG", "position.level", POSITION_LEVEL, aliases=("JENJANG_JABATAN",)),
        Column(
            "NIP_ATASAN",
            "supervisor.nip",
            parse_nip,
            aliases=("NIP_ATASAN_LANGSUNG", "NIP_PEJABAT_PENILAI"),
            note=_("NIP pejabat penilai; boleh pegawai di baris sesudahnya. Kosong berarti tanpa atasan."),
        ),
        Column("NAMA_ATASAN", "supervisor.name", informative=True),
        Column("EMAIL", "email", aliases=("E_MAIL",)),
    ),
)

LAYOUTS: dict[str, Layout] = {layout.kind: layout for layout in (UNITS, POSITIONS, EMPLOYEES)}
