"""Column layouts of the technical-competency file and the position-standard file.

The same layout drives the import, the empty template and the export (org.imports.columns), so an
exported standards file can be edited and imported back unchanged.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from org.imports.columns import Column, Layout, cell_text, parse_bool
from training.models import Competency, PositionStandard
from training.models.competencies import MAX_LEVEL, MIN_LEVEL

LEVEL_OUT_OF_RANGE = _("Level “%(value)s” tidak sah; isi angka bulat %(low)d sampai %(high)d.")
NOT_A_POSITIVE_NUMBER = _("“%(value)s” bukan angka bulat positif.")
LEVEL_HEADERS = tuple(f"LEVEL_{level}" for level in range(MIN_LEVEL, MAX_LEVEL + 1))


def _whole_number(value: object) -> int | None:
    text = cell_text(value)
    return int(text) if text.isdigit() else None


def parse_level(value: object) -> int:
    number = _whole_number(value)
    if number is None or not MIN_LEVEL <= number <= MAX_LEVEL:
        params = {"value": cell_text(value), "low": MIN_LEVEL, "high": MAX_LEVEL}
        raise ValidationError(LEVEL_OUT_OF_RANGE, params=params)
    return number


def parse_positive(value: object) -> int | None:
    """A blank cell means "not given" (the model's default then applies)."""
    if not cell_text(value):
        return None
    number = _whole_number(value)
    if not number:
        raise ValidationError(NOT_A_POSITIVE_NUMBER, params={"value": cell_text(value)})
    return number


COMPETENCIES = Layout(
    kind="kompetensi",
    label=_("Kompetensi teknis"),
    model=Competency,
    columns=(
        Column("KODE", "code", required=True, aliases=("KODE_KOMPETENSI",), note=_("Kode unik, misalnya T.ADM.01.")),
        Column("NAMA", "name", required=True, aliases=("NAMA_KOMPETENSI",)),
        Column("DESKRIPSI", "description", aliases=("DEFINISI",), note=_("Definisi kompetensi; boleh kosong.")),
        *(
            Column(
                header,
                f"level.{level}",
                required=True,
                note=_("Indikator perilaku level ini, satu per baris dalam sel."),
            )
            for level, header in enumerate(LEVEL_HEADERS, start=MIN_LEVEL)
        ),
        Column("AKTIF", "is_active", parse_bool, note=_("Ya atau Tidak; kosong berarti tidak diubah.")),
    ),
)

STANDARDS = Layout(
    kind="standar",
    label=_("Standar kompetensi jabatan"),
    model=PositionStandard,
    columns=(
        Column("KODE_UNIT", "position.unit.code", required=True, aliases=("KODE_UNOR",)),
        Column("NAMA_UNIT", "position.unit.name", informative=True, note=_("Hanya keterangan; tidak dibaca.")),
        Column(
            "JABATAN",
            "position.name",
            required=True,
            aliases=("NAMA_JABATAN",),
            note=_("Jabatan harus sudah ada di unit itu; dicocokkan tanpa beda huruf."),
        ),
        Column("KODE_KOMPETENSI", "competency.code", required=True, aliases=("KODE",)),
        Column("NAMA_KOMPETENSI", "competency.name", informative=True, note=_("Hanya keterangan; tidak dibaca.")),
        Column(
            "LEVEL",
            "required_level",
            parse_level,
            required=True,
            aliases=("LEVEL_DIBUTUHKAN",),
            note=_("Level yang dibutuhkan jabatan, 1 sampai 5."),
        ),
        Column(
            "KEKRITISAN",
            "criticality",
            parse_positive,
            note=_("Pengali prioritas kesenjangan; kosong berarti 1 untuk baris baru."),
        ),
    ),
)
