"""Server-side checks for evidence uploads: size, extension and the file's own content signature.

The browser's content type and the file name are both user input; a file is accepted only when
its extension is allowed (``APPRAISAL_EVIDENCE_EXTENSIONS``) *and* its first bytes (or, for
office formats, its zip members) match what that extension promises.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

EVIDENCE_TOO_LARGE = _("Berkas terlalu besar (%(size)s); batasnya %(limit)s.")
EVIDENCE_EMPTY = _("Berkas kosong.")
EVIDENCE_TYPE_NOT_ALLOWED = _("Jenis berkas .%(ext)s tidak diizinkan. Yang diizinkan: %(allowed)s.")
EVIDENCE_CONTENT_MISMATCH = _("Isi berkas tidak sesuai dengan jenisnya (.%(ext)s).")

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class FileKind:
    content_type: str
    magic: bytes
    zip_member: str = ""  # an office file is a zip that must contain this member


KINDS = {
    "pdf": FileKind("application/pdf", b"%PDF-"),
    "png": FileKind("image/png", b"\x89PNG\r\n\x1a\n"),
    "jpg": FileKind("image/jpeg", b"\xff\xd8\xff"),
    "jpeg": FileKind("image/jpeg", b"\xff\xd8\xff"),
    "doc": FileKind("application/msword", OLE2),
    "xls": FileKind("application/vnd.ms-excel", OLE2),
    "ppt": FileKind("application/vnd.ms-powerpoint", OLE2),
    "docx": FileKind(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP, "word/document.xml"
    ),
    "xlsx": FileKind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP, "xl/workbook.xml"),
    "pptx": FileKind(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP, "ppt/presentation.xml"
    ),
    "odt": FileKind("application/vnd.oasis.opendocument.text", ZIP, "content.xml"),
    "ods": FileKind("application/vnd.oasis.opendocument.spreadsheet", ZIP, "content.xml"),
}


def allowed_extensions() -> list[str]:
    return [ext for ext in settings.APPRAISAL_EVIDENCE_EXTENSIONS if ext in KINDS]


def check_evidence_file(upload: UploadedFile) -> str:
    """Refuse an unsafe or oversize upload; return the content type to serve it with."""
    limit = settings.APPRAISAL_EVIDENCE_MAX_BYTES
    if upload.size > limit:
        params = {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        raise ValidationError(EVIDENCE_TOO_LARGE, code="too_large", params=params)
    if upload.size == 0:
        raise ValidationError(EVIDENCE_EMPTY, code="empty")
    extension = Path(upload.name or "").suffix.lower().lstrip(".")
    if extension not in allowed_extensions():
        params = {"ext": extension, "allowed": ", ".join(allowed_extensions())}
        raise ValidationError(EVIDENCE_TYPE_NOT_ALLOWED, code="type", params=params)
    kind = KINDS[extension]
    if not _content_matches(upload, kind):
        raise ValidationError(EVIDENCE_CONTENT_MISMATCH, code="content", params={"ext": extension})
    return kind.content_type


def _content_matches(upload: UploadedFile, kind: FileKind) -> bool:
    upload.seek(0)
    head = upload.read(len(kind.magic))
    upload.seek(0)
    if head != kind.magic:
        return False
    return not kind.zip_member or _zip_has_member(upload, kind.zip_member)


def _zip_has_member(upload: UploadedFile, member: str) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            return member in archive.namelist()
    except zipfile.BadZipFile:
        return False
    finally:
        upload.seek(0)
