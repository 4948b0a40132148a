"""In-app notifications; the same service also e-mails them (see ``services.notify``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from .messages import render


class NotificationQuerySet(models.QuerySet["Notification"]):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("penerima"), on_delete=models.CASCADE, related_name="notifications"
    )
    # Title and body are messages in the source language (msgids), put into the reader's language with
    # ``params`` when read (``notifications.messages``); ``note`` holds a person's own words as written.
    title = models.CharField(_("judul"), max_length=200)
    body = models.TextField(_("isi"), blank=True)
    params = models.JSONField(_("parameter"), default=dict, blank=True)
    note = models.TextField(_("catatan"), blank=True)
    url = models.CharField(_("tautan"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    read_at = models.DateTimeField(_("dibaca"), null=True, blank=True)
    # Set when the e-mail went out, so a redelivered task does not send it again.
    emailed_at = models.DateTimeField(_("dikirim lewat e-mail"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.title_text()

    def title_text(self) -> str:
        """The title in the active language (the reader's)."""
        return render(self.title, self.params)

    def body_text(self) -> str:
        """The body in the active language, then the person's own words, if any."""
        return "\n\n".join(part for part in (render(self.body, self.params), self.note) if part)

    @property
    def local_url(self) -> str:
        """Where opening the notification leads: its link if it is a path on this site, else the list.

        Links are stored by the services that notify; checking them here keeps an absolute or
        ``//host`` URL from turning the app (or its e-mails) into an open redirect.
        """
        if self.url.startswith("/") and url_has_allowed_host_and_scheme(self.url, allowed_hosts=None):
            return self.url
        return reverse("notifications:notification-list")
