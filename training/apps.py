from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Pengembangan kompetensi")
    # ``manage.py seed_demo``: the catalogue first, then standards, profiles and records that use it, then
    # the latest period's recommendations computed from all of them.
    demo_seeders = (
        "training.demo.catalogue.seed_catalogue",
        "training.demo.profiles.seed_profiles",
        "training.demo.recommendations.seed_recommendations",
    )

    def ready(self) -> None:
        from notifications.reminders import register as register_reminder
        from org.home import HomePanel
        from org.home import register as register_panel
        from org.imports.kinds import ImportKind, register

        from .home import development_panel
        from .imports.columns import COMPETENCIES, STANDARDS
        from .imports.competencies import plan_competencies
        from .imports.standards import plan_standards
        from .reminders import KINDS

        register(ImportKind(COMPETENCIES, plan_competencies, "training:competency-list", "training:import-upload"))
        register(ImportKind(STANDARDS, plan_standards, "training:standard-list", "training:import-upload"))
        register_panel(HomePanel("training/includes/home_development.html", development_panel))
        for kind in KINDS:
            register_reminder(kind)
