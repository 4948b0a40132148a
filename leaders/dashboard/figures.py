"""The dashboard's tables: predikat distribution per unit with the §1.6 check, the composite score and
IKM per unit across periods, and the training needs in brief (docs/leaders.md, "HR dashboard").

Rows are units: the Perangkat Daerah (top-level units) when the reader looks at everything, else the
chosen unit and the units right below it, each counting its whole subtree. SQL groups by unit; the
unit groups are then added up per row (a loop over units, never over employees). The curve check is
appraisal's ``distribution_check``; scores and IKM are the stored ``scoring`` rows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from django.db.models import Count, Max, Q, QuerySet, Sum

from appraisal.distribution import DistributionCheck, distribution_check
from appraisal.models import AppraisalPeriod, Evaluation, OrganisationResult
from appraisal.predikat import Predikat
from core.numbers import round_half_up
from org.models import Unit
from org.selectors import unit_subtrees
from scoring.models import EmployeeScore, UnitScore
from training.models import NeedTotal, RecommendationRun

from .scope import Scope

TREND_PERIODS = 5  # the chosen period and up to four before it
TOP_COMPETENCIES = 5


def row_units(scope: Scope) -> list[Unit]:
    """The units the tables have rows for (see the module docstring)."""
    if scope.unit is None:
        return list(Unit.objects.filter(parent__isnull=True, is_active=True).order_by("code"))
    return [scope.unit, *scope.unit.children.filter(is_active=True).order_by("code")]


def _rows_of(units: list[Unit]) -> dict[int, list[int]]:
    """{unit id: the rows (unit ids) it counts in}; one query over the small unit table."""
    found: dict[int, list[int]] = defaultdict(list)
    for row, ids in unit_subtrees(units).items():
        for unit_id in ids:
            found[unit_id].append(row)
    return found


# --- Predikat distribution ------------------------------------------------------------------------


@dataclass(frozen=True)
class DistributionRow:
    unit: Unit
    counts: dict[str, int]
    org_result: OrganisationResult | None
    check: DistributionCheck | None  # ``None`` while the unit has no organisation result

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def cells(self) -> list[tuple[str, str, int, float]]:
        """(code, label, count, percent of the row) per predikat, best first: the bar and its table."""
        total = self.total
        return [
            (code, label, self.counts.get(code, 0), 100 * self.counts.get(code, 0) / total if total else 0.0)
            for code, label in Predikat.choices
        ]


def rated_annual(scope: Scope) -> QuerySet[Evaluation]:
    """Annual results with a predikat the officials have finished (submitted or later), as the
    distribution page counts them; the table counts these and its links list them."""
    annual = Evaluation.objects.filter(kind=Evaluation.Kind.ANNUAL, status__in=Evaluation.RATED_STATUSES)
    return annual.filter(**scope.plan_lookups("plan__")).exclude(predikat="")


def distribution_rows(scope: Scope, units: list[Unit]) -> list[DistributionRow]:
    """Annual predikat the officials have finished (submitted or later) per row, with the check of the
    row unit's organisation result against the whole subtree's counts; three queries."""
    rows_of = _rows_of(units)
    counts: dict[int, dict[str, int]] = {unit.pk: defaultdict(int) for unit in units}
    found = (
        rated_annual(scope)
        .filter(plan__unit_id__in=list(rows_of))
        .values_list("plan__unit_id", "predikat")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for unit_id, predikat, n in found:
        for row in rows_of[unit_id]:
            counts[row][predikat] += n
    results = {
        row.unit_id: row
        for row in OrganisationResult.objects.filter(period=scope.period, unit__in=units).select_related("unit")
    }
    return [_distribution_row(unit, dict(counts[unit.pk]), results.get(unit.pk)) for unit in units]


def _distribution_row(unit: Unit, counts: dict[str, int], result: OrganisationResult | None) -> DistributionRow:
    check = distribution_check(result=result.result, counts=counts) if result else None
    return DistributionRow(unit, counts, result, check)


def units_outside_pattern(scope: Scope) -> list[OrganisationResult]:
    """Units in scope whose own predikat (the unit itself, not its sub-units) are outside their pattern,
    as appraisal's distribution check last found and stored (``OrganisationResult.exceeded``); one query."""
    results = OrganisationResult.objects.filter(period=scope.period, exceeded=True)
    if scope.unit_ids is not None:
        results = results.filter(unit_id__in=scope.unit_ids)
    return list(results.select_related("unit").order_by("unit__code"))


# --- Composite score and IKM across periods -------------------------------------------------------


@dataclass(frozen=True)
class PeriodFigure:
    period: AppraisalPeriod
    checkpoint: int | None  # the latest checkpoint computed in the period
    mean_score: Decimal | None
    scored: int
    ikm: Decimal | None


@dataclass(frozen=True)
class ScoreRow:
    unit: Unit
    figures: list[PeriodFigure]  # oldest period first

    @property
    def current(self) -> PeriodFigure:
        return self.figures[-1]

    @property
    def change(self) -> Decimal | None:
        """The score's change since the period before, where both have one."""
        scores = [figure.mean_score for figure in self.figures if figure.mean_score is not None]
        return scores[-1] - scores[-2] if len(scores) > 1 and self.current.mean_score is not None else None


