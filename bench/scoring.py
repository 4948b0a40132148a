"""Benchmark: recompute a whole period of periodic scores (domain.md §7.2) at Pemda scale.

Generates (or reuses) a separate database with 100 000 employees, an approved plan each with three
indicators, about a million realisations, ten survey responses per employee and sent evaluations for
every second plan, then times the period recompute against a floor: one hand-written SQL aggregate that
reads the same tables and writes nothing. The floor, the first computation of the period (no stored
rows) and a re-run with nothing changed are each the best of ``--runs`` tries; a re-run after one
realisation in a hundred was edited is timed once.

Then the way changes reach the scores during the day: the edits mark their employees (``org.ScoreMark``)
and the every-minute job (``scoring.services.marked_scores_compute``) recomputes just those. Best of
twice ``--runs`` tries (an edit and its undoing): 1 % of the realisations changed as people report them
(every realisation of one plan in a hundred), and one realisation saved through ``realisation_record``
by its owner; timed once, for comparison: 1 % scattered (one realisation in a hundred). Each goal is
printed as a ratio to the floor or to the first computation measured in the same run, with PASS or
MISS, beside the SQL statement counts, which do not grow with the number of employees.

    .venv/bin/python bench/scoring.py [--employees 100000] [--runs 3]

Uses ``BENCH_DATABASE_URL`` (default: database ``kinerja_bench`` on the local server), never the
development database. Not part of ``make test``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://kinerja:kinerja@127.0.0.1:5432/kinerja_bench")
os.environ["DATABASE_URL"] = BENCH_DATABASE_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

YEAR = 2026
RESPONSES_PER_EMPLOYEE = 10  # a million for the 100 000 employees of a Pemda

PLANS_SQL = """
INSERT INTO appraisal_plan (snapshot, approach, status, revision, approved_at, created_at, updated_at,
                            assessor_id, assessor_superior_id, employee_id, period_id, position_id, unit_id)
SELECT '{}'::jsonb, 'KUANTITATIF', 'APPROVED', 0, now(), now(), now(), e.supervisor_id, s.supervisor_id,
       e.id, %(period)s, e.position_id, e.unit_id
FROM org_employee e LEFT JOIN org_employee s ON s.id = e.supervisor_id
WHERE NOT EXISTS (SELECT 1 FROM appraisal_plan p WHERE p.employee_id = e.id AND p.period_id = %(period)s)
"""

WORK_RESULTS_SQL = """
INSERT INTO appraisal_workresult (section, text, "order", plan_id)
SELECT 'UTAMA', 'Terselenggaranya layanan sesuai standar', 0, p.id
FROM appraisal_plan p
WHERE p.period_id = %(period)s AND NOT EXISTS (SELECT 1 FROM appraisal_workresult w WHERE w.plan_id = p.id)
"""

# Three indicators per work result: documents (higher, weight 2), days per permit (lower), a 95–100% range.
INDICATORS_SQL = """
INSERT INTO appraisal_indicator (target_value, target_low, target_high, aspect, description, unit, direction,
                                 weight, source, "order", work_result_id)
SELECT CASE g WHEN 1 THEN 50 WHEN 2 THEN 4 END, CASE g WHEN 3 THEN 95 END, CASE g WHEN 3 THEN 100 END,
       CASE g WHEN 1 THEN 'KUANTITAS' WHEN 2 THEN 'WAKTU' ELSE 'KUALITAS' END,
       'Indikator ' || g, CASE g WHEN 1 THEN 'Dokumen' WHEN 2 THEN 'Hari' ELSE '%%' END,
       CASE g WHEN 2 THEN 'LOWER' ELSE 'HIGHER' END, CASE g WHEN 1 THEN 2 ELSE 1 END, 'MANUAL', g, w.id
FROM appraisal_workresult w JOIN appraisal_plan p ON p.id = w.plan_id, generate_series(1, 3) AS g
WHERE p.period_id = %(period)s AND NOT EXISTS (SELECT 1 FROM appraisal_indicator i WHERE i.work_result_id = w.id)
"""

REALISATIONS_SQL = """
INSERT INTO appraisal_realisation (checkpoint, value, note, source, updated_at, indicator_id)
SELECT k, round((CASE i."order" WHEN 1 THEN 12.5 * k * (0.6 + random() * 0.7)
                              WHEN 2 THEN 2 + random() * 5
                              ELSE 85 + random() * 20 END)::numeric, 2),
       '', 'MANUAL', now(), i.id
