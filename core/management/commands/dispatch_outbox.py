"""Send the outbox's pending jobs to Celery: run beside the web server, the worker and beat."""

from celery import current_app
from django.conf import settings
from django.core.management.base import BaseCommand

from core.outbox import dispatch_forever, dispatch_pending


class Command(BaseCommand):
    help = "Send queued broker work from the outbox to Celery (runs until stopped; --once: one round)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Send what is pending now, then exit.")

    def handle(self, *args, once: bool = False, **options):
        current_app.loader.import_default_modules()  # every app's tasks module, as a worker loads them
        if once:
            report = dispatch_pending()
            self.stdout.write(f"sent {report.sent}, failed {report.failed}")
            return
        self.stdout.write(f"Dispatching the outbox (poll every {settings.OUTBOX_POLL_SECONDS:g} s); Ctrl-C stops.")
        try:
            dispatch_forever(poll_seconds=settings.OUTBOX_POLL_SECONDS)
        except KeyboardInterrupt:
            self.stdout.write("stopped")
