"""In-app notifications; the same service also e-mails them (see ``services.notify``)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
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


# --- Reminders (``notifications.reminders``) -------------------------------------------------------

MAX_LEAD_DAYS = 60
HOUR_RANGE = _("Jam kirim harus bilangan bulat 0 sampai 23 (WIB).")
LEAD_RANGE = _("Jumlah hari harus bilangan bulat 0 sampai %(limit_value)s.")


class ReminderSchedule(models.Model):
    """HR's schedule for one kind of reminder; a kind without a row runs on the defaults it declares."""

    class Interval(models.TextChoices):
        DAILY = "DAILY", _("Harian")
        WEEKLY = "WEEKLY", _("Mingguan (Senin)")

    kind = models.CharField(_("jenis pengingat"), max_length=40, unique=True)
    enabled = models.BooleanField(_("aktif"), default=True)
    interval = models.CharField(_("selang"), max_length=8, choices=Interval.choices, default=Interval.DAILY)
    hour = models.PositiveSmallIntegerField(
        _("jam kirim (WIB)"), validators=[MaxValueValidator(23, message=HOUR_RANGE)]
    )
    lead_days = models.PositiveSmallIntegerField(
        _("hari sebelum batas"), validators=[MaxValueValidator(MAX_LEAD_DAYS, message=LEAD_RANGE)]
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("jadwal pengingat")
        verbose_name_plural = _("jadwal pengingat")
        ordering = ["kind"]
        constraints = [
            models.CheckConstraint(condition=models.Q(hour__lte=23), name="reminder_hour_in_day"),
            models.CheckConstraint(condition=models.Q(lead_days__lte=MAX_LEAD_DAYS), name="reminder_lead_days_max"),
        ]

    def __str__(self) -> str:
        return self.kind

    @property
    def is_weekly(self) -> bool:
        return self.interval == self.Interval.WEEKLY


class ReminderPreference(models.Model):
    """How a person wants their reminders by e-mail: each at once, or one e-mail a week."""

    class Delivery(models.TextChoices):
        IMMEDIATE = "IMMEDIATE", _("Segera, satu e-mail per pengingat")
        WEEKLY = "WEEKLY", _("Ringkasan mingguan, satu e-mail setiap Senin")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="reminder_preference"
    )
    delivery = models.CharField(
        _("pengiriman pengingat lewat e-mail"), max_length=10, choices=Delivery.choices, default=Delivery.IMMEDIATE
    )
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("preferensi pengingat")
        verbose_name_plural = _("preferensi pengingat")

    def __str__(self) -> str:
        return f"{self.user} {self.delivery}"


class ReminderDigest(models.Model):
    """One weekly e-mail gathering a person's reminders; the unique week keeps it to one per week."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week = models.CharField(_("minggu"), max_length=8)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    emailed_at = models.DateTimeField(_("dikirim lewat e-mail"), null=True, blank=True)

    class Meta:
        verbose_name = _("ringkasan pengingat")
        verbose_name_plural = _("ringkasan pengingat")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["recipient", "week"], name="one_digest_per_week")]

    def __str__(self) -> str:
        return f"{self.recipient} {self.week}"


class SentReminder(models.Model):
    """The sent log: one row per (kind, item, recipient, interval bucket), claimed by an INSERT that
    skips an existing key, so two sweeps never remind anyone of the same thing twice in one interval."""

    kind = models.CharField(_("jenis pengingat"), max_length=40)
    item = models.CharField(_("butir"), max_length=100)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    bucket = models.CharField(_("selang"), max_length=12)
    sent_at = models.DateTimeField(_("dikirim"))
    notification = models.ForeignKey(
        Notification, null=True, blank=True, on_delete=models.SET_NULL, related_name="reminders"
    )
    # Set for a recipient who chose the weekly digest: the e-mail waits for the digest.
    in_digest = models.BooleanField(_("lewat ringkasan mingguan"), default=False)
    digest = models.ForeignKey(
        ReminderDigest, null=True, blank=True, on_delete=models.SET_NULL, related_name="reminders"
    )

    class Meta:
        verbose_name = _("pengingat terkirim")
        verbose_name_plural = _("pengingat terkirim")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "item", "recipient", "bucket"], name="one_reminder_per_interval")
        ]
        indexes = [
            models.Index(
                fields=["recipient"],
                condition=models.Q(in_digest=True, digest__isnull=True),
                name="reminder_digest_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.item} → {self.recipient_id} ({self.bucket})"
