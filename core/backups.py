"""Backups of the database and the private files, and their restore (docs/operations.md).

Each backup is one folder under ``BACKUP_ROOT``: ``database.dump`` (``pg_dump`` custom format),
``files.tar.gz`` (all of ``PRIVATE_MEDIA_ROOT``) and ``manifest.json``, written last. A folder is
built under a temporary name and renamed when complete, so a folder with a manifest is a whole
backup and nothing half-written is ever taken for one. The folder is the record: it survives a
restore of the database, which a table of backups would not.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

DATABASE_FILE = "database.dump"
FILES_FILE = "files.tar.gz"
MANIFEST_FILE = "manifest.json"
PREFIX = "kinerja-"
PARTIAL_SUFFIX = ".partial"
NAME_FORMAT = "%Y%m%d-%H%M%S"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for the operator."""


@dataclass(frozen=True)
class Backup:
    path: Path
    created_at: datetime
    database: str
    database_bytes: int
    files_count: int
    files_bytes: int

    @property
    def total_bytes(self) -> int:
        return self.database_bytes + self.files_bytes


def _database() -> dict:
    """Connection settings of the configured database (the test database under pytest)."""
    return connections["default"].settings_dict


def _pg_command(program: str, *args: str) -> None:
    """Run a PostgreSQL client with the configured credentials; the password goes in the environment."""
    db = _database()
    env = {**os.environ, "PGPASSWORD": str(db["PASSWORD"] or "")}
    target = ["--host", str(db["HOST"] or "localhost"), "--port", str(db["PORT"] or 5432), "--username", db["USER"]]
    done = subprocess.run([program, *target, *args], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{program} failed ({done.returncode}): {done.stderr.strip()}")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _tar_files(media: Path, archive: Path) -> int:
    count = 0
    with tarfile.open(archive, "w:gz") as tar:
        for path in sorted(media.rglob("*")) if media.exists() else []:
            if path.is_file():
                tar.add(path, arcname=str(path.relative_to(media)))
                count += 1
    return count


def backup_create(*, at: datetime | None = None) -> Backup:
    """Dump the database and pack the private files into a new folder under ``BACKUP_ROOT``."""
    at = timezone.localtime(at or timezone.now())
    root = Path(settings.BACKUP_ROOT)
    final = root / f"{PREFIX}{at.strftime(NAME_FORMAT)}"
    if final.exists():
        raise BackupError(f"{final} already exists")
    work = final.with_name(final.name + PARTIAL_SUFFIX)
    work.mkdir(parents=True)
    try:
        _pg_command("pg_dump", "--format=custom", "--no-owner", f"--file={work / DATABASE_FILE}", _database()["NAME"])
        count = _tar_files(Path(settings.PRIVATE_MEDIA_ROOT), work / FILES_FILE)
        manifest = {
            "created_at": at.isoformat(),
            "database": _database()["NAME"],
            "files_count": count,
            "checksums": {name: _sha256(work / name) for name in (DATABASE_FILE, FILES_FILE)},
        }
        (work / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2))
        work.rename(final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return backup_read(final)


def backup_read(path: Path) -> Backup:
    """The backup in a folder, from its manifest; a folder without one is not a backup."""
    try:
        manifest = json.loads((path / MANIFEST_FILE).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"{path} is not a complete backup (no readable {MANIFEST_FILE})") from exc
    return Backup(
        path=path,
        created_at=datetime.fromisoformat(manifest["created_at"]),
        database=manifest["database"],
        database_bytes=(path / DATABASE_FILE).stat().st_size,
        files_count=manifest["files_count"],
        files_bytes=(path / FILES_FILE).stat().st_size,
    )


def backups_list() -> list[Backup]:
    """Complete backups under ``BACKUP_ROOT``, newest first."""
    root = Path(settings.BACKUP_ROOT)
    folders = root.glob(f"{PREFIX}*") if root.exists() else []
    complete = [backup_read(path) for path in folders if (path / MANIFEST_FILE).is_file()]
    return sorted(complete, key=lambda backup: backup.created_at, reverse=True)


def backups_prune(*, at: datetime | None = None) -> list[Path]:
    """Delete backups older than ``BACKUP_KEEP_DAYS``, always keeping the newest ``BACKUP_KEEP_MIN``,
    and folders a crashed backup left half-written more than a day ago. Returns what was deleted."""
    at = at or timezone.now()
    old = at - timedelta(days=settings.BACKUP_KEEP_DAYS)
    expired = [backup.path for backup in backups_list()[settings.BACKUP_KEEP_MIN :] if backup.created_at < old]
    root = Path(settings.BACKUP_ROOT)
    day_ago = (at - timedelta(days=1)).timestamp()
    partial = [path for path in root.glob(f"{PREFIX}*{PARTIAL_SUFFIX}") if path.stat().st_mtime < day_ago]
    for path in [*expired, *partial]:
        shutil.rmtree(path)
    return [*expired, *partial]


def backup_verify(backup: Backup) -> None:
    """Refuse a backup whose files do not match the checksums of its manifest (a bad copy, a full disk)."""
    manifest = json.loads((backup.path / MANIFEST_FILE).read_text())
    for name, expected in manifest["checksums"].items():
        if _sha256(backup.path / name) != expected:
            raise BackupError(f"{backup.path / name} does not match its checksum; the copy is damaged")


def backup_restore(*, backup: Backup) -> None:
    """Replace the configured database with the backup's (one transaction: all or nothing), then
    unpack its files into ``PRIVATE_MEDIA_ROOT``. Files added since the backup are left in place."""
    backup_verify(backup)
    connections.close_all()
    _pg_command(
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        f"--dbname={_database()['NAME']}",
        str(backup.path / DATABASE_FILE),
    )
    media = Path(settings.PRIVATE_MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(backup.path / FILES_FILE, "r:gz") as tar:
        tar.extractall(media, filter="data")  # "data": no absolute paths, links or devices from the archive
