"""Every input of the §7.3 rules for a whole period, in a fixed number of queries, and the reads of
their stored results that the JP and planning (AKPK) lists start from.

No query runs per employee: each source is read once for everyone in scope (active employees) and
grouped in Python, so the statement count does not grow with the Pemda (tests hold it so). What
counts, where §7.3 leaves it open: the period's latest evaluation sent to the employee, an annual one
before a periodic one at the same checkpoint (as the composite score reads ratings); the SKM
responses of the period's year; a unit's grade over the unit with its sub-units; verified records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, Exists, IntegerField, OuterRef, QuerySet, Sum, Value, When

from appraisal.models import AppraisalPeriod, BehaviourRating, DevelopmentAction, Evaluation
from appraisal.predikat import Rating
from org.models import Employee, Unit
from surveys.ikm import IkmResult, compute_ikm
from surveys.models import Response
from surveys.selectors import ikm_grouped

from . import rules
from .models import Competency, DevelopmentRecord, Need, Programme, ProgrammeCompetency, Recommendation
from .planning import PlannedNeed, ancestry
from .selectors import current_levels, standards_for_positions

CITIZEN_ELEMENTS = tuple(rules.NRR_REASONS)


@dataclass(frozen=True)
class PeriodInputs:
    employees: list[rules.EmployeeInputs]
    programmes: rules.Catalogue
    competencies: dict[str, rules.Competency]  # by code, for rule 3's M.05 and M.03
    placement: dict[int, tuple[int, int]]  # employee → (unit, position), for the AKPK tallies


def period_inputs(period: AppraisalPeriod, *, year_by: rules.YearBy) -> PeriodInputs:
    staff = list(Employee.objects.active().values_list("pk", "unit_id", "position_id"))
    ids = [pk for pk, _unit, _position in staff]
    by_id = {row.pk: rules.Competency(row.code, row.name, row.kind, row.pk) for row in Competency.objects.all()}
    by_code = {competency.code: competency for competency in by_id.values()}
    standards = standards_for_positions({position for _pk, _unit, position in staff})
    levels = current_levels(ids)
    evaluations = _counted_evaluations(period)
    values = _low_values(evaluations, by_code)
    actions = _actions(evaluations)
    grades = _unit_grades(period)
    officers = _officer_scores(period)
    services = _service_competencies(period, by_id)
    jp = jp_done(year=period.year, by=year_by)
    employees = [
        rules.EmployeeInputs(
            employee_id=pk,
            standard=tuple(
                rules.StandardRow(
                    by_id[s.competency_id], s.required_level, levels.get(pk, {}).get(s.competency_id), s.criticality
                )
                for s in standards.get(position, {}).values()
            ),
            values=values.get(pk, ()),
            citizens=_citizens(grades.get(unit), officers.get(pk), services.get(pk, ())),
            predikat=evaluations.get(pk, (None, ""))[1],
            actions=actions.get(pk, ()),
            jp_this_year=jp.get(pk, Decimal(0)),
        )
        for pk, unit, position in staff
    ]
    placement = {pk: (unit, position) for pk, unit, position in staff}
    return PeriodInputs(employees, rules.Catalogue(programmes()), by_code, placement)


def _counted_evaluations(period: AppraisalPeriod) -> dict[int, tuple[int, str]]:
    """{employee: (evaluation, predikat)}: the latest sent evaluation of the period, annual first."""
    annual_first = Case(When(kind=Evaluation.Kind.ANNUAL, then=Value(0)), default=Value(1), output_field=IntegerField())
    rows = (
        Evaluation.objects.filter(
            plan__period=period, status__in=Evaluation.RELEASED_STATUSES, plan__employee__status=Employee.Status.AKTIF
        )
        .order_by("plan__employee_id", "-checkpoint", annual_first, "-pk")
        .distinct("plan__employee_id")
        .values_list("plan__employee_id", "pk", "predikat")
    )
    return {employee: (pk, predikat) for employee, pk, predikat in rows}


def _by_employee(evaluations: dict[int, tuple[int, str]]) -> dict[int, int]:
    return {evaluation: employee for employee, (evaluation, _predikat) in evaluations.items()}


def _low_values(
    evaluations: dict[int, tuple[int, str]], by_code: dict[str, rules.Competency]
) -> dict[int, tuple[rules.ValueRating, ...]]:
    """Rule 2's inputs: the values rated below expectation, mapped by ``CoreValue.competency_code``."""
    owner = _by_employee(evaluations)
    rows = (
        BehaviourRating.objects.filter(evaluation_id__in=owner, rating=Rating.DI_BAWAH_EKSPEKTASI)
        .order_by("evaluation_id", "value__order")
        .values_list("evaluation_id", "value__name", "value__competency_code", "rating")
    )
    found: dict[int, list[rules.ValueRating]] = defaultdict(list)
    for evaluation, name, code, rating in rows:
        found[owner[evaluation]].append(rules.ValueRating(name, rating, by_code.get(code)))
    return {employee: tuple(values) for employee, values in found.items()}


def _actions(evaluations: dict[int, tuple[int, str]]) -> dict[int, tuple[str, ...]]:
    """Rule 5's inputs: the development actions of the counted evaluation, as written, in order."""
    owner = _by_employee(evaluations)
    rows = DevelopmentAction.objects.filter(evaluation_id__in=owner).order_by("evaluation_id", "pk")
    found: dict[int, list[str]] = defaultdict(list)
    for evaluation, description in rows.values_list("evaluation_id", "description"):
        found[owner[evaluation]].append(description)
    return {employee: tuple(texts) for employee, texts in found.items()}


def _period_responses(period: AppraisalPeriod):
    return Response.objects.between(period.start, period.end)


