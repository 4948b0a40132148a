"""The dashboard's incomplete-work cards and the lists behind each number (docs/leaders.md, "HR dashboard").

Each list is a queryset and is the definition. A card counts the same set, by a cheaper road where the
plain count would join the two largest tables (the staff less those done, counted from the plans'
side); ``tests/leaders/dashboard/test_card_counts_property.py`` holds every card to its list.

"Late" reuses the definitions that exist: the complaint response target is ``surveys``'
(``ComplaintQuerySet.overdue``), the JP year is ``training``'s (``verified_in_year``). The plan deadline
is the period's own; the evaluation deadline is ours (``LEADERS_EVALUATION_DAYS``).
Every read here is a fixed number of queries whatever the number of employees.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from appraisal.models import AppraisalPeriod, Checkpoint, Evaluation, Objection, Plan
from org.models import Employee, EmployeeQuerySet
from org.selectors import employed_now, left_now
from surveys.models import Complaint
from surveys.periods import moments
from training.development import minimum_jp, year_by
from training.inputs import verified_in_year
from training.models import Need

from .scope import Scope

# --- Plans (SKP) ---------------------------------------------------------------------------------

SUBMITTED = "diajukan"  # ?tahap=: only those whose plan waits for the assessor's approval
NOT_SUBMITTED = "belum"  # ?tahap=: only those who have not submitted one


def plan_deadline_passed(scope: Scope) -> bool:
    """The SKP deadline is the period's; on the deadline day itself nothing is late yet."""
    return scope.today > scope.period.plan_deadline


def _submitted(scope: Scope) -> Exists:
    """A plan of the employee in the period waits for the assessor's approval."""
    return Exists(Plan.objects.filter(period=scope.period, employee=OuterRef("pk"), status=Plan.Status.SUBMITTED))


def _without_approved_plan(scope: Scope) -> EmployeeQuerySet:
    if not plan_deadline_passed(scope):
        return scope.employees().none()
    approved = Plan.objects.filter(period=scope.period, employee=OuterRef("pk"), approved_at__isnull=False)
    return scope.employees().exclude(Exists(approved))


def plans_late(scope: Scope, *, stage: str = "") -> EmployeeQuerySet:
    """Active employees with no plan in the period approved at least once, after the plan deadline.

    Each carries ``submitted``: a plan of theirs waits for approval (else none was submitted)."""
    late = _without_approved_plan(scope).annotate(submitted=_submitted(scope)).select_related("unit", "position")
    if stage == SUBMITTED:
        return late.filter(submitted=True)
    return late.filter(submitted=False) if stage == NOT_SUBMITTED else late


@dataclass(frozen=True)
class PlanCard:
    deadline: date
    passed: bool
    not_submitted: int
    submitted: int

    @property
    def total(self) -> int:
        return self.not_submitted + self.submitted


def plan_card(scope: Scope) -> PlanCard:
    """``plans_late`` counted from the plans' side, as the staff less those with an approved plan; three
    queries, or none before the deadline.

    Testing every employee for "no approved plan" joins the two largest tables (70 ms at 100 000
    people); the approved plans of the period counted per employee, and the few submitted ones, read
    one table each. The list stays the definition and a property test holds the counts to it."""
    if not plan_deadline_passed(scope):
        return PlanCard(scope.period.plan_deadline, passed=False, not_submitted=0, submitted=0)
    people = Plan.objects.filter(period=scope.period).filter(employed_now(), **scope.employee_lookups("employee__"))
    approved = people.filter(approved_at__isnull=False)
    late = scope.staff_count - approved.values("employee").distinct().count()
    waiting = people.filter(status=Plan.Status.SUBMITTED).exclude(employee__in=approved.values("employee"))
    submitted = waiting.values("employee").distinct().count()
    return PlanCard(scope.period.plan_deadline, passed=True, not_submitted=late - submitted, submitted=submitted)


