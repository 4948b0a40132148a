from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppraisalConfig(AppConfig):
    name = "appraisal"
    verbose_name = _("Penilaian kinerja")

    def ready(self) -> None:
        from org.home import HomePanel, register

        from .views.home import awaiting_panel

        register(HomePanel("appraisal/includes/home_awaiting.html", awaiting_panel))