FROM appraisal_indicator i
JOIN appraisal_workresult w ON w.id = i.work_result_id
JOIN appraisal_plan p ON p.id = w.plan_id, generate_series(1, 4) AS k
WHERE p.period_id = %(period)s AND (i.id + k) %% 7 <> 0
  AND NOT EXISTS (SELECT 1 FROM appraisal_realisation x WHERE x.indicator_id = i.id)
"""

RESPONSES_SQL = """
WITH units AS (SELECT array_agg(id) AS ids FROM org_unit),
     employees AS (SELECT array_agg(id) AS ids FROM org_employee)
INSERT INTO surveys_response (submitted_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, education, occupation,
                              occupation_other, suggestion, source, language, client_hash, device_hash,
                              suspicious_reason, exclusion_reason, unit_id, officer_id)
SELECT make_date(%(year)s, 1, 1) + (random() * 330)::int * interval '1 day' + random() * interval '8 hours',
       2 + (random() * 2.4)::int, 2 + (random() * 2.4)::int, 1 + (random() * 3)::int, 2 + (random() * 2.4)::int,
       2 + (random() * 2.4)::int, 2 + (random() * 2.4)::int, 2 + (random() * 2.4)::int, 1 + (random() * 3)::int,
       1 + (random() * 3)::int, '', '', '', '', '', 'LINK', '', '', '', '', '',
       units.ids[1 + (random() * (array_length(units.ids, 1) - 1))::int],
       CASE WHEN random() < 0.3 THEN employees.ids[1 + (random() * (array_length(employees.ids, 1) - 1))::int] END
FROM units, employees, generate_series(1, %(count)s - (SELECT count(*) FROM surveys_response))
"""

EVALUATIONS_SQL = """
INSERT INTO appraisal_evaluation (kind, checkpoint, status, work_rating, behaviour_rating, predikat, strengths,
                                  improvements, self_action_plan, place, version, sent_at, created_at, updated_at,
                                  plan_id)
SELECT 'ANNUAL', 4, 'SENT', r.work, r.behaviour, '', '', '', '', '', 1, now(), now(), now(), r.plan_id
FROM (
    SELECT p.id AS plan_id,
           (ARRAY['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'])
               [1 + (random() * 3)::int] AS work,
           (ARRAY['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'])
               [1 + (random() * 3)::int] AS behaviour
    FROM appraisal_plan p
    WHERE p.period_id = %(period)s AND p.id %% 2 = 0
      AND NOT EXISTS (SELECT 1 FROM appraisal_evaluation ev WHERE ev.plan_id = p.id)
) r
"""

BEHAVIOUR_RATINGS_SQL = """
INSERT INTO appraisal_behaviourrating (rating, feedback, self_assessment, value_id, evaluation_id)
SELECT (ARRAY['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'])
           [1 + (random() * 3)::int], '', '', v.id, ev.id
FROM appraisal_evaluation ev CROSS JOIN appraisal_corevalue v
WHERE NOT EXISTS (SELECT 1 FROM appraisal_behaviourrating b WHERE b.evaluation_id = ev.id)
"""

# The floor: read the same tables once, aggregate, write nothing. The outer query consumes every
# aggregate: PostgreSQL drops aggregates whose results nobody reads (a bare count(*) over the
# groups would time the grouping only).
FLOOR_SQL = """
SELECT (SELECT count(*) + sum(achievement) FROM (
            SELECT w.plan_id, r.checkpoint,
                   sum(i.weight * r.value / COALESCE(i.target_value, i.target_high)) / sum(i.weight) AS achievement
            FROM appraisal_realisation r
            JOIN appraisal_indicator i ON i.id = r.indicator_id
            JOIN appraisal_workresult w ON w.id = i.work_result_id
            GROUP BY w.plan_id, r.checkpoint) a),
       (SELECT count(*) + sum(answers) FROM (
            SELECT unit_id, officer_id, date_trunc('quarter', submitted_at) AS quarter,
                   avg(u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + u9) AS answers
            FROM surveys_response WHERE excluded_at IS NULL GROUP BY 1, 2, 3) b),
       (SELECT count(*) FROM appraisal_behaviourrating)
