from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The base below every app: infrastructure that knows nothing of the domain."""

    name = "core"
    verbose_name = _("Inti aplikasi")