# --- Evaluations per checkpoint -------------------------------------------------------------------


def evaluation_due(checkpoint: Checkpoint) -> date:
    """The last day to finish a checkpoint's evaluation: ``LEADERS_EVALUATION_DAYS`` after it ends."""
    return checkpoint.end + timedelta(days=settings.LEADERS_EVALUATION_DAYS)


def _settling_kind(period: AppraisalPeriod, number: int) -> str:
    """The evaluation that settles a checkpoint: the annual one at the last checkpoint (it gives the
    year's predikat), the periodic one before it."""
    return Evaluation.Kind.ANNUAL if number == period.checkpoints()[-1].number else Evaluation.Kind.PERIODIC


def _finished(period: AppraisalPeriod, number: int) -> QuerySet[Evaluation]:
    """The evaluations that settle checkpoint ``number``, finished once submitted or sent."""
    return Evaluation.objects.filter(
        checkpoint=number, kind=_settling_kind(period, number), status__in=Evaluation.RATED_STATUSES
    )


def _evaluated_plans(scope: Scope) -> QuerySet[Plan]:
    """Plans that can be evaluated: approved at least once, of an employee still active."""
    return scope.plan_set().filter(employed_now(), approved_at__isnull=False)


def _evaluated_plans_count(scope: Scope) -> int:
    """How many ``_evaluated_plans`` holds, counted as the approved plans less those of people who left:
    the second count reads the few inactive employees, where testing every plan's employee is a join of
    two large tables."""
    approved = scope.plan_set().filter(approved_at__isnull=False)
    return approved.count() - approved.filter(left_now()).count()


def evaluations_overdue(scope: Scope, number: int) -> QuerySet[Plan]:
    """Plans whose evaluation at checkpoint ``number`` is unfinished after its due day (none before)."""
    checkpoint = scope.period.checkpoint(number)
    if checkpoint is None or scope.today <= evaluation_due(checkpoint):
        return Plan.objects.none()
    return (
        _evaluated_plans(scope)
        .exclude(Exists(_finished(scope.period, number).filter(plan=OuterRef("pk"))))
        .select_related("employee", "unit", "position", "assessor")
    )


@dataclass(frozen=True)
class CheckpointCount:
    checkpoint: Checkpoint
    due: date
    overdue: int | None  # ``None``: not due yet


def evaluation_card(scope: Scope) -> list[CheckpointCount]:
    """Every checkpoint with its due day and, once due, the plans still unevaluated; two queries.

    Overdue = the evaluable plans less those with a finished evaluation at the checkpoint, the second
    counted from the evaluations' side in one grouped pass (a plan has at most one evaluation of each
    kind per checkpoint, a unique constraint): a per-plan "no finished evaluation" test runs once per
    plan and checkpoint, seconds at a Pemda's size."""
    checkpoints = [(checkpoint, evaluation_due(checkpoint)) for checkpoint in scope.period.checkpoints()]
    due = [checkpoint.number for checkpoint, day in checkpoints if scope.today > day]
    counts = {}
    if due:
        plans = _evaluated_plans(scope)
        settled = Q(pk__in=[])
        for number in due:
            settled |= Q(checkpoint=number, kind=_settling_kind(scope.period, number))
        finished = dict(
            Evaluation.objects.filter(settled, status__in=Evaluation.RATED_STATUSES, plan__in=plans.values("pk"))
            .values_list("checkpoint")
            .annotate(n=Count("pk"))
            .order_by()
        )
        total = _evaluated_plans_count(scope)
        counts = {number: total - finished.get(number, 0) for number in due}
    return [CheckpointCount(checkpoint, day, counts.get(checkpoint.number)) for checkpoint, day in checkpoints]


# --- Objections, complaints, JP -------------------------------------------------------------------


