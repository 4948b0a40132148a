"""Computing the periodic scores (domain.md §7.2) for a period, a unit or one employee.

One code path for every scope: the same set-based statements (``scoring.sql``), narrowed by a
filter on the employees. A run takes a transaction-level advisory lock on the period, so two runs
for the same period queue behind each other instead of interleaving; changed rows are updated, new
ones inserted and unchanged ones left untouched, so a re-run is harmless.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone

from appraisal.models import AppraisalPeriod, Checkpoint
from appraisal.services.periods import PERIOD_RULE_FIELDS, period_rules_update
from core.models import assign_changes
from core.outbox import enqueue_on_commit
from core.pulse import Pulse
from core.retry import TRANSIENT_ERRORS
from org.access import is_hr
from org.models import Employee, ScoreMark, Unit, User
from org.selectors import unit_subtree_ids
from surveys.ikm import element_weight
from training.services import recommendations_compute_request

from . import sql
from .models import ScoreRun, ScoringPolicy, ScoringRulesChange
from .rules import RULE_VERSION, content_hash, rules_settings

POLICY_FIELDS = (*ScoringPolicy.WEIGHT_FIELDS, *ScoringPolicy.POINT_FIELDS, "min_employee_responses")
LOCK_NAMESPACE = 7_210  # first key of pg_advisory_xact_lock(int, int): "scoring"; the second is the period


@dataclass(frozen=True)
class ComputeResult:
    rows_changed: int
    statements: int
    checkpoints: int


@contextmanager
def _statement_counter():
    """Count the SQL statements a run sends (shown to HR and printed by the benchmark)."""
    count = [0]

    def counting(execute, sql_text, params, many, context):
        count[0] += 1
        return execute(sql_text, params, many, context)

    with connection.execute_wrapper(counting):
        yield count


def policy_for(period: AppraisalPeriod) -> ScoringPolicy:
    """The period's weights and points, created from the settings' defaults the first time."""
    return ScoringPolicy.objects.get_or_create(period=period)[0]


def _as_text(value) -> str:
    return f"{value:.2f}" if isinstance(value, Decimal) else str(value)


def _policy_apply(policy: ScoringPolicy, values: dict) -> dict[str, tuple]:
    """Set the policy's numbers from ``values`` and check them; returns each changed field as (old, new)."""
    changes = assign_changes(policy, values, POLICY_FIELDS)
    policy.full_clean()
    return changes


@transaction.atomic
def scoring_rules_update(*, period: AppraisalPeriod, values: dict, acting_user: User) -> list[ScoringRulesChange]:
    """HR changes a period's weights, points, minimum responses, cap and lower-is-better formula at once.

    Every changed field gets a history row, and a whole-period recompute is queued in the same
    transaction (through the outbox), so the stored scores never keep reading rules no longer in
    force, and a refused change leaves neither. All errors of both records are reported together.
    """
    if not is_hr(acting_user):
        raise PermissionDenied
    policy = ScoringPolicy.objects.select_for_update().get_or_create(period=period)[0]
    errors: dict = {}
    changes: dict[str, tuple] = {}
    try:
        changes = _policy_apply(policy, values)
    except ValidationError as exc:
        errors = exc.update_error_dict(errors)
    try:
        period_values = {name: values[name] for name in PERIOD_RULE_FIELDS}
        changes |= period_rules_update(period=period, acting_user=acting_user, **period_values)
    except ValidationError as exc:
        errors = exc.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
    policy.save()
    history = ScoringRulesChange.objects.bulk_create(
        ScoringRulesChange(
            period=period, field=name, old_value=_as_text(old), new_value=_as_text(new), actor=acting_user
        )
        for name, (old, new) in changes.items()
    )
    if history:
        score_run_request(period=period, acting_user=acting_user)
    return history


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def checkpoints_to_compute(period: AppraisalPeriod, *, today: date) -> list[Checkpoint]:
    """Checkpoints that have begun (all of them once the period is closed)."""
    return [checkpoint for checkpoint in period.checkpoints() if not period.is_open or checkpoint.start <= today]


