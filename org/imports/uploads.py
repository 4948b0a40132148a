"""Uploaded files waiting between the dry run and the confirmation, under PRIVATE_MEDIA_ROOT/imports/.

The session remembers one pending import per user (token, kind, stored name); the file itself
never travels back to the browser, and the token alone is useless without that session.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path
from uuid import uuid4

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

SESSION_KEY = "org_pending_import"
UPLOAD_DIR = "imports"


@dataclass(frozen=True)
class PendingImport:
    token: str
    kind: str
    name: str
    filename: str

    @property
    def path(self) -> Path:
        return Path(default_storage.path(self.name))


def pending_store(session, *, kind: str, upload: UploadedFile) -> PendingImport:
    """Keep the upload for the confirmation step, replacing the user's previous one."""
    pending_discard(session)
    _sweep_abandoned()
    token = str(uuid4())
    name = default_storage.save(f"{UPLOAD_DIR}/{token}{Path(upload.name).suffix.lower()}", upload)
    pending = PendingImport(token, kind, name, Path(upload.name).name)
    session[SESSION_KEY] = asdict(pending)
    return pending


def pending_get(session, token: str) -> PendingImport | None:
    data = session.get(SESSION_KEY)
    if not data or data["token"] != token or not default_storage.exists(data["name"]):
        return None
    return PendingImport(**data)


def pending_discard(session) -> None:
    data = session.pop(SESSION_KEY, None)
    if data:
        default_storage.delete(data["name"])


def _sweep_abandoned() -> None:
    """Delete files of dry runs nobody confirmed; cheap enough to do on every upload."""
    cutoff = timezone.now() - timedelta(hours=settings.ORG_IMPORT_KEEP_HOURS)
    try:
        _, files = default_storage.listdir(UPLOAD_DIR)
    except FileNotFoundError:
        return
    for filename in files:
        name = f"{UPLOAD_DIR}/{filename}"
        if default_storage.get_modified_time(name) < cutoff:
            default_storage.delete(name)
