from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeadersConfig(AppConfig):
    """Leaders' views over every other app: the HR dashboard, recognition and coaching, the talent map
    and the reports. The top layer: it reads scoring, training, appraisal and surveys; nothing imports it."""

    name = "leaders"
    verbose_name = _("Pandangan pimpinan")
    # ``manage.py seed_demo``, after every other app: recognition reads the scores, the talent map the
    # appraisal and training data (and adds last year's results).
    demo_seeders = ("leaders.demo.recognition.seed_recognition", "leaders.demo.talent.seed_talent")

    def ready(self) -> None:
        from org.home import HomePanel, register

        from .dashboard.home import leaders_panel
        from .recognition.home import recognition_panel

        register(HomePanel("leaders/dashboard/includes/home_panel.html", leaders_panel))
        register(HomePanel("leaders/recognition/includes/home_panel.html", recognition_panel))
