"""Backups: back up, wipe, restore and find the same rows and files; retention; refusals."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from appraisal.models import Evidence, Plan
from core.backups import MANIFEST_FILE, BackupError, backup_create, backup_read, backup_restore, backups_list
from core.backups import backups_prune as prune
from core.models import Heartbeat
from core.tasks import backup_create as backup_create_task
from org.models import Employee, Unit
from tests.appraisal.factories import IndicatorFactory

NOW = datetime(2026, 11, 28, 19, 0, tzinfo=UTC)  # 02:00 in Jakarta


def _appraisal_year(employee) -> Evidence:
    """A plan with an indicator and an uploaded evidence file: rows in several tables plus a private file."""
    indicator = IndicatorFactory(work_result__plan__employee=employee)
    return Evidence.objects.create(
        indicator=indicator,
        file=ContentFile(b"%PDF-1.4 laporan triwulan", name="laporan.pdf"),
        original_name="laporan.pdf",
        content_type="application/pdf",
        size=25,
    )


def _rows() -> dict[str, list]:
    return {
        "units": list(Unit.objects.order_by("pk").values()),
        "employees": list(Employee.objects.order_by("pk").values()),
        "plans": list(Plan.objects.order_by("pk").values()),
        "evidence": list(Evidence.objects.order_by("pk").values()),
        "heartbeats": list(Heartbeat.objects.values()),
    }


def _files(media: Path) -> dict[str, bytes]:
    return {str(path.relative_to(media)): path.read_bytes() for path in media.rglob("*") if path.is_file()}


@pytest.mark.django_db(transaction=True)
def test_a_backup_brings_back_the_same_rows_and_files_after_a_wipe(settings, employee):
    _appraisal_year(employee)
    Heartbeat.objects.create(name=Heartbeat.WORKER, at=NOW)
    (Path(settings.PRIVATE_MEDIA_ROOT) / "imports").mkdir(parents=True)
    (Path(settings.PRIVATE_MEDIA_ROOT) / "imports" / "pegawai.xlsx").write_bytes(b"PK\x03\x04 data")
    rows, files = _rows(), _files(Path(settings.PRIVATE_MEDIA_ROOT))
    assert rows["evidence"] and len(files) == 2

    backup = backup_create()

    with connection.cursor() as cursor:  # the year's data gone, one table dropped outright
        cursor.execute(f"TRUNCATE {Unit._meta.db_table}, {Employee._meta.db_table} CASCADE")
        cursor.execute(f"DROP TABLE {Heartbeat._meta.db_table}")
    shutil.rmtree(settings.PRIVATE_MEDIA_ROOT)

    backup_restore(backup=backup_read(backup.path))

    assert _rows() == rows
    assert _files(Path(settings.PRIVATE_MEDIA_ROOT)) == files
    evidence = Evidence.objects.get()
    assert evidence.file.read() == b"%PDF-1.4 laporan triwulan"


@pytest.mark.django_db(transaction=True)
def test_the_restore_command_explains_and_refuses_without_yes(settings, employee):
    backup = backup_create()
    Employee.objects.all().delete()
    with pytest.raises(CommandError, match="Tidak ada yang diubah"):
        call_command("restore_backup", backup.path.name)
    assert not Employee.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_commands_back_up_and_restore_by_name(settings, employee, capsys):
    call_command("backup_now")
    [backup] = backups_list()
    names = sorted(Employee.objects.values_list("name", flat=True))
    Employee.objects.all().delete()
    call_command("restore_backup", backup.path.name, "--yes")
    out = capsys.readouterr().out
    assert f"MENIMPA seluruh basis data {connection.settings_dict['NAME']}" in out
    assert "Pemulihan selesai" in out
    assert sorted(Employee.objects.values_list("name", flat=True)) == names


@pytest.mark.django_db(transaction=True)
def test_a_damaged_backup_is_refused_before_anything_is_touched(employee):
    backup = backup_create()
    with (backup.path / "database.dump").open("ab") as dump:
        dump.write(b"corrupt")
    Employee.objects.all().delete()
    with pytest.raises(BackupError, match="checksum"):
        backup_restore(backup=backup)
    assert not Employee.objects.exists()


def test_a_folder_without_a_manifest_is_not_a_backup(backup_root):
    (backup_root / "kinerja-20261128-020000").mkdir(parents=True)
    assert backups_list() == []
    with pytest.raises(CommandError, match="bukan|not a complete backup"):
        call_command("restore_backup", "kinerja-20261128-020000", "--yes")


def _fake_backup(root: Path, at: datetime) -> Path:
    path = root / f"kinerja-{timezone.localtime(at):%Y%m%d-%H%M%S}"
    path.mkdir(parents=True)
    for name in ("database.dump", "files.tar.gz"):
        (path / name).write_bytes(b"x")
    manifest = {"created_at": at.isoformat(), "database": "kinerja", "files_count": 0, "checksums": {}}
    (path / MANIFEST_FILE).write_text(json.dumps(manifest))
    return path


def test_retention_deletes_old_backups_but_keeps_the_newest_few(settings, backup_root):
    settings.BACKUP_KEEP_DAYS, settings.BACKUP_KEEP_MIN = 14, 3
    days = [0, 1, 13, 15, 20]
    paths = {day: _fake_backup(backup_root, NOW - timedelta(days=day)) for day in days}
    assert sorted(prune(at=NOW)) == sorted([paths[15], paths[20]])
    assert [backup.path for backup in backups_list()] == [paths[0], paths[1], paths[13]]


def test_retention_never_deletes_the_last_backups_even_when_old(settings, backup_root):
    settings.BACKUP_KEEP_DAYS, settings.BACKUP_KEEP_MIN = 14, 3
    for day in (30, 40, 50, 60):
        _fake_backup(backup_root, NOW - timedelta(days=day))
    assert len(prune(at=NOW)) == 1
    assert len(backups_list()) == 3


def test_the_nightly_task_backs_up_and_prunes(settings, backup_root, db):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.BACKUP_KEEP_DAYS, settings.BACKUP_KEEP_MIN = 14, 1
    old = _fake_backup(backup_root, timezone.now() - timedelta(days=30))
    path = Path(backup_create_task.delay().get())
    assert (path / MANIFEST_FILE).is_file()
    assert not old.exists()
    assert [backup.path for backup in backups_list()] == [path]


def test_a_failed_dump_leaves_no_folder_behind(backup_root, db, monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "PORT", "6398")  # nothing listens there
    with pytest.raises(BackupError, match="pg_dump failed"):
        backup_create()
    assert list(backup_root.iterdir()) == []
