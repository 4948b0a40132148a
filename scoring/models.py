"""Stored periodic scores (domain.md §7.2): Kinerja's own index, never the official predikat.

Pages read these rows; nothing heavy is computed in a request. Rows are written only by
``scoring.services.scores_compute``, which is set-based and idempotent.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from appraisal.models import AppraisalPeriod
from appraisal.predikat import Predikat
from core.models import StepLog

from .composite import COMPONENTS

WEIGHT_OUT_OF_RANGE = _("Bobot harus antara 0 dan 1.")
WEIGHTS_NOT_ONE = _("Jumlah bobot R, E, C dan P harus tepat 1 (sekarang %(total)s).")
POINTS_OUT_OF_RANGE = _("Poin harus antara 0 dan 100, skala komponen skor.")
POINTS_NOT_ORDERED = _("Poin harus berurutan: Di Atas Ekspektasi ≥ Sesuai Ekspektasi ≥ Di Bawah Ekspektasi.")
# The official short forms of the predikat, best to worst, as the unit table and its legend show them.
PREDIKAT_ABBREVIATIONS = (
    ("SB", Predikat.SANGAT_BAIK),
    ("B", Predikat.BAIK),
    ("BP", Predikat.BUTUH_PERBAIKAN),
    ("K", Predikat.KURANG_MISCONDUCT),
    ("SK", Predikat.SANGAT_KURANG),
)


LowerFormula = AppraisalPeriod.LowerFormula


def _setting(name: str):
    def default():
        return Decimal(str(settings.SCORING_DEFAULTS[name]))

    default.__name__ = default.__qualname__ = f"default_{name}"
    return default


default_weight_results = _setting("weight_results")
default_weight_evaluation = _setting("weight_evaluation")
default_weight_citizens = _setting("weight_citizens")
default_weight_peers = _setting("weight_peers")
default_points_above = _setting("points_above")
default_points_as_expected = _setting("points_as_expected")
default_points_below = _setting("points_below")


def default_min_responses() -> int:
    return settings.SKM_MIN_RESPONSES_PER_EMPLOYEE


class ScoringPolicy(models.Model):
    """The numbers of §7.2 that HR sets per period: component weights and rating points."""

    period = models.OneToOneField(
        "appraisal.AppraisalPeriod", verbose_name=_("periode"), on_delete=models.CASCADE, related_name="scoring_policy"
    )
    weight_results = models.DecimalField(
        _("bobot R (capaian)"), max_digits=4, decimal_places=2, default=default_weight_results
    )
    weight_evaluation = models.DecimalField(
        _("bobot E (evaluasi atasan)"), max_digits=4, decimal_places=2, default=default_weight_evaluation
    )
    weight_citizens = models.DecimalField(
        _("bobot C (kepuasan masyarakat)"), max_digits=4, decimal_places=2, default=default_weight_citizens
    )
    weight_peers = models.DecimalField(
        _("bobot P (rekan kerja)"), max_digits=4, decimal_places=2, default=default_weight_peers
    )
    points_above = models.DecimalField(
        _("poin Di Atas Ekspektasi"), max_digits=5, decimal_places=2, default=default_points_above
    )
    points_as_expected = models.DecimalField(
        _("poin Sesuai Ekspektasi"), max_digits=5, decimal_places=2, default=default_points_as_expected
    )
    points_below = models.DecimalField(
        _("poin Di Bawah Ekspektasi"), max_digits=5, decimal_places=2, default=default_points_below
    )
    min_employee_responses = models.PositiveSmallIntegerField(
        _("minimal respons SKM per pegawai"), default=default_min_responses, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("aturan skor")
        verbose_name_plural = _("aturan skor")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    weight_results__gte=0, weight_evaluation__gte=0, weight_citizens__gte=0, weight_peers__gte=0
                ),
                name="scoring_weights_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return str(self.period)

    WEIGHT_FIELDS = ("weight_results", "weight_evaluation", "weight_citizens", "weight_peers")
    POINT_FIELDS = ("points_above", "points_as_expected", "points_below")

    def clean(self) -> None:
        """Weights are shares of one (§7.2 rescales only for a missing component); points rank the ratings."""
        errors = {name: WEIGHT_OUT_OF_RANGE for name in self.WEIGHT_FIELDS if not 0 <= getattr(self, name) <= 1}
        errors |= {name: POINTS_OUT_OF_RANGE for name in self.POINT_FIELDS if not 0 <= getattr(self, name) <= 100}
        if errors:
            raise ValidationError(errors)
        total = sum(self.weights().values(), Decimal(0))
        problems = [
            ValidationError(WEIGHTS_NOT_ONE, code="weights_sum", params={"total": total}) if total != 1 else None,
            ValidationError(POINTS_NOT_ORDERED, code="points_order")
            if not self.points_above >= self.points_as_expected >= self.points_below
            else None,
        ]
        if problems := [problem for problem in problems if problem]:
            raise ValidationError(problems)

    def weights(self) -> dict[str, Decimal]:
        return {
            "R": self.weight_results,
            "E": self.weight_evaluation,
            "C": self.weight_citizens,
            "P": self.weight_peers,
        }


class ScoringRules(models.Model):
    """The rule version and the settings that made stored scores (``scoring.rules``), kept once per content.

    Every score row points at the snapshot of the run that wrote it, so a later change of the policy
    never rewrites how an old row reads. Snapshots are never deleted while a row points at them.
    Version 0: scores stored before the rules were recorded; only their weights are known.
    """

    rule_version = models.PositiveSmallIntegerField(_("versi aturan"))
    content_hash = models.CharField(max_length=64, unique=True)
    settings = models.JSONField(_("pengaturan"))
    created_at = models.DateTimeField(_("pertama dipakai"), auto_now_add=True)

    class Meta:
        verbose_name = _("aturan skor tercatat")
        verbose_name_plural = _("aturan skor tercatat")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"v{self.rule_version} #{self.pk}"

    def setting_rows(self) -> list[tuple[str, str]]:
        """(label, value) of each recorded setting, in the reader's language, for the transparency page."""
        values = self.settings
        weights = values["weights"]  # JSONB keeps keys sorted; the page lists them R, E, C, P
        rows = [(_("Bobot"), " · ".join(f"{code} {_number(weights[code])}" for code in COMPONENTS if code in weights))]
        if "points" in values:
            points = [_number(values["points"][name]) for name in ("above", "as_expected", "below")]
            rows += [
                (_("Poin rating (Di Atas · Sesuai · Di Bawah)"), " · ".join(points)),
                (_("Batas atas capaian"), _number(values["achievement_cap"])),
                (_("Batas bawah capaian"), _number(values["achievement_floor"])),
                (_("Rumus makin-rendah-makin-baik"), str(LowerFormula(values["lower_formula"]).label)),
                (_("Minimal respons SKM untuk IKM pegawai"), str(values["min_employee_responses"])),
                (_("Minimal rekan yang menjawab"), str(values["min_peer_answers"])),
                (_("Bobot unsur SKM"), values["skm_weight_mode"]),
            ]
        return rows