def _parameters(period: AppraisalPeriod, policy: ScoringPolicy, checkpoints: list[Checkpoint]) -> dict:
    """Checkpoints are whole months (``AppraisalPeriod.checkpoints``), so survey answers are bucketed by month."""
    weight = element_weight()
    weights = policy.weights()
    rules = period.rules()
    recorded = rules_settings(period, policy)
    return {
        "period": period.pk,
        # The rows' timestamps come from Python's clock, not PostgreSQL's: one clock for the whole app.
        "now": timezone.now(),
        "ks": [c.number for c in checkpoints],
        "last_months": [c.end.month for c in checkpoints],
        "since": _local_midnight(period.start),
        "until": _local_midnight(checkpoints[-1].end + timedelta(days=1))
        if checkpoints
        else _local_midnight(period.start),
        # Local midnight of the first day of each month: width_bucket() turns a timestamp into its month.
        "month_starts": [_local_midnight(date(period.year, month, 1)) for month in range(1, 13)],
        "cap": rules.cap,
        "floor": rules.floor,
        "lower_formula": str(rules.lower_formula),
        "skm_num": weight.numerator,
        "skm_den": weight.denominator,
        "min_responses": policy.min_employee_responses,
        "peer_min": settings.APPRAISAL_PEER_MIN_ANSWERS,
        "points_above": policy.points_above,
        "points_as_expected": policy.points_as_expected,
        "points_below": policy.points_below,
        # Each weight as it is (w_r …) and in hundredths (it has two decimals).
        **{f"w_{code.lower()}": value for code, value in weights.items()},
        **{f"w_{code.lower()}_hundredths": int(value * 100) for code, value in weights.items()},
        "rule_version": RULE_VERSION,
        "rules": json.dumps(recorded),
        "rules_hash": content_hash(RULE_VERSION, recorded),
    }


def _employee_filter(
    *, employee: Employee | None, unit: Unit | None, employee_ids: list[int] | None
) -> tuple[str, list[int] | None]:
    if employee is not None:
        return sql.EMPLOYEE_FILTERS["employees"], [employee.pk]
    if employee_ids is not None:
        return sql.EMPLOYEE_FILTERS["employees"], employee_ids
    if unit is not None:
        return sql.EMPLOYEE_FILTERS["unit"], unit_subtree_ids(unit)
    return sql.EMPLOYEE_FILTERS["period"], None


@transaction.atomic
def scores_compute(
    *,
    period: AppraisalPeriod,
    employee: Employee | None = None,
    unit: Unit | None = None,
    employee_ids: list[int] | None = None,
    today: date | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> ComputeResult:
    """Recompute the stored scores of a period (or of one unit's subtree, one employee or a set of
    employees) at every checkpoint that has begun, and drop the rows of people the run covers who are
    no longer scored."""
    checkpoints = checkpoints_to_compute(period, today=today or timezone.localdate())
    params = _parameters(period, policy_for(period), checkpoints)
    employee_filter, params["employees"] = _employee_filter(employee=employee, unit=unit, employee_ids=employee_ids)
    changed = 0
    with _statement_counter() as count, connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_NAMESPACE, period.pk])
        # JIT compiling these wide statements costs more (seconds) than it saves; this run only.
        cursor.execute("SET LOCAL jit = off")
        cursor.execute("SET LOCAL work_mem = '128MB'")
        # Lets PostgreSQL join the million realisations in parallel workers (1.8 s to 1.3 s at 100k).
        cursor.execute("SET LOCAL parallel_tuple_cost = 0.001")
        cursor.execute(sql.PERIOD_SCORED, params)
        steps = sql.run_steps(employee_filter=employee_filter, first=not cursor.fetchone()[0])
        for done, step in enumerate(steps, start=1):
            cursor.execute(step.statement, params)
            changed += cursor.rowcount if step.counts else 0
            if on_progress:
                on_progress(done, len(steps))
    return ComputeResult(rows_changed=changed, statements=count[0], checkpoints=len(checkpoints))


def _claim(run_id: int) -> bool:
    """Take a queued run (a conditional UPDATE): a second delivery of the same message finds it taken."""
    now = timezone.now()
    claimed = ScoreRun.objects.filter(pk=run_id, status=ScoreRun.Status.QUEUED).update(
        status=ScoreRun.Status.RUNNING, started_at=now, heartbeat_at=now, progress=0, failure="", error=""
    )
    return claimed == 1


def _record(run_id: int, **fields) -> bool:
    """Write to a run that is still running (the watchdog may have failed it meanwhile); committed at once."""
    running = ScoreRun.objects.filter(pk=run_id, status=ScoreRun.Status.RUNNING)
    return running.update(heartbeat_at=timezone.now(), **fields) == 1


