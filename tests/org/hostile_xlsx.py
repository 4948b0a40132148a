"""Hostile XLSX files built part by part and streamed, so a 200 MB part never sits on disk or in memory.

Used by the import tests and by ``bench/import_bounds.py``.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="{TYPE}.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{TYPE}.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="{TYPE}.sharedStrings+xml"/>
</Types>"""
PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{RELS}"><Relationship Id="rId1" Target="xl/workbook.xml"
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>"""
WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}">
<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{RELS}">
<Relationship Id="rId1" Type="{DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
HEADER_ROW = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>NIP</t></is></c><c r="B1" t="inlineStr"><is><t>NAMA</t></is></c></row>'
)
MB = 1024 * 1024
CHUNK = MB


def write_xlsx(path: Path, *, sheet: Iterable[bytes], strings: Iterable[bytes] = (b"<sst/>",)) -> Path:
    """A minimal workbook with one sheet "Data"; the sheet and shared strings are streamed in."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", PACKAGE_RELS),
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ]:
            archive.writestr(name, text)
        for name, chunks in [("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", strings)]:
            with archive.open(name, "w", force_zip64=True) as handle:
                for chunk in chunks:
                    handle.write(chunk)
    return path


def sheet_xml(rows: Iterable[bytes], *, dimension: str | None = None) -> Iterator[bytes]:
    """A worksheet: the NIP/NAMA header row, then ``rows`` as given."""
    yield f'<worksheet xmlns="{MAIN}">'.encode()
    if dimension:
        yield f'<dimension ref="{dimension}"/>'.encode()
    yield b"<sheetData>" + HEADER_ROW
    yield from rows
    yield b"</sheetData></worksheet>"


def huge_shared_string(path: Path, *, megabytes: int) -> Path:
    """One data row whose name is a shared string of ``megabytes`` MB (a few hundred KB compressed)."""
    row = b'<row r="2"><c r="A2" t="inlineStr"><is><t>1</t></is></c><c r="B2" t="s"><v>0</v></c></row>'

    def strings() -> Iterator[bytes]:
        yield f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>'.encode()
        for _ in range(megabytes * MB // CHUNK):
            yield b"A" * CHUNK
        yield b"</t></si></sst>"

    return write_xlsx(path, sheet=sheet_xml([row]), strings=strings())


def blank_rows(path: Path, *, count: int, dimension: str | None = None) -> Path:
    """The header, then ``count`` empty ``<row/>`` elements."""
    batch = min(count, 100_000)
    chunks = (b"<row/>" * min(batch, count - start) for start in range(0, count, batch))
    return write_xlsx(path, sheet=sheet_xml(chunks, dimension=dimension))


def rows_of_cells(path: Path, rows: list[list[str]], *, dimension: str | None = None) -> Path:
    """The header, then rows of inline strings (column letters from A)."""
    encoded = []
    for number, cells in enumerate(rows, start=2):
        xml = "".join(
            f'<c r="{_column(index)}{number}" t="inlineStr"><is><t>{text}</t></is></c>'
            for index, text in enumerate(cells)
        )
        encoded.append(f'<row r="{number}">{xml}</row>'.encode())
    return write_xlsx(path, sheet=sheet_xml(encoded, dimension=dimension))


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
