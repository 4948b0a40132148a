from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeadersConfig(AppConfig):
    """Leaders' views over every other app: the HR dashboard, recognition and coaching, the talent map
    and the reports. The top layer: it reads scoring, training, appraisal and surveys; nothing imports it."""

    name = "leaders"
    verbose_name = _("Pandangan pimpinan")
    # ``manage.py seed_demo``, after every other app: the talent map reads appraisal and training data.
    demo_seeders = ("leaders.demo.talent.seed_talent",)
