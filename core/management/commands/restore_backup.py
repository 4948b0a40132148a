"""``manage.py restore_backup <folder> --yes``: put a backup back, replacing the database and adding its files."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from core.backups import BackupError, backup_read, backup_restore


class Command(BaseCommand):
    help = "Pulihkan cadangan: ganti seluruh basis data dengan isi cadangan dan kembalikan berkas privatnya."

    def add_arguments(self, parser) -> None:
        parser.add_argument("backup", help="folder cadangan atau namanya di BACKUP_ROOT (kinerja-20261129-020000)")
        parser.add_argument("--yes", action="store_true", help="benar-benar menimpa; tanpa ini hanya dijelaskan")

    def handle(self, *args, backup: str, yes: bool, **options) -> None:
        path = Path(backup)
        if not path.is_absolute() and not path.exists():
            path = Path(settings.BACKUP_ROOT) / backup
        try:
            found = backup_read(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        db = connections["default"].settings_dict
        plan = (
            f"Cadangan {found.path} dari {found.created_at:%Y-%m-%d %H:%M} akan:\n"
            f"  - MENIMPA seluruh basis data {db['NAME']} di {db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
            " (semua perubahan sesudah cadangan hilang);\n"
            f"  - mengembalikan {found.files_count} berkas ke {settings.PRIVATE_MEDIA_ROOT}"
            " (berkas yang sama namanya ditimpa; berkas yang lebih baru dibiarkan)."
        )
        self.stdout.write(plan)
        if not yes:
            raise CommandError("Tidak ada yang diubah. Hentikan web, worker dan beat, lalu ulangi dengan --yes.")
        try:
            backup_restore(backup=found)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS("Pemulihan selesai. Jalankan manage.py migrate, lalu nyalakan layanan."))