def objections_pending(scope: Scope) -> QuerySet[Objection]:
    """Objections to the period's annual results that still wait for the superior's decision."""
    return Objection.objects.filter(
        status=Objection.Status.PENDING, **scope.plan_lookups("evaluation__plan__")
    ).select_related("evaluation__plan__employee", "evaluation__plan__unit", "evaluation__plan__assessor_superior")


def complaints_overdue(scope: Scope) -> QuerySet[Complaint]:
    """Complaints received in the period's year and still unanswered past ``surveys``' response target.

    A complaint belongs to a unit, not to a position, so the position kind does not narrow it."""
    since, until = moments(scope.period.start, scope.period.end)
    complaints = Complaint.objects.overdue(at=scope.now).filter(submitted_at__gte=since, submitted_at__lt=until)
    if scope.unit_ids is not None:
        complaints = complaints.filter(unit_id__in=scope.unit_ids)
    return complaints.select_related("unit", "service")


def _jp_records(scope: Scope) -> QuerySet:
    """The verified records of the period's year, grouped per employee once annotated."""
    return verified_in_year(year=scope.period.year, by=year_by()).order_by().values("employee")


def _jp_reached(scope: Scope) -> QuerySet:
    """The employees whose verified JP in the period's year reached the minimum: one grouped pass over
    the year's records."""
    return _jp_records(scope).annotate(total=Sum("jp")).filter(total__gte=minimum_jp()).values("employee")


def jp_below_minimum(scope: Scope) -> EmployeeQuerySet:
    """Active employees whose verified JP in the period's year is below the minimum (§3: 20), with ``jp``.

    Those below are the active ones less those who reached it (JP are at least 1 each, so nobody is
    below a minimum of 0), not a sum per employee."""
    if minimum_jp() <= 0:
        return scope.employees().none()
    done = _jp_records(scope).filter(employee=OuterRef("pk")).annotate(total=Sum("jp")).values("total")
    return (
        scope.employees()
        .exclude(pk__in=_jp_reached(scope))
        .annotate(jp=Coalesce(Subquery(done, output_field=IntegerField()), 0))
        .select_related("unit", "position")
    )


def jp_below_minimum_count(scope: Scope) -> int:
    """How many ``jp_below_minimum`` lists, counted as the staff less those who reached the minimum:
    the second count reads the year's records, where testing "not reached" on every employee takes a
    pass over both."""
    if minimum_jp() <= 0:
        return 0
    return scope.staff_count - scope.employees().filter(pk__in=_jp_reached(scope)).count()


def needs_for(scope: Scope) -> QuerySet[Need]:
    """The period's stored training needs of the employees in scope (by their current unit and position)."""
    needs = Need.objects.filter(period=scope.period, employee__status=Employee.Status.AKTIF)
    if scope.unit_ids is not None:
        needs = needs.filter(employee__unit_id__in=scope.unit_ids)
    if scope.position_kind:
        needs = needs.filter(employee__position__kind=scope.position_kind)
    return needs


def people_in_need(scope: Scope, *, competency: str = "") -> EmployeeQuerySet:
    """Employees in scope with a stored need, or with a need of one competency (by code)."""
    needs = needs_for(scope).filter(employee=OuterRef("pk"))
    if competency:
        needs = needs.filter(competency__code=competency)
    return scope.employees().filter(Exists(needs)).select_related("unit", "position")


@dataclass(frozen=True)
class Cards:
    plans: PlanCard
    evaluations: list[CheckpointCount]
    objections: int
    complaints: int
    jp: int
    minimum_jp: Decimal
    evaluation_days: int


def cards(scope: Scope) -> Cards:
    """The five incomplete-work cards; a fixed number of queries (nine at most), whatever the data."""
    return Cards(
        plans=plan_card(scope),
        evaluations=evaluation_card(scope),
        objections=objections_pending(scope).count(),
        complaints=complaints_overdue(scope).count(),
        jp=jp_below_minimum_count(scope),
        minimum_jp=minimum_jp(),
        evaluation_days=settings.LEADERS_EVALUATION_DAYS,
    )
