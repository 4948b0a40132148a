from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScoringConfig(AppConfig):
    name = "scoring"
    verbose_name = _("Skor kinerja berkala")
    # ``manage.py seed_demo``, last (scoring is the last app): the latest period computed for every
    # employee from all the demo data above.
    demo_seeders = ("scoring.demo.seed_scores",)
