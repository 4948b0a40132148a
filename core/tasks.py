"""Infrastructure jobs: the periodic ones (declared in ``manage.py setup_periodic_tasks``) and account e-mails."""

from __future__ import annotations

from celery import shared_task


@shared_task
def worker_heartbeat() -> None:
    """Every minute: prove that beat schedules and a worker runs (the health page shows the age)."""
    from django.utils import timezone

    from .models import Heartbeat

    Heartbeat.objects.update_or_create(name=Heartbeat.WORKER, defaults={"at": timezone.now()})


# A large Pemda's evidence files take longer to pack than the default limit allows any task.
@shared_task(time_limit=6 * 3600, soft_time_limit=6 * 3600 - 300)
def backup_create() -> str:
    """Nightly: back up the database and the private files, then apply the retention rule."""
    from .backups import backup_create as create
    from .backups import backups_prune

    backup = create()
    backups_prune()
    return str(backup.path)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def password_reset_email_send(user_id: int, language: str) -> None:
    """Send a password reset e-mail queued by the reset page (core.accounts)."""
    from .accounts import password_reset_email_send as send

    send(user_id=user_id, language=language)
