"""``manage.py setup_periodic_tasks``: declare every beat schedule in one place (idempotent).

HR may change a schedule in the admin afterwards (django-celery-beat); running this again puts the
task back if it was deleted but keeps an edited schedule. The reminders' entries are written from
HR's reminder schedules (``notifications.reminders``), which HR edits on its own page.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand
from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask

from notifications.reminders import beat_sync_all

EVERY_MINUTE = {"every": 60}

# (name, task, schedule): a schedule is a crontab (dict of its fields) or {"every": seconds}.
PERIODIC_TASKS = [
    ("Hitung ulang skor periode terbuka", "scoring.tasks.open_periods_recompute", settings.SCORING_NIGHTLY_CRONTAB),
    ("Hitung ulang skor pegawai yang datanya berubah", "scoring.tasks.marked_scores_compute", EVERY_MINUTE),
    ("Pulihkan penghitungan skor yang kehilangan worker", "scoring.tasks.stale_runs_recover", EVERY_MINUTE),
    ("Cadangkan basis data dan berkas", "core.tasks.backup_create", settings.BACKUP_CRONTAB),
    ("Tanda hidup worker", "core.tasks.worker_heartbeat", EVERY_MINUTE),
    ("Ringkasan pengingat mingguan", "notifications.tasks.reminder_digests_prepare", settings.REMINDER_DIGEST_CRONTAB),
    ("Hapus log panggilan API yang lewat masa simpan", "api.tasks.call_log_prune", settings.API_CALL_LOG_PRUNE_CRONTAB),
    (
        "Hapus log pengingat terkirim yang lewat masa simpan",
        "notifications.tasks.sent_reminders_prune",
        settings.REMINDER_LOG_PRUNE_CRONTAB,
    ),
]


def _schedule(spec: dict) -> dict:
    if "every" in spec:
        interval, _ = IntervalSchedule.objects.get_or_create(every=spec["every"], period=IntervalSchedule.SECONDS)
        return {"interval": interval}
    crontab, _ = CrontabSchedule.objects.get_or_create(**spec, timezone=settings.TIME_ZONE)
    return {"crontab": crontab}


class Command(BaseCommand):
    help = "Daftarkan tugas berkala Celery beat (idempoten)."

    def handle(self, *args, **options) -> None:
        for name, task, spec in PERIODIC_TASKS:
            _, created = PeriodicTask.objects.get_or_create(name=name, defaults={"task": task, **_schedule(spec)})
            self.stdout.write(f"{'+' if created else '='} {name} ({task})")
        # The reminders follow HR's schedules (notifications.reminders), saved on HR's page.
        for task in beat_sync_all():
            self.stdout.write(f"~ {task.name} ({task.task}, {task.crontab})")
