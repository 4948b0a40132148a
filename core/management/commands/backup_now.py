"""``manage.py backup_now``: back up the database and the private files now, then apply the retention rule."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from core.backups import BackupError, backup_create, backups_prune


class Command(BaseCommand):
    help = "Cadangkan basis data dan berkas privat sekarang, lalu hapus cadangan yang melewati masa simpan."

    def handle(self, *args, **options) -> None:
        try:
            backup = backup_create()
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        size = filesizeformat(backup.total_bytes)
        self.stdout.write(f"{backup.path} ({size}, {backup.files_count} berkas, basis data {backup.database})")
        for path in backups_prune():
            self.stdout.write(f"- {path} dihapus (masa simpan habis)")
