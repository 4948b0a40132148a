from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Pengembangan kompetensi")
    # ``manage.py seed_demo``: the catalogue first, then standards, profiles and records that use it.
    demo_seeders = ("training.demo.catalogue.seed_catalogue", "training.demo.profiles.seed_profiles")

    def ready(self) -> None:
        from org.imports.kinds import ImportKind, register

        from .imports.columns import COMPETENCIES, STANDARDS
        from .imports.competencies import plan_competencies
        from .imports.standards import plan_standards

        register(ImportKind(COMPETENCIES, plan_competencies, "training:competency-list", "training:import-upload"))
        register(ImportKind(STANDARDS, plan_standards, "training:standard-list", "training:import-upload"))
