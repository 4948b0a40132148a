"""``manage.py setup_periodic_tasks``: declare every beat schedule in one place (idempotent).

HR may change a schedule in the admin afterwards (django-celery-beat); running this again puts the
task back if it was deleted but keeps an edited schedule.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand
from django_celery_beat.models import CrontabSchedule, PeriodicTask

PERIODIC_TASKS = [
    ("Hitung ulang skor periode terbuka", "scoring.tasks.open_periods_recompute", settings.SCORING_NIGHTLY_CRONTAB),
]


class Command(BaseCommand):
    help = "Daftarkan tugas berkala Celery beat (idempoten)."

    def handle(self, *args, **options) -> None:
        for name, task, crontab in PERIODIC_TASKS:
            schedule, _ = CrontabSchedule.objects.get_or_create(**crontab, timezone=settings.TIME_ZONE)
            _, created = PeriodicTask.objects.get_or_create(name=name, defaults={"task": task, "crontab": schedule})
            self.stdout.write(f"{'+' if created else '='} {name} ({task})")