def score_run_execute(*, run_id: int, retry_transient: bool = False) -> ScoreRun | None:
    """Claim a queued run, compute it while a heartbeat shows it alive, and record how it went.

    A run that is not queued any more (done, failed by the watchdog, or taken by another delivery)
    is left alone and ``None`` returned. A failure is stored on the run, then re-raised; a transient
    one (``retry_transient``) puts the run back in the queue for the task's retry instead.
    """
    if not _claim(run_id):
        return None
    run = ScoreRun.objects.select_related("period", "employee", "unit").get(pk=run_id)
    try:
        with Pulse(partial(_record, run_id), every=settings.SCORING_RUN_HEARTBEAT_SECONDS) as pulse:
            result = scores_compute(
                period=run.period,
                employee=run.employee,
                unit=run.unit,
                on_progress=lambda done, total: pulse.poke(progress=done * 100 // total),
            )
    except Exception as exc:
        again = retry_transient and isinstance(exc, TRANSIENT_ERRORS)
        _record(
            run_id,
            status=ScoreRun.Status.QUEUED if again else ScoreRun.Status.FAILED,
            finished_at=None if again else timezone.now(),
            failure=ScoreRun.Failure.ERROR,
            error=f"{type(exc).__name__}: {exc}",
        )
        raise
    _record(
        run_id,
        status=ScoreRun.Status.SUCCESS,
        finished_at=timezone.now(),
        progress=100,
        rows_changed=result.rows_changed,
        statements=result.statements,
    )
    recommendations_compute_request(period=run.period)  # training reads what this run decided
    run.refresh_from_db()
    return run


def _run_queue(run: ScoreRun) -> ScoreRun:
    run.task_id = str(uuid.uuid4())
    _run_save(run)
    from .tasks import score_run_execute as task

    enqueue_on_commit(task, run.pk, task_id=run.task_id)
    return run


def _run_save(run: ScoreRun) -> ScoreRun:
    run.full_clean()
    run.save()
    return run


def period_scores_compute_now(*, period: AppraisalPeriod, acting_user: User | None) -> ScoreRun:
    """Compute a whole period in this process, recorded as a run like any other (no worker needed).

    For the demo seeder: it ends with every demo employee scored, whether or not a worker is up.
    """
    run = _run_save(ScoreRun(period=period, scope=ScoreRun.Scope.PERIOD, requested_by=acting_user))
    return score_run_execute(run_id=run.pk)


@transaction.atomic
def score_run_request(
    *,
    period: AppraisalPeriod,
    acting_user: User | None,
    employee: Employee | None = None,
    unit: Unit | None = None,
) -> ScoreRun:
    """Record a recompute request and queue it once the caller's transaction commits."""
    scope = ScoreRun.Scope.EMPLOYEE if employee else ScoreRun.Scope.UNIT if unit else ScoreRun.Scope.PERIOD
    return _run_queue(ScoreRun(period=period, scope=scope, employee=employee, unit=unit, requested_by=acting_user))


@transaction.atomic
def score_run_recover(*, run: ScoreRun, at: datetime) -> ScoreRun | None:
    """Fail a run that lost its worker and queue the next attempt, unless it was the last one.

    The run is claimed with a conditional UPDATE that checks it is still stale, so a second watchdog,
    or a worker that comes back to life, cannot fail it twice or queue two retries. Returns the retry.
    """
    failed = (
        ScoreRun.objects.stale(at=at)
        .filter(pk=run.pk)
        .update(status=ScoreRun.Status.FAILED, failure=ScoreRun.Failure.STALLED, finished_at=timezone.now())
    )
    if not failed or run.attempt >= settings.SCORING_RUN_MAX_ATTEMPTS:
        return None
    retry = ScoreRun(
        period_id=run.period_id,
        scope=run.scope,
        unit_id=run.unit_id,
        employee_id=run.employee_id,
        requested_by_id=run.requested_by_id,
        attempt=run.attempt + 1,
        retry_of=run,
    )
    return _run_queue(retry)


def stale_runs_recover(*, at: datetime | None = None) -> list[ScoreRun]:
    """The watchdog (every minute): recover every run that lost its worker; returns the retries queued."""
    at = at or timezone.now()
    retries = (score_run_recover(run=run, at=at) for run in ScoreRun.objects.stale(at=at).order_by("pk"))
    return [retry for retry in retries if retry is not None]


# Claim every mark no other job holds, in the caller's transaction: a mark that a change is still
# writing is locked by it and skipped (the next run takes it), and a failed recompute puts them back.
CLAIM_MARKS = f"""
DELETE FROM {ScoreMark._meta.db_table} WHERE id IN (
    SELECT id FROM {ScoreMark._meta.db_table} FOR UPDATE SKIP LOCKED
) RETURNING employee_id, year
"""


@transaction.atomic
def marked_scores_compute() -> int:
    """Every minute: recompute exactly the employees the apps marked as changed, one set per period.

    Returns how many marks were cleared. Marks for a year without a period have nothing to compute.
    """
    with connection.cursor() as cursor:
        cursor.execute(CLAIM_MARKS)
        marks = cursor.fetchall()
    marked: dict[int, list[int]] = defaultdict(list)
    for employee_id, year in marks:
        marked[year].append(employee_id)
    for period in AppraisalPeriod.objects.filter(year__in=marked):
        scores_compute(period=period, employee_ids=sorted(marked[period.year]))
    return len(marks)


def open_periods_queue() -> list[ScoreRun]:
    """The nightly job: one whole-period run for every open period."""
    open_periods = AppraisalPeriod.objects.filter(status=AppraisalPeriod.Status.OPEN)
    return [score_run_request(period=period, acting_user=None) for period in open_periods]