def _unit_grades(period: AppraisalPeriod) -> dict[int, str]:
    """Each unit's IKM grade over itself and its sub-units: one grouped query, rolled up the tree."""
    per_unit = dict(ikm_grouped(_period_responses(period), "unit"))
    parents = dict(Unit.objects.values_list("pk", "parent_id"))
    rolled: dict[int, list[IkmResult]] = defaultdict(list)
    for unit, result in per_unit.items():
        for above in ancestry(unit, parents):
            rolled[above].append(result)
    grades = {unit: _sum_of(results).grade for unit, results in rolled.items()}
    return {unit: grade.letter for unit, grade in grades.items() if grade is not None}


def _sum_of(results: Iterable[IkmResult]) -> IkmResult:
    """The index of several groups of responses, from their per-element sums and counts."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    responses = 0
    for result in results:
        responses += result.responses
        for element in result.elements:
            totals[element.code][0] += element.total
            totals[element.code][1] += element.answered
    return compute_ikm({code: (total, answered) for code, (total, answered) in totals.items()}, responses=responses)


def _officer_scores(period: AppraisalPeriod) -> dict[int, IkmResult]:
    """Per active employee named on the form: the responses naming them and each element's NRR."""
    named = _period_responses(period).filter(officer__status=Employee.Status.AKTIF)
    return dict(ikm_grouped(named, "officer"))


def _service_competencies(
    period: AppraisalPeriod, by_id: dict[int, rules.Competency]
) -> dict[int, tuple[rules.Competency, ...]]:
    """Per employee: the technical competencies linked to the services their responses were about."""
    rows = (
        _period_responses(period)
        .included()
        .filter(officer__status=Employee.Status.AKTIF, service__technical_competency__isnull=False)
        .values_list("officer_id", "service__technical_competency__competency_id")
        .order_by("officer_id", "service__technical_competency__competency__code")
        .distinct()
    )
    found: dict[int, list[rules.Competency]] = defaultdict(list)
    for employee, competency in rows:
        found[employee].append(by_id[competency])
    return {employee: tuple(competencies) for employee, competencies in found.items()}


def _citizens(grade: str | None, officer: IkmResult | None, services: tuple[rules.Competency, ...]) -> rules.Citizens:
    if officer is None:
        return rules.Citizens(unit_grade=grade)
    scores = {e.code: e.nrr_exact for e in officer.elements if e.code in CITIZEN_ELEMENTS and e.nrr_exact is not None}
    return rules.Citizens(grade, scores, officer.responses, services)


def verified_in_year(*, year: int, by: rules.YearBy) -> QuerySet[DevelopmentRecord]:
    """Verified records whose JP count in ``year`` (the year of the end date by default, §7.3)."""
    field = "ends_on__year" if by == rules.YearBy.END else "starts_on__year"
    return DevelopmentRecord.objects.filter(status=DevelopmentRecord.Status.VERIFIED, **{field: year})


def jp_done(*, year: int, by: rules.YearBy) -> dict[int, Decimal]:
    """JP of verified records per employee in ``year`` (``verified_in_year``)."""
    rows = (
        verified_in_year(year=year, by=by).values("employee_id").annotate(jp=Sum("jp")).values_list("employee_id", "jp")
    )
    return {employee: Decimal(jp) for employee, jp in rows}


def programmes() -> list[rules.Programme]:
    """The active catalogue with the competency codes each programme develops; two queries."""
    codes: dict[int, set[str]] = defaultdict(set)
    for programme, code in ProgrammeCompetency.objects.filter(programme__is_active=True).values_list(
        "programme_id", "competency__code"
    ):
        codes[programme].add(code)
    return [
        rules.Programme(row.code, row.title, Decimal(row.jp), frozenset(codes[row.pk]), row.form.is_coaching, row.pk)
        for row in Programme.objects.filter(is_active=True).select_related("form")
    ]


def jp_shortfalls(period: AppraisalPeriod, *, minimum: Decimal, year_by: rules.YearBy) -> list[rules.Shortfall]:
    """The active employees below ``minimum`` JP in the period's year, with the JP their accepted
    programmes would bring (those not yet recorded as done that year); three queries."""
    ids = list(Employee.objects.active().values_list("pk", flat=True))
    done = jp_done(year=period.year, by=year_by)
    field = "ends_on__year" if year_by == rules.YearBy.END else "starts_on__year"
    recorded = DevelopmentRecord.objects.filter(
        employee_id=OuterRef("employee_id"), programme_id=OuterRef("programme_id"), **{field: period.year}
    ).exclude(status=DevelopmentRecord.Status.REJECTED)
    accepted = (
        Recommendation.objects.filter(period=period, status=Recommendation.Status.ACCEPTED, programme__isnull=False)
        .exclude(Exists(recorded))
        .values("employee_id")
        .annotate(jp=Sum("programme__jp"))
        .values_list("employee_id", "jp")
    )
    return rules.shortfalls(ids, done=done, accepted={pk: Decimal(jp) for pk, jp in accepted}, minimum=minimum)


def akpk_needs(period: AppraisalPeriod) -> list[PlannedNeed]:
    """The period's stored needs with each employee's unit and position, for ``training.planning``; one query."""
    rows = Need.objects.filter(period=period).values_list(
        "employee_id",
        "employee__unit_id",
        "employee__position_id",
        "rule",
        "priority",
        "action",
        "competency__code",
        "competency__name",
        "competency__kind",
        "competency_id",
    )
    return [
        PlannedNeed(
            employee,
            unit,
            position,
            rules.Need(
                rules.Rule(rule),
                priority,
                (),
                rules.Competency(code, name, kind, competency) if competency else None,
                action,
            ),
        )
        for employee, unit, position, rule, priority, action, code, name, kind, competency in rows
    ]
