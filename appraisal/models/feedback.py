"""Continuous feedback during the period and peer input on the behaviour values (domain.md §1.5, §5).

A note (*umpan balik berkelanjutan*) is dated, tied to one work result or one value, written by the
Pejabat Penilai and optionally linked to evidence. A private note is for the official and HR only.
Peers answer on a 1–4 scale per value (§7.2 P needs the raw answers); the official sees them only
aggregated and without names.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .evaluations import CoreValue, Evaluation
from .plans import Plan, WorkResult
from .progress import Evidence

PEER_SCALE = [(1, _("1 · Jarang")), (2, _("2 · Kadang-kadang")), (3, _("3 · Sering")), (4, _("4 · Selalu"))]


class FeedbackNote(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="feedback_notes")
    date = models.DateField(_("tanggal"))
    work_result = models.ForeignKey(
        WorkResult,
        verbose_name=_("hasil kerja"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback_notes",
    )
    value = models.ForeignKey(
        CoreValue, verbose_name=_("nilai perilaku"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("umpan balik"))
    is_private = models.BooleanField(
        _("catatan pribadi"), default=False, help_text=_("Hanya terlihat oleh pejabat penilai dan BKPSDM.")
    )
    evidence = models.ForeignKey(
        Evidence,
        verbose_name=_("bukti dukung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_notes",
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)

    class Meta:
        verbose_name = _("umpan balik berkelanjutan")
        verbose_name_plural = _("umpan balik berkelanjutan")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(work_result__isnull=False, value__isnull=True)
                | Q(work_result__isnull=True, value__isnull=False),
                name="feedback_about_one_thing",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]


class PeerRequest(models.Model):
    """A colleague (rekan kerja) invited by the official to give feedback in one evaluation."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="peer_requests")
    peer = models.ForeignKey(
        "org.Employee", verbose_name=_("rekan kerja"), on_delete=models.PROTECT, related_name="peer_requests"
    )
    comment = models.TextField(_("komentar"), blank=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    invited_at = models.DateTimeField(_("diundang"), auto_now_add=True)
    answered_at = models.DateTimeField(_("dijawab"), null=True, blank=True)

    class Meta:
        verbose_name = _("masukan rekan kerja")
        verbose_name_plural = _("masukan rekan kerja")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "peer"], name="one_request_per_peer")]

    def __str__(self) -> str:
        return f"{self.evaluation_id} ← {self.peer_id}"


class PeerAnswer(models.Model):
    request = models.ForeignKey(PeerRequest, on_delete=models.CASCADE, related_name="answers")
    value = models.ForeignKey(CoreValue, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(
        _("skor"), choices=PEER_SCALE, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )

    class Meta:
        verbose_name = _("jawaban rekan kerja")
        verbose_name_plural = _("jawaban rekan kerja")
        constraints = [
            models.UniqueConstraint(fields=["request", "value"], name="one_peer_answer_per_value"),
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=4), name="peer_score_1_to_4"),
        ]

    def __str__(self) -> str:
        return f"{self.request_id} {self.value_id}: {self.score}"