def trend_periods(period: AppraisalPeriod) -> list[AppraisalPeriod]:
    return list(AppraisalPeriod.objects.filter(year__lte=period.year).order_by("-year")[:TREND_PERIODS])[::-1]


def latest_checkpoints(periods: list[AppraisalPeriod]) -> dict[int, int]:
    """{period id: its latest checkpoint with stored unit scores}; one query."""
    rows = UnitScore.objects.filter(period__in=periods).values("period").annotate(last=Max("checkpoint"))
    return {row["period"]: row["last"] for row in rows.order_by()}


def at_checkpoints(latest: dict[int, int]) -> Q:
    """Rows of each period at its given checkpoint (``latest_checkpoints``); none for no period."""
    at = Q(pk__in=[])
    for period_id, checkpoint in latest.items():
        at |= Q(period_id=period_id, checkpoint=checkpoint)
    return at


def score_rows(scope: Scope, units: list[Unit], periods: list[AppraisalPeriod]) -> list[ScoreRow]:
    """Mean composite score and IKM per row and period, at each period's latest computed checkpoint;
    three queries.

    The mean is ``scoring``'s own: the stored unit aggregate (``UnitScore``, the subtree's Σ score ÷
    count, as the scores page shows it), so the dashboard reads the rule instead of repeating it over
    every employee's row. ``UnitScore`` has no split by position kind, so with a kind chosen the mean is
    summed from the stored employee scores of that kind (``kind_means``); a test holds the two equal."""
    latest = latest_checkpoints(periods)
    at = at_checkpoints(latest)
    stored = {
        (row.unit_id, row.period_id): row
        for row in UnitScore.objects.filter(at, unit__in=units).only(
            "unit_id", "period_id", "ikm", "scored", "mean_score"
        )
    }
    if scope.position_kind:
        means = kind_means(scope, units, at)
    else:
        means = {key: (row.mean_score, row.scored) for key, row in stored.items() if row.scored}
    return [
        ScoreRow(
            unit,
            [
                _figure(
                    period, latest.get(period.pk), means.get((unit.pk, period.pk)), stored.get((unit.pk, period.pk))
                )
                for period in periods
            ],
        )
        for unit in units
    ]


def kind_means(scope: Scope, units: list[Unit], at: Q) -> dict[tuple[int, int], tuple[Decimal, int]]:
    """{(row unit, period): (mean, people)} of the stored employee scores of the scope's position kind
    in each row's subtree; a grouped pass over the index, then the unit groups added up per row."""
    rows_of = _rows_of(units)
    scores = EmployeeScore.objects.filter(at, unit_id__in=list(rows_of), score__isnull=False)
    if scope.position_kind:
        scores = scores.filter(employee__position__kind=scope.position_kind)
    sums: dict[tuple[int, int], list] = defaultdict(lambda: [Decimal(0), 0])
    for period_id, unit_id, total, n in (
        # count(*) leaves the rows in the index (employee_score_unit_sums); count(pk) would read the table
        scores.values_list("period_id", "unit_id").annotate(total=Sum("score"), n=Count("*")).order_by()
    ):
        for row in rows_of[unit_id]:
            sums[(row, period_id)][0] += total
            sums[(row, period_id)][1] += n
    return {key: (round_half_up(Fraction(total) / n), n) for key, (total, n) in sums.items()}


def _figure(
    period: AppraisalPeriod, checkpoint: int | None, mean: tuple | None, stored: UnitScore | None
) -> PeriodFigure:
    mean_score, scored = mean or (None, 0)
    return PeriodFigure(period, checkpoint, mean_score, scored, stored.ikm if stored else None)


# --- Training needs in brief ----------------------------------------------------------------------


@dataclass(frozen=True)
class NeedRow:
    code: str
    name: str
    people: int


@dataclass(frozen=True)
class NeedsBrief:
    people: int  # employees in scope with at least one need
    top: list[NeedRow]  # the competencies with the most people in need
    computed_at: datetime | None  # the period's last computation of needs; ``None``: never computed


def needs_brief(scope: Scope) -> NeedsBrief:
    """The totals that ``training``'s recommendation run stored with the needs, added up over the scope:
    the row without a competency counts the people with any need. As of that run, whose time is shown;
    two queries over a few hundred rows (4 ms for 100 000 people), where counting distinct people over
    every need took 600 ms."""
    totals = NeedTotal.objects.filter(period=scope.period)
    if scope.unit_ids is not None:
        totals = totals.filter(unit_id__in=scope.unit_ids)
    if scope.position_kind:
        totals = totals.filter(position_kind=scope.position_kind)
    people, top = 0, []
    for code, name, n in (
        totals.values_list("competency__code", "competency__name")
        .annotate(people=Sum("people"))
        .order_by("-people", "competency__code")
    ):
        if code is None:
            people = n
        elif len(top) < TOP_COMPETENCIES:
            top.append(NeedRow(code, name, n))
    return NeedsBrief(people, top, needs_computed_at(scope.period))


def needs_computed_at(period: AppraisalPeriod) -> datetime | None:
    """When the period's needs and their totals were last computed; one query."""
    return RecommendationRun.objects.filter(period=period).aggregate(at=Max("computed_at"))["at"]
