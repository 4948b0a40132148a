from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Survei kepuasan masyarakat")
    demo_seeders = ("surveys.demo.activity.seed_surveys",)  # ``manage.py seed_demo``

    def ready(self) -> None:
        from notifications.reminders import register

        from . import checks  # noqa: F401 - registers the system checks
        from .reminders import KINDS

        for kind in KINDS:
            register(kind)
