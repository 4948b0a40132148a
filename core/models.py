"""Infrastructure records that know nothing of the domain."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
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


class OutboxJobQuerySet(models.QuerySet["OutboxJob"]):
    def pending(self) -> OutboxJobQuerySet:
        return self.filter(sent_at__isnull=True)


class OutboxJob(models.Model):
    """A Celery task to send, written in the transaction whose change calls for it (style rule 27).

    ``core.outbox.dispatch_pending`` hands it to the broker and sets ``sent_at``. ``task_id`` is the
    Celery task id: the same on every delivery, so a task can tell a redelivery from new work.
    """

    task = models.CharField(_("tugas"), max_length=200)
    args = models.JSONField(_("argumen"), default=list, blank=True)
    task_id = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    sent_at = models.DateTimeField(_("dikirim"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("percobaan"), default=0)
    last_error = models.TextField(_("galat terakhir"), blank=True)

    objects = OutboxJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("tugas antrean")
        verbose_name_plural = _("tugas antrean")
        ordering = ["pk"]
        indexes = [models.Index(fields=["id"], condition=Q(sent_at__isnull=True), name="outbox_pending")]

    def __str__(self) -> str:
        return f"{self.task}{tuple(self.args)!r}"


class StepLog(models.Model):
    """What every workflow's audit row records besides its own action (``core.workflow``): why, who and
    when. Newest first."""

    reason = models.TextField(_("alasan"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("oleh"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]


def assign_changes(instance: models.Model, values: Mapping[str, Any], fields: Iterable[str]) -> dict[str, tuple]:
    """Set ``fields`` of ``instance`` from ``values``; returns the ones that changed as (old, new), the
    what-changed of an audit row. Nothing is saved or validated here."""
    changes = {name: (getattr(instance, name), values[name]) for name in fields}
    changes = {name: (old, new) for name, (old, new) in changes.items() if old != new}
    for name, (_old, new) in changes.items():
        setattr(instance, name, new)
    return changes
