"""The SIASN sample file (``tests/org/data/siasn_export_asn.csv``) and helpers to vary and map it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from org.imports.mappings import UnitDecision, source_mappings_save
from org.imports.services import import_file
from org.models import ImportSource, Unit

SAMPLE = Path(__file__).parent / "data" / "siasn_export_asn.csv"
UNOR_DINKES = "8ae482875c1b5e6e015c1f4b2c0a3d21"
UNOR_BIDANG = "8ae482875c1b5e6e015c1f4d7e1b0a44"
UNOR_PUSKESMAS = "A8ACA7A40D4D3912E040640A040269BB"


def sample_rows() -> list[list[str]]:
    """The sample as cells, header first, exactly as SIASN wrote them (apostrophes and ``null`` kept)."""
    text = SAMPLE.read_text(encoding="utf-8-sig")
    return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=";") if row]


def column(rows: list[list[str]], header: str) -> int:
    return rows[0].index(header)


def run(path: Path, user, *, dry_run: bool = False):
    return import_file(kind="pegawai", path=path, acting_user=user, dry_run=dry_run)


def map_sample(user, *, dinkes: Unit, email_column: str = "EMAIL") -> None:
    """HR's choices for the sample: the OPD is the existing unit, the bidang and the puskesmas are new."""
    bidang = Unit(code="YANKES", name="Bidang Pelayanan Kesehatan", kind=Unit.Kind.BIDANG, parent=dinkes)
    puskesmas = Unit(code="PKM-SKM", name="UPT Puskesmas Sukamaju", kind=Unit.Kind.PUSKESMAS, parent=dinkes)
    source_mappings_save(
        source=ImportSource.SIASN,
        units=[
            UnitDecision(UNOR_DINKES, "Dinas Kesehatan", unit=dinkes),
            UnitDecision(UNOR_BIDANG, "Bidang Pelayanan Kesehatan", new=bidang),
            UnitDecision(UNOR_PUSKESMAS, "UPT Puskesmas Sukamaju", new=puskesmas),
        ],
        headers={"EMAIL_KANTOR": email_column},
        acting_user=user,
    )
