"""Development needs and training recommendations as computed for a period (domain.md §7.3).

Both are written by ``training.services.recommendations_compute`` only (``InputDigest`` relies on
it). Needs are derived data, brought up to date for the employees whose inputs changed. A
recommendation is a proposal until someone decides on it: PROPOSED rows are replaced when their
employee is derived again, decided ones stay. Each row keeps what it was computed from (the rule
version and its inputs) and its reasons as messages with parameters (``notifications.messages``), so
they read in the reader's language. A decision copies the needs it covers rather than linking to
them, because needs are replaced and a decision is not.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from appraisal.models import AppraisalPeriod
from notifications.messages import render
from org.models import Employee, Position, Unit

from ..rules import Rule
from .catalogue import Programme
from .competencies import Competency


class NeedRule(models.IntegerChoices):
    GAP = Rule.GAP, _("Kesenjangan kompetensi")
    BEHAVIOUR = Rule.BEHAVIOUR, _("Perilaku kerja")
    CITIZENS = Rule.CITIZENS, _("Survei kepuasan masyarakat")
    RESULTS = Rule.RESULTS, _("Predikat kinerja")
    SUPERVISOR = Rule.SUPERVISOR, _("Rencana pengembangan dari atasan")


class Need(models.Model):
    """One (employee, rule, target) of §7.3 with its priority and every reason that raised it."""

    # No index of its own: the (period, employee) indexes below lead with it, and every run rewrites the rows.
    period = models.ForeignKey(
        AppraisalPeriod, verbose_name=_("periode"), on_delete=models.CASCADE, related_name="+", db_index=False
    )
    employee = models.ForeignKey(
        Employee, verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="training_needs"
    )
    rule = models.PositiveSmallIntegerField(_("aturan"), choices=NeedRule.choices)
    competency = models.ForeignKey(
        Competency, verbose_name=_("kompetensi"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # A competency code, COACHING_MENTORING (rule 4) or blank (rule 5, whose target is ``action``).
    target = models.CharField(_("sasaran"), max_length=30, blank=True)
    action = models.TextField(_("rencana pengembangan"), blank=True)
    priority = models.PositiveIntegerField(_("prioritas"))
    reasons = models.JSONField(_("alasan"), default=list)
    inputs = models.JSONField(_("masukan"), default=list)
    rule_version = models.CharField(_("versi aturan"), max_length=20)
    computed_at = models.DateTimeField(_("dihitung"))

    class Meta:
        verbose_name = _("kebutuhan pengembangan")
        verbose_name_plural = _("kebutuhan pengembangan")
        ordering = ["employee", "-priority", "rule", "target"]
        indexes = [models.Index(fields=["period", "employee"], name="need_period_employee_idx")]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.target or self.action[:40]} ({self.priority})"

    @property
    def key(self) -> tuple[int, str]:
        """How a recommendation names the need: rule and target, the action itself for rule 5."""
        return (self.rule, self.action if self.rule == NeedRule.SUPERVISOR else self.target)

    def reason_texts(self) -> list[str]:
        return [render(reason["message"], reason["params"]) for reason in self.reasons]


class NeedTotal(models.Model):
    """How many people of one unit and position kind have a stored need in the period: any need
    (``competency`` empty) or one of a competency. Written with the needs by the same run, from the
    people as they were then. An employee has one unit and one position, so adding these up over a
    subtree counts each person once: the HR dashboard reads them instead of counting distinct people
    over every need (docs/leaders.md, "Tables")."""

    period = models.ForeignKey(
        AppraisalPeriod, verbose_name=_("periode"), on_delete=models.CASCADE, related_name="+", db_index=False
    )
    unit = models.ForeignKey(Unit, verbose_name=_("unit kerja"), on_delete=models.CASCADE, related_name="+")
    position_kind = models.CharField(_("jenis jabatan"), max_length=16, choices=Position.Kind.choices)
    competency = models.ForeignKey(
        Competency, verbose_name=_("kompetensi"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    people = models.PositiveIntegerField(_("pegawai"))

    class Meta:
        verbose_name = _("jumlah pegawai dengan kebutuhan")
        verbose_name_plural = _("jumlah pegawai dengan kebutuhan")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "unit", "position_kind", "competency"], name="need_total_unique", nulls_distinct=False
            )
        ]

    def __str__(self) -> str:
        return f"{self.period_id} {self.unit_id} {self.position_kind} {self.competency_id or '*'}: {self.people}"


class Recommendation(models.Model):
    """A ranked programme, or a supervisor's written action (rule 5), proposed to one employee."""

    class Status(models.TextChoices):
        PROPOSED = "PROPOSED", _("Diusulkan")
        ACCEPTED = "ACCEPTED", pgettext_lazy("recommendation", "Diterima")
        REPLACED = "REPLACED", _("Diganti")
        DISMISSED = "DISMISSED", pgettext_lazy("recommendation", "Ditolak")

    # No index of its own: the (period, employee) indexes below lead with it, and every run rewrites the rows.
    period = models.ForeignKey(
        AppraisalPeriod, verbose_name=_("periode"), on_delete=models.CASCADE, related_name="+", db_index=False
    )
    employee = models.ForeignKey(
        Employee, verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="training_recommendations"
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    action = models.TextField(_("rencana pengembangan dari atasan"), blank=True)
    rank = models.PositiveIntegerField(_("peringkat"))
    priority = models.PositiveIntegerField(_("prioritas"))
    reaches_minimum = models.BooleanField(_("mencapai 20 JP"), default=False)
    # The needs covered, as computed: [{"rule", "target", "priority"}], and their "reasons" once decided.
    needs = models.JSONField(_("kebutuhan yang dipenuhi"), default=list)
    inputs = models.JSONField(_("masukan"), default=dict)
    rule_version = models.CharField(_("versi aturan"), max_length=20)
    computed_at = models.DateTimeField(_("dihitung"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)
    decision_reason = models.TextField(_("alasan keputusan"), blank=True)

    class Meta:
        verbose_name = _("rekomendasi pengembangan")
        verbose_name_plural = _("rekomendasi pengembangan")
        ordering = ["employee", "rank", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(programme__isnull=False) & Q(action="")) | (Q(programme__isnull=True) & ~Q(action="")),
                name="recommendation_programme_or_action",
            ),
            models.CheckConstraint(
                condition=Q(status="PROPOSED") | Q(decided_at__isnull=False), name="recommendation_decision_dated"
            ),
        ]
        indexes = [
            models.Index(fields=["period", "employee", "status"], name="recommendation_period_idx"),
            # The decided rows a run must not propose again, found without reading every proposal.
            models.Index(
                fields=["period", "employee"], condition=~Q(status="PROPOSED"), name="recommendation_decided_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} #{self.rank} {self.programme_id or self.action[:40]}"

    def reason_texts(self) -> list[str]:
        """The reasons of every need it covers, in the reader's language."""
        return [
            render(reason["message"], reason["params"]) for need in self.covered_needs() for reason in need["reasons"]
        ]

    def covered_needs(self) -> list[dict]:
        """The needs it covers with their reasons: its own copy once decided, else the period's needs
        (read once for a list by ``attach_needs``, else here)."""
        if all("reasons" in need for need in self.needs):
            return self.needs
        if not hasattr(self, "_period_needs"):
            attach_needs([self])
        found = self._period_needs
        return [{**need, "reasons": found.get((need["rule"], need["target"]), [])} for need in self.needs]

    def freeze_needs(self) -> None:
        """Copy the covered needs' reasons into the row, before a decision keeps it past the next run."""
        self.needs = self.covered_needs()


class RecommendationRun(models.Model):
    """One run of ``recommendations_compute``: the rule version and policy its rows were computed with,
    stored once; its needs and recommendations carry the same period and ``computed_at``."""

    period = models.ForeignKey(AppraisalPeriod, verbose_name=_("periode"), on_delete=models.CASCADE, related_name="+")
    computed_at = models.DateTimeField(_("dihitung"))
    rule_version = models.CharField(_("versi aturan"), max_length=20)
    policy = models.JSONField(_("kebijakan"), default=dict)

    class Meta:
        verbose_name = _("penghitungan rekomendasi")
        verbose_name_plural = _("penghitungan rekomendasi")
        constraints = [models.UniqueConstraint(fields=["period", "computed_at"], name="recommendation_run_unique")]

    def __str__(self) -> str:
        return f"{self.period_id} {self.computed_at:%Y-%m-%d %H:%M}"


class InputDigest(models.Model):
    """What an employee's needs and proposals were last computed from, as one hash per period.

    A run hashes every input of §7.3 for each employee (``training.sql.DIGESTS``: the standard, the
    levels, the counted evaluation, the citizens' answers, the unit's grade, the JP, the decisions,
    and the catalogue, dictionary and policy shared by all) and derives needs and proposals again only
    for the employees whose hash changed: a nightly run over a Pemda where a few hundred people's
    inputs changed reads everything once and rewrites a few hundred people's rows.
    """

    period = models.ForeignKey(AppraisalPeriod, verbose_name=_("periode"), on_delete=models.CASCADE, related_name="+")
    employee = models.ForeignKey(Employee, verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="+")
    digest = models.UUIDField(_("sidik masukan"))

    class Meta:
        verbose_name = _("sidik masukan rekomendasi")
        verbose_name_plural = _("sidik masukan rekomendasi")
        constraints = [models.UniqueConstraint(fields=["period", "employee"], name="input_digest_one_per_employee")]

    def __str__(self) -> str:
        return f"{self.period_id} {self.employee_id} {self.digest}"


def attach_needs(recommendations: list[Recommendation]) -> None:
    """Read the reasons of the needs that the given proposals cover, for all of them in one query."""
    pairs = {(r.period_id, r.employee_id) for r in recommendations}
    found: dict[tuple[int, int], dict] = {pair: {} for pair in pairs}
    if pairs:
        rows = Need.objects.filter(
            period_id__in={period for period, _ in pairs}, employee_id__in={employee for _, employee in pairs}
        )
        for need in rows.only("period_id", "employee_id", "rule", "target", "action", "reasons"):
            if (need.period_id, need.employee_id) in found:
                found[need.period_id, need.employee_id][need.key] = need.reasons
    for recommendation in recommendations:
        recommendation._period_needs = found[recommendation.period_id, recommendation.employee_id]
