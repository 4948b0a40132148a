"""Infrastructure records that know nothing of the domain."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Heartbeat(models.Model):
    """The last sign of life of a background component (the Celery worker), by name."""

    WORKER = "worker"

    name = models.CharField(_("nama"), max_length=40, primary_key=True)
    at = models.DateTimeField(_("terakhir"))

    class Meta:
        verbose_name = _("tanda hidup")
        verbose_name_plural = _("tanda hidup")

    def __str__(self) -> str:
        return f"{self.name} @ {self.at:%Y-%m-%d %H:%M:%S}"
