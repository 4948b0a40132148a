from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppraisalConfig(AppConfig):
    name = "appraisal"
    verbose_name = _("Penilaian kinerja")
    # ``manage.py seed_demo``: the plans first, then the evaluations of those plans.
    demo_seeders = ("appraisal.demo.plans.seed_appraisal", "appraisal.demo.evaluations.seed_evaluations")

    def ready(self) -> None:
        from notifications.reminders import register as register_reminder
        from org.home import HomePanel, register
        from org.imports.kinds import ImportKind
        from org.imports.kinds import register as register_import

        from .exchange.skp import SKP_RECORDS, plan_skp_records
        from .reminders import KINDS
        from .views.home import awaiting_panel

        register(HomePanel("appraisal/includes/home_awaiting.html", awaiting_panel))
        register_import(ImportKind(SKP_RECORDS, plan_skp_records, "appraisal:exchange", "appraisal:exchange"))
        for kind in KINDS:
            register_reminder(kind)