"""


def ensure_database() -> None:
    import psycopg2

    url = urlparse(BENCH_DATABASE_URL)
    connection = psycopg2.connect(
        host=url.hostname, port=url.port or 5432, user=url.username, password=url.password, dbname="postgres"
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [url.path.lstrip("/")])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{url.path.lstrip("/")}"')
    connection.close()


def timed(label: str, function):
    started = time.perf_counter()
    result = function()
    print(f"  {label}: {time.perf_counter() - started:.1f} s")
    return result


def generate(employees: int) -> None:
    from django.db import connection, transaction

    from appraisal.models import AppraisalPeriod
    from org.demo.organisation import seed_organisation

    print("Generating what is missing:")
    timed(f"{employees:,} extra employees", lambda: seed_organisation(extra_employees=employees))
    period, _ = AppraisalPeriod.objects.get_or_create(
        year=YEAR, defaults={"checkpoint_type": "TRIWULANAN", "plan_deadline": f"{YEAR}-01-31"}
    )
    params = {"period": period.pk, "year": YEAR, "count": RESPONSES_PER_EMPLOYEE * employees}
    # Every statement adds only what is missing, so a larger --employees extends an existing database.
    steps = [
        ("plans", PLANS_SQL),
        ("work results", WORK_RESULTS_SQL),
        ("indicators", INDICATORS_SQL),
        ("realisations", REALISATIONS_SQL),
        ("survey responses", RESPONSES_SQL),
        ("evaluations", EVALUATIONS_SQL),
        ("behaviour ratings", BEHAVIOUR_RATINGS_SQL),
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        for label, statement in steps:
            timed(label, lambda statement=statement: cursor.execute(statement, params))
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def sizes() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        counts = []
        for table in ["org_employee", "appraisal_realisation", "surveys_response", "appraisal_evaluation"]:
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - fixed table names
            counts.append(f"{table.split('_', 1)[1]} {cursor.fetchone()[0]:,}")
    return ", ".join(counts)


def best_of(runs: int, function) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, result


def verdict(value: float, *, goal: float) -> str:
    return "PASS" if value <= goal else "MISS"


def main() -> None:  # noqa: PLR0915 - one measurement after the other, printed together
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    ensure_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from appraisal.models import AppraisalPeriod, Evaluation, Realisation
    from appraisal.services.progress import realisation_record
    from org.models import ScoreMark, Unit
    from scoring.models import EmployeeScore, UnitScore
    from scoring.services import marked_scores_compute, scores_compute

    call_command("migrate", verbosity=0)
    generate(args.employees)
    print(f"Data: {sizes()}")
    period = AppraisalPeriod.objects.get(year=YEAR)
    ScoreMark.objects.all().delete()  # left by an interrupted run: the timed jobs claim only their own

    def floor():
        with connection.cursor() as cursor:
            cursor.execute(FLOOR_SQL)
            return cursor.fetchone()

    def settle():
        """What autovacuum does between two nightly runs: dead rows reclaimed, statistics fresh."""
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE scoring_employeescore, scoring_unitscore, org_scoremark")

    def cold_run():
        """The period's first computation: no stored rows (emptied outside the timing)."""
        EmployeeScore.objects.filter(period=period).delete()
        UnitScore.objects.filter(period=period).delete()
        settle()
        started = time.perf_counter()
        result = scores_compute(period=period)
        return time.perf_counter() - started, result

    def edit(change: str, *, rows: str, mark: bool) -> tuple[int, int]:
        """Edit the realisations ``rows`` picks; with ``mark``, mark their employees as saving them does.

        Returns how many realisations were edited and how many employees they belong to."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE appraisal_realisation r SET value = value {change}"  # noqa: S608 - fixed fragments
                " FROM appraisal_indicator i JOIN appraisal_workresult w ON w.id = i.work_result_id"
                f" JOIN appraisal_plan p ON p.id = w.plan_id WHERE i.id = r.indicator_id AND {rows}"
                " RETURNING p.employee_id"
            )
            owners = [row[0] for row in cursor.fetchall()]
            if mark:
                ScoreMark.objects.mark(employee_ids=owners, year=YEAR)
        settle()
        return len(owners), len(set(owners))

    def marked_job():
        """The every-minute job, timed; returns (seconds, marks cleared, SQL statements)."""
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            cleared = marked_scores_compute()
            seconds = time.perf_counter() - started
        return seconds, cleared, len(queries)

    floor_seconds, _ = best_of(args.runs, floor)
    cold_seconds, cold = min((cold_run() for _ in range(args.runs)), key=lambda timed_run: timed_run[0])
    settle()
    warm_seconds, warm = best_of(args.runs, lambda: scores_compute(period=period))
    settle()
    # A night's worth of change, scattered: one realisation in a hundred edited, the whole period recomputed,
    # then put back through the marks (the every-minute job recomputes their owners, one in eleven people).
    scattered = "r.id % 100 = 0"
    edit("+ 1", rows=scattered, mark=False)
    nightly_seconds, nightly = best_of(1, lambda: scores_compute(period=period))
    scattered_edits, scattered_employees = edit("- 1", rows=scattered, mark=True)
    scattered_seconds, _, _ = marked_job()
    # As people report: every realisation of one plan in a hundred, saved and marked, then put back (each
    # way is such a change, so both are timed).
    reported = "p.id % 100 = 0"
    reported_jobs = []
    for change in ["+ 1", "- 1"] * args.runs:
        edits, marked_employees = edit(change, rows=reported, mark=True)
        reported_jobs.append(marked_job())
    marked_seconds, marked_cleared, marked_statements = min(reported_jobs)
    unit = Unit.objects.filter(parent__isnull=False).order_by("pk").first()
    _, one_unit = best_of(1, lambda: scores_compute(period=period, unit=unit))

    # One realisation saved through the service by its owner (as the progress page does), then the job.
    # The owner works in a unit without sub-units, as most people do.
    realisation = (
        Realisation.objects.filter(
            indicator__work_result__plan__period=period,
            indicator__work_result__plan__employee__user__isnull=False,
            checkpoint=1,
        )
        .exclude(indicator__work_result__plan__employee__unit__children__isnull=False)
        .exclude(indicator__work_result__plan__evaluations__status__in=Evaluation.RATED_STATUSES)
        .select_related("indicator__work_result__plan__employee__user")
        .order_by("pk")
        .first()
    )
    owner = realisation.indicator.work_result.plan.employee.user
    single = []
    for change in [1, 0] * args.runs:  # changed, then back: ends as it was
        realisation_record(
            indicator=realisation.indicator,
            checkpoint=realisation.checkpoint,
            value=realisation.value + change,
            note="",
            acting_user=owner,
        )
        single.append(marked_job())
    single_seconds, single_cleared, single_statements = min(single)

    print(f"Floor (one SQL aggregate over the same tables, best of {args.runs}): {floor_seconds:.2f} s")
    print(
        f"Period recompute, cold (writes every row, best of {args.runs}): {cold_seconds:.2f} s  "
        f"ratio {cold_seconds / floor_seconds:.2f}x"
    )
    print(
        f"Period recompute, re-run (nothing changes, best of {args.runs}): {warm_seconds:.2f} s  "
        f"ratio {warm_seconds / floor_seconds:.2f}x"
    )
    print(
        f"Period recompute, 1% of realisations edited: {nightly_seconds:.2f} s  "
        f"ratio {nightly_seconds / floor_seconds:.2f}x"
    )
    print(
        f"Rows written cold: {cold.rows_changed:,}; on re-run: {warm.rows_changed:,}; "
        f"after the edits: {nightly.rows_changed:,}"
    )
    print(
        f"SQL statements: first computation {cold.statements}; "
        f"re-run of the whole period {warm.statements}, of one unit {one_unit.statements}; "
        f"marked job {marked_statements} for {marked_cleared:,} employees, {single_statements} for {single_cleared}"
    )
    cold_ratio = cold_seconds / floor_seconds
    print(f"Goal: first computation within 3x of the floor: {cold_ratio:.2f}x -> {verdict(cold_ratio, goal=3)}")
    marked_ratio = marked_seconds / cold_seconds
    print(
        f"Goal: marked recompute after 1% of the realisations changed (best of {2 * args.runs}: {edits:,} of "
        f"{Realisation.objects.count():,}, all of {marked_employees:,} people's) within 0.1 of the first "
        f"computation: {marked_seconds:.2f} s, {marked_ratio:.3f} -> {verdict(marked_ratio, goal=0.1)}"
    )
    print(
        f"  the same number scattered ({scattered_edits:,} realisations of {scattered_employees:,} people): "
        f"{scattered_seconds:.2f} s, {scattered_seconds / cold_seconds:.3f} of the first computation"
    )
    print(
        f"Goal: one employee's marked recompute after one realisation saved under 100 ms (best of {2 * args.runs}): "
        f"{single_seconds * 1000:.0f} ms, {single_seconds / cold_seconds:.4f} of the first computation -> "
        f"{verdict(single_seconds, goal=0.1)}"
    )


if __name__ == "__main__":
    main()