def _number(text: str) -> str:
    """A recorded figure with the reader's decimal separator."""
    return number_format(Decimal(text), use_l10n=True)


class EmployeeScore(models.Model):
    """One employee's components and composite score at one checkpoint of a period.

    Derived data, rewritten in bulk: its foreign keys are not database constraints (Django still
    cascades deletes), which keeps a 400 000-row recompute from checking four keys per row. Nor
    do they get an index each: the one unique key, period first, serves the recompute and the HR
    lists (one period) as well as an employee's page (one lookup per period); deleting an employee,
    a unit or a plan (rare, admin only) scans the table instead. Each index left out made the first
    recompute of a 100 000-employee period about half a second faster.
    """

    class CitizenSource(models.TextChoices):
        EMPLOYEE = "EMPLOYEE", _("Responden yang menyebut pegawai")
        UNIT = "UNIT", _("IKM unit kerja")
        NONE = "", _("Tidak ada")

    employee = models.ForeignKey(
        "org.Employee", on_delete=models.CASCADE, related_name="scores", db_constraint=False, db_index=False
    )
    period = models.ForeignKey(
        "appraisal.AppraisalPeriod",
        on_delete=models.CASCADE,
        related_name="employee_scores",
        db_constraint=False,
        db_index=False,
    )
    checkpoint = models.PositiveSmallIntegerField(_("titik pantau"))
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.CASCADE, related_name="+", db_constraint=False, db_index=False
    )
    plan = models.ForeignKey(
        "appraisal.Plan", null=True, on_delete=models.SET_NULL, related_name="+", db_constraint=False, db_index=False
    )
    achievement = models.DecimalField(_("capaian SKP"), max_digits=7, decimal_places=2, null=True)
    results = models.DecimalField("R", max_digits=5, decimal_places=2, null=True)
    work_points = models.DecimalField("S", max_digits=5, decimal_places=2, null=True)
    behaviour_points = models.DecimalField("B", max_digits=5, decimal_places=2, null=True)
    evaluation = models.DecimalField("E", max_digits=5, decimal_places=2, null=True)
    citizens = models.DecimalField("C", max_digits=5, decimal_places=2, null=True)
    citizens_source = models.CharField(max_length=8, choices=CitizenSource.choices, blank=True)
    citizens_responses = models.PositiveIntegerField(default=0)
    peers = models.DecimalField("P", max_digits=5, decimal_places=2, null=True)
    peer_answers = models.PositiveIntegerField(default=0)
    score = models.DecimalField(_("skor kinerja"), max_digits=5, decimal_places=2, null=True)
    predikat = models.CharField(_("predikat"), max_length=20, blank=True)
    missing = ArrayField(models.CharField(max_length=1), default=list, blank=True)
    rules = models.ForeignKey(
        "ScoringRules",
        verbose_name=_("aturan"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        verbose_name = _("skor pegawai")
        verbose_name_plural = _("skor pegawai")
        ordering = ["period", "checkpoint", "employee"]
        constraints = [
            models.UniqueConstraint(fields=["period", "employee", "checkpoint"], name="one_score_per_checkpoint"),
        ]
        indexes = [
            # The scores page's order (best first): a page is read from the index and only the ties on
            # a score are sorted by name, instead of sorting a whole checkpoint of the Pemda.
            models.Index("period", "checkpoint", F("score").desc(nulls_last=True), name="employee_score_period_order"),
            # The HR dashboard's score per unit: a checkpoint's sums per unit read from the index alone
            # (the recompute leaves the table all-visible), not from a pass over every checkpoint's rows.
            models.Index(fields=["period", "checkpoint", "unit"], include=["score"], name="employee_score_unit_sums"),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id}@{self.period_id}/{self.checkpoint}: {self.score}"

    @property
    def checkpoint_label(self) -> str:
        checkpoint = self.period.checkpoint(self.checkpoint)
        return checkpoint.label if checkpoint else str(self.checkpoint)

    @property
    def predikat_label(self) -> str:
        return Predikat(self.predikat).label if self.predikat else ""

    def weight_rows(self) -> list[tuple[str, Decimal, Decimal | None, Decimal | None]]:
        """(component, weight set by HR, value, weight after leaving out what is missing), for the page."""
        values = {"R": self.results, "E": self.evaluation, "C": self.citizens, "P": self.peers}
        weights = {code: Decimal(weight) for code, weight in self.rules.settings["weights"].items()}
        present = sum((weights[code] for code in values if values[code] is not None), Decimal(0))
        return [
            (
                code,
                weights[code],
                values[code],
                weights[code] / present if values[code] is not None and present else None,
            )
            for code in values
        ]


class UnitScore(models.Model):
    """Aggregates of a unit and all its sub-units at one checkpoint: mean score, predikat counts, IKM."""

    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="scores")
    period = models.ForeignKey("appraisal.AppraisalPeriod", on_delete=models.CASCADE, related_name="unit_scores")
    checkpoint = models.PositiveSmallIntegerField(_("titik pantau"))
    employees = models.PositiveIntegerField(_("pegawai"))
    scored = models.PositiveIntegerField(_("pegawai dengan skor"))
    mean_score = models.DecimalField(_("rata-rata skor"), max_digits=5, decimal_places=2, null=True)
    predikat_counts = models.JSONField(_("sebaran predikat"), default=dict)
    ikm = models.DecimalField(_("IKM (25–100)"), max_digits=5, decimal_places=2, null=True)
    ikm_responses = models.PositiveIntegerField(default=0)
    rules = models.ForeignKey(
        "ScoringRules", verbose_name=_("aturan"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("skor unit")
        verbose_name_plural = _("skor unit")
        ordering = ["period", "checkpoint", "unit"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "period", "checkpoint"], name="one_unit_score_per_checkpoint"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}@{self.period_id}/{self.checkpoint}"

    def predikat_distribution(self) -> list[int]:
        """How many people hold each predikat, in the order of ``PREDIKAT_ABBREVIATIONS``."""
        return [self.predikat_counts.get(predikat, 0) for _short, predikat in PREDIKAT_ABBREVIATIONS]


class ScoreRunQuerySet(models.QuerySet):
    def stale(self, *, at: datetime) -> ScoreRunQuerySet:
        """Runs that lost their worker by ``at``: running without a heartbeat, or queued, for too long."""
        return self.filter(
            Q(status=ScoreRun.Status.RUNNING, heartbeat_at__lt=at - _patience(ScoreRun.Status.RUNNING))
            | Q(status=ScoreRun.Status.QUEUED, heartbeat_at__lt=at - _patience(ScoreRun.Status.QUEUED))
        )


def _patience(status: str) -> timedelta:
    """How long a run may go without a sign of life in this status (a queue may be long; a heartbeat is not)."""
    if status == ScoreRun.Status.QUEUED:
        return timedelta(seconds=settings.SCORING_RUN_QUEUED_SECONDS)
    return timedelta(seconds=settings.SCORING_RUN_STALE_SECONDS)


class ScoreRun(models.Model):
    """One attempt at a recompute: who asked, what it covered, how it went. HR sees failures here.

    A worker claims a queued run, then keeps ``heartbeat_at`` fresh while it computes. A run whose
    heartbeat goes stale lost its worker: the watchdog fails it and queues the next attempt, a new row
    that points back at it (``retry_of``), so the failed attempt stays visible.
    """

    class Scope(models.TextChoices):
        PERIOD = "PERIOD", _("Seluruh periode")
        UNIT = "UNIT", _("Unit kerja")
        EMPLOYEE = "EMPLOYEE", _("Pegawai")

    class Status(models.TextChoices):
        QUEUED = "QUEUED", _("Menunggu")
        RUNNING = "RUNNING", _("Berjalan")
        SUCCESS = "SUCCESS", _("Selesai")
        FAILED = "FAILED", _("Gagal")

    class Failure(models.TextChoices):
        NONE = "", _("Tidak ada")
        ERROR = "ERROR", _("Galat saat menghitung")
        STALLED = "STALLED", _("Worker berhenti tanpa kabar")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    period = models.ForeignKey("appraisal.AppraisalPeriod", on_delete=models.CASCADE, related_name="score_runs")
    scope = models.CharField(_("cakupan"), max_length=8, choices=Scope.choices, default=Scope.PERIOD)
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    employee = models.ForeignKey("org.Employee", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    task_id = models.CharField(max_length=64, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    attempt = models.PositiveSmallIntegerField(_("percobaan ke"), default=1)
    retry_of = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="retry", verbose_name=_("ulangan dari")
    )
    created_at = models.DateTimeField(_("diminta"), auto_now_add=True)
    started_at = models.DateTimeField(_("mulai"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("tanda hidup terakhir"), default=timezone.now)
    progress = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    rows_changed = models.PositiveIntegerField(_("baris berubah"), default=0)
    statements = models.PositiveIntegerField(_("perintah SQL"), default=0)
    failure = models.CharField(_("sebab gagal"), max_length=8, choices=Failure.choices, blank=True)
    error = models.TextField(_("galat"), blank=True)

    objects = ScoreRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("penghitungan skor")
        verbose_name_plural = _("penghitungan skor")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(scope="PERIOD", unit__isnull=True, employee__isnull=True)
                | Q(scope="UNIT", unit__isnull=False, employee__isnull=True)
                | Q(scope="EMPLOYEE", unit__isnull=True, employee__isnull=False),
                name="score_run_scope_matches_target",
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="score_run_progress_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.scope} {self.status}"

    @property
    def duration(self):
        return self.finished_at - self.started_at if self.started_at and self.finished_at else None

    @property
    def is_active(self) -> bool:
        """Still queued or running: the page keeps polling."""
        return self.status in self.ACTIVE

    @property
    def percent_done(self) -> int:
        return 100 if self.status == self.Status.SUCCESS else self.progress if self.is_active else 0

    def is_stale(self, *, at: datetime) -> bool:
        """No sign of life for too long (see ``ScoreRunQuerySet.stale``): its worker is most likely gone."""
        return self.is_active and at - self.heartbeat_at > _patience(self.status)


class ScoringRulesChange(StepLog):
    """Which of a period's scoring rules changed, from what to what (who and when: ``StepLog``): the
    rules page's history.

    Values are kept as text as they were entered; the period's cap and formula also appear in the
    period's own log (``appraisal.PeriodLog``), which knows nothing of the score weights.
    """

    period = models.ForeignKey(
        "appraisal.AppraisalPeriod", on_delete=models.CASCADE, related_name="scoring_rules_changes"
    )
    field = models.CharField(_("aturan"), max_length=32)
    old_value = models.CharField(_("dari"), max_length=64)
    new_value = models.CharField(_("menjadi"), max_length=64)

    class Meta(StepLog.Meta):
        verbose_name = _("perubahan aturan skor")
        verbose_name_plural = _("perubahan aturan skor")

    def __str__(self) -> str:
        return f"{self.period} {self.field}: {self.old_value} → {self.new_value}"

    @property
    def field_label(self) -> str:
        model = ScoringPolicy if hasattr(ScoringPolicy, self.field) else AppraisalPeriod
        return str(model._meta.get_field(self.field).verbose_name)

    def value_labels(self) -> tuple[str, str]:
        """(old, new) as the reader knows them: a lower-is-better formula by its name, numbers as stored."""
        if self.field == "lower_formula":
            return tuple(str(LowerFormula(value).label) for value in (self.old_value, self.new_value))
        return self.old_value, self.new_value
