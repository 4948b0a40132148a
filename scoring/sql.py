"""The set-based SQL behind ``scores_compute``: a handful of statements for any number of employees.

Why SQL and not Python: a period of 100 000 employees, a million realisations and a million
survey responses is computed by PostgreSQL in a few statements, without moving rows into Python
or issuing a query per employee. ``scoring.composite`` and ``appraisal.achievement`` hold the
same formulas as pure functions; the tests hold the SQL to them.

Precision: PostgreSQL ``numeric`` is exact except for division, which keeps at least 16
significant digits. Final figures are rounded twice: first to 12 places, which turns an exact tie
such as 87.625 (computed as 87.62499999999999999…) back into the tie, then to 2 places, half up
(domain.md §7), by the cast to the stored ``numeric(p, 2)``, which rounds as ``round(x, 2)`` does.
Only a value within 10⁻¹² of a tie without being one could round differently from exact
arithmetic; the tests hold both to the worked examples.
"""

from __future__ import annotations

from dataclasses import dataclass

from appraisal.achievement import LowerFormula
from appraisal.models import Direction, Evaluation
from appraisal.predikat import Predikat, Rating
from org.models import Employee
from surveys.sql import ANSWER_SUMS, CONVERTED_IKM, ROLLED_SUMS

from .composite import COMPONENTS, PEER_SCALE
from .models import EmployeeScore

CitizenSource = EmployeeScore.CitizenSource

PRECISE = "numeric"


def _literals(values) -> str:
    """Choice values from the code as an SQL list, so the SQL never spells a choice of its own."""
    return ", ".join(f"'{value}'" for value in sorted(values))


def final(expression: str, digits: int = 5) -> str:
    """Round a computed figure for storage as ``numeric(digits, 2)`` (see the module docstring)."""
    return f"round({expression}, 12)::numeric({digits}, 2)"


def checkpoints_cte() -> str:
    """``cp(k, last_month)``: the checkpoints to compute and the last month of each.

    Unnested from two array literals, so the planner knows how many there are (a JSON parameter
    would be guessed at 100 rows, and every join above it misjudged a hundredfold)."""
    return "cp AS (SELECT * FROM unnest(%(ks)s::int[], %(last_months)s::int[]) AS c(k, last_month))"


# SKM answers summed per month, once per unit and once per officer; the unit and employee figures
# below roll these few buckets up to checkpoints.
_IN_PERIOD = "r.excluded_at IS NULL AND r.submitted_at >= %(since)s AND r.submitted_at < %(until)s"
_MONTH = "width_bucket(r.submitted_at, %(month_starts)s::timestamptz[])"


def _answer_buckets(*, table: str, key: str, key_filter: str) -> str:
    return f"""
    CREATE TEMPORARY TABLE {table} ON COMMIT DROP AS
    SELECT {key} AS key, {_MONTH} AS month, count(*) AS n, {ANSWER_SUMS}
    FROM surveys_response r
    WHERE {_IN_PERIOD} AND {key_filter}
    GROUP BY 1, 2
    """


UNIT_ANSWER_BUCKETS = _answer_buckets(
    table="scoring_unit_answers",
    key="r.unit_id",
    key_filter="""r.unit_id = ANY(ARRAY(SELECT t.unit_id FROM scoring_unit_tree t
                                      WHERE t.ancestor_id IN (SELECT ancestor_id FROM scoring_affected_units)))""",
)
# Only officers named often enough over the whole span can use their own IKM at any checkpoint, so
# only they get buckets: a cheap count first keeps the wide aggregate small.
OFFICER_ANSWER_BUCKETS = _answer_buckets(
    table="scoring_officer_answers",
    key="r.officer_id",
    key_filter=f"""r.officer_id IN (
        SELECT r.officer_id FROM surveys_response r
        WHERE {_IN_PERIOD} AND r.officer_id IN (SELECT employee_id FROM scoring_scope)
        GROUP BY r.officer_id HAVING count(*) >= %(min_responses)s)""",
)


def _rolled_ikm(*, table: str, buckets: str, key: str, join: str = "", key_filter: str = "TRUE") -> str:
    """A temporary table of (key, checkpoint, responses, IKM), cumulative from the period's start:
    a checkpoint's figure covers everything up to its end, like realisations "so far"."""
    return f"""
    CREATE TEMPORARY TABLE {table} ON COMMIT DROP AS
    WITH {checkpoints_cte()},
    rolled AS (
        SELECT {key} AS key, cp.k, sum(b.n) AS n, {ROLLED_SUMS}
        FROM {buckets} b {join} JOIN cp ON b.month <= cp.last_month
        WHERE {key_filter}
        GROUP BY 1, 2
    )
    SELECT key, k, n, {CONVERTED_IKM} AS ikm FROM rolled
    """


UNIT_TREE = """
    CREATE TEMPORARY TABLE scoring_unit_tree ON COMMIT DROP AS
    WITH RECURSIVE tree(ancestor_id, unit_id) AS (
        SELECT id, id FROM org_unit
        UNION ALL
        SELECT tree.ancestor_id, u.id FROM tree JOIN org_unit u ON u.parent_id = tree.unit_id
    )
    SELECT ancestor_id, unit_id FROM tree
"""


def unit_ikm() -> str:
    """Per affected unit (with all its sub-units) and checkpoint: responses and IKM."""
    return _rolled_ikm(
        table="scoring_unit_ikm",
        buckets="scoring_unit_answers",
        key="t.ancestor_id",
        join="JOIN scoring_unit_tree t ON t.unit_id = b.key",
        key_filter="t.ancestor_id IN (SELECT ancestor_id FROM scoring_affected_units)",
    )


def employee_ikm() -> str:
    """Per employee named on the form (``?petugas=``) and checkpoint: responses and IKM."""
    return _rolled_ikm(table="scoring_employee_ikm", buckets="scoring_officer_answers", key="b.key")


def _counted_plans(employee_filter: str) -> str:
    """``plans(employee_id, plan_id)``: the plan that counts, the latest one agreed at least once
    (drafts have no agreed targets). The filter on ``org_employee e`` narrows it to the run."""
    return f"""plans AS NOT MATERIALIZED (
        SELECT DISTINCT ON (p.employee_id) p.employee_id, p.id AS plan_id
        FROM appraisal_plan p JOIN org_employee e ON e.id = p.employee_id
        WHERE p.period_id = %(period)s AND p.approved_at IS NOT NULL AND {employee_filter}
        ORDER BY p.employee_id, p.approved_at DESC, p.id DESC
    )"""


def scope(*, employee_filter: str) -> str:
    """The employees to score (active ones and anyone with a plan in the period, narrowed by the
    filter), each with the plan that counts and the sum of its indicator weights."""
    return f"""
    CREATE TEMPORARY TABLE scoring_scope ON COMMIT DROP AS
    WITH {_counted_plans(employee_filter)},
    plan_weights AS (
        SELECT pl.employee_id, pl.plan_id, sum(i.weight) AS total_weight
        FROM plans pl
        JOIN appraisal_workresult w ON w.plan_id = pl.plan_id
        JOIN appraisal_indicator i ON i.work_result_id = w.id
        GROUP BY pl.employee_id, pl.plan_id
    )
    SELECT e.id AS employee_id, e.unit_id, pw.plan_id, pw.total_weight
    FROM org_employee e LEFT JOIN plan_weights pw ON pw.employee_id = e.id
    WHERE (e.status = '{Employee.Status.AKTIF}'
           OR EXISTS (SELECT 1 FROM appraisal_plan p WHERE p.employee_id = e.id AND p.period_id = %(period)s))
      AND {employee_filter}
    """


_POINTS_PARAMETER = {
    Rating.DI_ATAS_EKSPEKTASI: "points_above",
    Rating.SESUAI_EKSPEKTASI: "points_as_expected",
    Rating.DI_BAWAH_EKSPEKTASI: "points_below",
}


def _points(column: str) -> str:
    arms = " ".join(f"WHEN '{rating}' THEN %({name})s::numeric" for rating, name in _POINTS_PARAMETER.items())
    return f"CASE {column} {arms} END"


def reported_capaian(*, employee_filter: str) -> str:
    """``scoring_reported(employee_id, k, weighted)``: Σ(weight × capaian) over the indicators reported
    at each checkpoint.

    Capaian per indicator and checkpoint (domain.md §7.1, as ``appraisal.achievement.indicator_capaian``):
    the checkpoint's own target if set, else the annual one; outside a range target the nearer bound
    (``bound``; none inside, which gives 100) and whether more is better there (``rising``); then the
    direction's formula, the lower-is-better one as the period sets it; cap and floor. An unreported
    indicator counts 0, so only realisations need the formula: plan achievement = this sum ÷ the
    plan's total weight (``scoring_scope``), 0 where nothing was reported.

    Reads only permanent tables (the filter on ``org_employee e`` stands for the scope: whoever has a
    plan in the period is in it), so PostgreSQL may scan the million realisations in parallel.
    """
    return f"""
    CREATE TEMPORARY TABLE scoring_reported ON COMMIT DROP AS
    WITH {_counted_plans(employee_filter)},
    targets AS (
        SELECT pl.employee_id, r.checkpoint AS k, i.weight, i.direction, r.value AS real,
               CASE WHEN ct.id IS NULL THEN i.target_value ELSE ct.target_value END AS t_value,
               CASE WHEN ct.id IS NULL THEN i.target_low ELSE ct.target_low END AS t_low,
               CASE WHEN ct.id IS NULL THEN i.target_high ELSE ct.target_high END AS t_high
        FROM plans pl
        JOIN appraisal_workresult w ON w.plan_id = pl.plan_id
        JOIN appraisal_indicator i ON i.work_result_id = w.id
        JOIN appraisal_realisation r ON r.indicator_id = i.id AND r.checkpoint = ANY(%(ks)s::int[])
        LEFT JOIN appraisal_checkpointtarget ct ON ct.indicator_id = i.id AND ct.checkpoint = r.checkpoint
    ),
    bounds AS (
        SELECT employee_id, k, weight, real::{PRECISE} AS real,
               CASE WHEN t_low IS NULL OR t_high IS NULL THEN t_value
                    WHEN real < t_low THEN t_low WHEN real > t_high THEN t_high END AS bound,
               CASE WHEN t_low IS NULL OR t_high IS NULL
                      THEN direction = '{Direction.HIGHER}' OR (direction = '{Direction.STABIL}' AND real <= t_value)
                    WHEN real < t_low THEN direction <> '{Direction.LOWER}'
                    ELSE direction = '{Direction.HIGHER}' END AS rising
        FROM targets
    )
    SELECT employee_id, k,
           sum(weight * LEAST(GREATEST(
               CASE
                 WHEN bound IS NULL THEN 100
                 WHEN rising THEN real / bound * 100
                 WHEN %(lower_formula)s = '{LowerFormula.REGULATION}' THEN (2 - real / bound) * 100
                 WHEN real = 0 THEN %(cap)s::numeric
                 ELSE bound / real * 100
               END, %(floor)s::numeric), %(cap)s::numeric)) AS weighted
    FROM bounds GROUP BY employee_id, k
    """


def ratings(*, employee_filter: str) -> str:
    """``scoring_ratings(employee_id, k, predikat, s, b, p, peer_answers)``: the supervisor's ratings (§7.2 E)
    from the evaluation at each checkpoint once it is sent to the employee (an annual one wins over a
    periodic one at the same checkpoint), and the peers' answers on it (§7.2 P: answers 1–4 × 25, once
    at least ``peer_min`` colleagues answered; fewer could not stay anonymous, as on the supervisor's page).
    """
    return f"""
    CREATE TEMPORARY TABLE scoring_ratings ON COMMIT DROP AS
    WITH evaluations AS (
        SELECT DISTINCT ON (p.employee_id, ev.checkpoint)
               ev.id, p.employee_id, ev.checkpoint AS k, ev.predikat,
               {_points("ev.work_rating")} AS s, {_points("ev.behaviour_rating")} AS overall_b
        FROM appraisal_evaluation ev
        JOIN appraisal_plan p ON p.id = ev.plan_id
        JOIN org_employee e ON e.id = p.employee_id
        WHERE p.period_id = %(period)s AND ev.status IN ({_literals(Evaluation.RELEASED_STATUSES)})
          AND {employee_filter}
        ORDER BY p.employee_id, ev.checkpoint, ev.kind = '{Evaluation.Kind.ANNUAL}' DESC, ev.id DESC
    ),
    value_points AS (
        SELECT br.evaluation_id, sum({_points("br.rating")})::{PRECISE} / count(*) AS b
        FROM appraisal_behaviourrating br
        WHERE br.rating <> '' AND br.evaluation_id IN (SELECT id FROM evaluations)
        GROUP BY br.evaluation_id
    ),
    peers AS (
        SELECT pr.evaluation_id, sum(pa.score)::numeric * {PEER_SCALE} / count(*) AS p, count(*) AS n
        FROM appraisal_peerrequest pr JOIN appraisal_peeranswer pa ON pa.request_id = pr.id
        WHERE pr.answered_at IS NOT NULL AND pr.evaluation_id IN (SELECT id FROM evaluations)
        GROUP BY pr.evaluation_id
        HAVING count(DISTINCT pr.id) >= %(peer_min)s
    )
    SELECT ev.employee_id, ev.k, ev.predikat, ev.s, COALESCE(vp.b, ev.overall_b) AS b, pe.p, pe.n AS peer_answers
    FROM evaluations ev
    LEFT JOIN value_points vp ON vp.evaluation_id = ev.id
    LEFT JOIN peers pe ON pe.evaluation_id = ev.id
    """


# The run's rules (``scoring.rules``) are stored once per distinct content; every row it writes points
# at them. An uncorrelated subquery: PostgreSQL looks the id up once per statement, not per row.
RULES_SNAPSHOT = """
    INSERT INTO scoring_scoringrules (rule_version, content_hash, settings, created_at)
    VALUES (%(rule_version)s, %(rules_hash)s, %(rules)s::jsonb, %(now)s)
    ON CONFLICT (content_hash) DO NOTHING
"""
_RULES_ID = "(SELECT id FROM scoring_scoringrules WHERE content_hash = %(rules_hash)s)"

# §7.2: the weighted mean of the present components, the weights rescaled to what is present.
# The weights have two decimals, so their sum over the present components is an integer number of
# hundredths: integer arithmetic, cheap enough to repeat where needed instead of carrying a column.
_WEIGHT_SUM_HUNDREDTHS = (
    "("
    + " + ".join(f"CASE WHEN {c.lower()} IS NULL THEN 0 ELSE %(w_{c.lower()}_hundredths)s END" for c in COMPONENTS)
    + ")"
)
_COMPOSITE = final(
    "(COALESCE(%(w_r)s::numeric * r, 0) + COALESCE(%(w_e)s::numeric * e, 0)"
    f" + COALESCE(%(w_c)s::numeric * c, 0) + COALESCE(%(w_p)s::numeric * p, 0))::{PRECISE} * 100"
    f" / {_WEIGHT_SUM_HUNDREDTHS}"
)


def _missing_components() -> str:
    """The missing components, R E C P in that order, as one of 16 constant arrays picked by which
    of them are NULL: building the array row by row cost a quarter of a second at 100 000 employees."""
    mask = " + ".join(
        f"CASE WHEN {code.lower()} IS NULL THEN {1 << bit} ELSE 0 END" for bit, code in enumerate(COMPONENTS)
    )

    def codes(value: int) -> str:
        return ",".join(code for bit, code in enumerate(COMPONENTS) if value & (1 << bit))

    arms = " ".join(f"WHEN {value} THEN '{{{codes(value)}}}'::varchar(1)[]" for value in range(16))
    return f"CASE ({mask}) {arms} END"


MISSING_COMPONENTS = _missing_components()

# The stored columns of a score row, besides its key (period, employee, checkpoint) and timestamps.
SCORE_COLUMNS = (
    "unit_id",
    "plan_id",
    "achievement",
    "results",
    "work_points",
    "behaviour_points",
    "evaluation",
    "citizens",
    "citizens_source",
    "citizens_responses",
    "peers",
    "peer_answers",
    "score",
    "predikat",
    "missing",
    "rules_id",
)

_STORED = ", ".join(f"t.{column}" for column in SCORE_COLUMNS)
_COMPUTED = ", ".join(f"f.{column}" for column in SCORE_COLUMNS)

_COMPUTED_ROWS = f"""
    WITH {checkpoints_cte()},
    achieved AS (
        SELECT s.employee_id, s.unit_id, cp.k, s.plan_id,
               CASE WHEN s.plan_id IS NOT NULL THEN COALESCE(rep.weighted, 0)::{PRECISE} / NULLIF(s.total_weight, 0) END
                 AS achievement
        FROM scoring_scope s CROSS JOIN cp
        LEFT JOIN scoring_reported rep ON rep.employee_id = s.employee_id AND rep.k = cp.k
        OFFSET 0
    ),
    components AS (
        SELECT a.employee_id, a.unit_id, a.k, a.plan_id, a.achievement,
               CASE WHEN a.achievement IS NOT NULL THEN LEAST(a.achievement, 100) END AS r,
               rt.s, rt.b, (rt.s + rt.b) / 2 AS e, COALESCE(rt.predikat, '') AS predikat,
               CASE WHEN ei.n >= %(min_responses)s THEN ei.ikm ELSE ui.ikm END AS c,
               CASE WHEN ei.n >= %(min_responses)s THEN '{CitizenSource.EMPLOYEE}'
                    WHEN ui.ikm IS NOT NULL THEN '{CitizenSource.UNIT}' ELSE '{CitizenSource.NONE}' END
                 AS c_source,
               CASE WHEN ei.n >= %(min_responses)s THEN ei.n WHEN ui.ikm IS NOT NULL THEN ui.n ELSE 0 END
                 AS c_responses,
               rt.p, COALESCE(rt.peer_answers, 0) AS peer_answers
        FROM achieved a
        LEFT JOIN scoring_ratings rt ON rt.employee_id = a.employee_id AND rt.k = a.k
        LEFT JOIN scoring_employee_ikm ei ON ei.key = a.employee_id AND ei.k = a.k
        LEFT JOIN scoring_unit_ikm ui ON ui.key = a.unit_id AND ui.k = a.k
        OFFSET 0
    ),
    computed AS (
        SELECT employee_id, k, unit_id, plan_id,
               {final("achievement", 7)} AS achievement, {final("r")} AS results,
               {final("s")} AS work_points, {final("b")} AS behaviour_points,
               {final("e")} AS evaluation, {final("c")} AS citizens,
               c_source::varchar(8) AS citizens_source, c_responses::integer AS citizens_responses,
               {final("p")} AS peers, peer_answers::integer AS peer_answers,
               CASE WHEN (r IS NULL AND e IS NULL) OR {_WEIGHT_SUM_HUNDREDTHS} = 0 THEN NULL ELSE {_COMPOSITE} END
                 AS score,
               predikat::varchar(20) AS predikat,
               {MISSING_COMPONENTS} AS missing,
               {_RULES_ID} AS rules_id
        FROM components
        OFFSET 0
    )
"""
"""``WITH … computed``: every (employee, checkpoint) row in scope, typed as stored."""

SCORE_ROWS = f"""
    CREATE TEMPORARY TABLE scoring_rows ON COMMIT DROP AS
{_COMPUTED_ROWS}
    SELECT f.*, t.id AS stored_id, t.id IS NOT NULL AND ({_STORED}) IS DISTINCT FROM ({_COMPUTED}) AS changed
    FROM computed f
    LEFT JOIN scoring_employeescore t
           ON t.employee_id = f.employee_id AND t.period_id = %(period)s AND t.checkpoint = f.k
"""
"""``scoring_rows``: the computed rows, each with the stored row it replaces (if any) and whether
any value differs. Comparing here, while only reading the score table, keeps the writes below
simple joins on the primary key."""

# Only rows whose values changed are written, so ``updated_at`` moves only when something did.
CHANGED_SCORES_UPDATE = f"""
    UPDATE scoring_employeescore t
    SET ({", ".join(SCORE_COLUMNS)}, updated_at) = ({_COMPUTED}, %(now)s)
    FROM scoring_rows f
    WHERE t.id = f.stored_id AND f.changed
"""


def _scores_insert(*, source: str, condition: str = "TRUE", prelude: str = "") -> str:
    """Insert the rows of ``source`` (as ``f``) that meet ``condition``, in key order.

    A plain insert, not an upsert: the period's advisory lock keeps other runs out, and the unique
    constraint would refuse a duplicate all the same."""
    return f"""
    INSERT INTO scoring_employeescore (employee_id, period_id, checkpoint, {", ".join(SCORE_COLUMNS)},
                                       created_at, updated_at)
{prelude}
    SELECT f.employee_id, %(period)s, f.k, {_COMPUTED}, %(now)s, %(now)s
    FROM {source} f
    WHERE {condition}
    ORDER BY f.employee_id, f.k
"""


NEW_SCORES_INSERT = _scores_insert(source="scoring_rows", condition="f.stored_id IS NULL")

PERIOD_SCORED = "SELECT EXISTS (SELECT 1 FROM scoring_employeescore WHERE period_id = %(period)s)"

# The first computation of a period has nothing to compare with, update or remove: the computed
# rows go straight in (half a second less at 100 000 employees than through ``scoring_rows``).
FIRST_SCORES_INSERT = _scores_insert(source="computed", prelude=_COMPUTED_ROWS)


def stale_scores_delete(*, employee_filter: str) -> str:
    """Drop the rows of people the run covers who are no longer scored (left, retired, no plan)."""
    return f"""
    DELETE FROM scoring_employeescore t USING org_employee e
    WHERE t.employee_id = e.id AND t.period_id = %(period)s AND {employee_filter}
      AND NOT EXISTS (SELECT 1 FROM scoring_scope s WHERE s.employee_id = t.employee_id)
    """


# Per unit first (a few hundred groups), then rolled up to every ancestor: cheaper than joining
# each of 400 000 rows to all its ancestors. The mean is Σ score ÷ count, as avg() computes it.
_PER_PREDIKAT = ", ".join(f"count(*) FILTER (WHERE predikat = '{code}') AS \"{code}\"" for code in Predikat.values)
_PREDIKAT_COUNTS = ", ".join(f"'{code}', sum(pu.\"{code}\")" for code in Predikat.values)

UNIT_SCORES_UPSERT = f"""
    WITH per_unit AS (
        SELECT unit_id, checkpoint AS k, count(*) AS employees, count(score) AS scored, sum(score) AS score_sum,
               {_PER_PREDIKAT}
        FROM scoring_employeescore
        WHERE period_id = %(period)s
          AND unit_id IN (SELECT t.unit_id FROM scoring_unit_tree t
                          WHERE t.ancestor_id IN (SELECT ancestor_id FROM scoring_affected_units))
        GROUP BY unit_id, checkpoint
    ),
    unit_rows AS (
        SELECT t.ancestor_id AS unit_id, pu.k, sum(pu.employees) AS employees, sum(pu.scored) AS scored,
               sum(pu.score_sum) / NULLIF(sum(pu.scored), 0) AS mean_score,
               jsonb_build_object({_PREDIKAT_COUNTS}) AS predikat_counts
        FROM per_unit pu
        JOIN scoring_unit_tree t ON t.unit_id = pu.unit_id
        WHERE t.ancestor_id IN (SELECT ancestor_id FROM scoring_affected_units)
        GROUP BY t.ancestor_id, pu.k
    )
    INSERT INTO scoring_unitscore AS t (unit_id, period_id, checkpoint, employees, scored, mean_score,
                                        predikat_counts, ikm, ikm_responses, rules_id, created_at, updated_at)
    SELECT u.unit_id, %(period)s, u.k, u.employees, u.scored, round(u.mean_score, 2), u.predikat_counts,
           {final("ui.ikm")}, COALESCE(ui.n, 0), {_RULES_ID}, %(now)s, %(now)s
    FROM unit_rows u LEFT JOIN scoring_unit_ikm ui ON ui.key = u.unit_id AND ui.k = u.k
    ON CONFLICT (unit_id, period_id, checkpoint) DO UPDATE SET
        employees = EXCLUDED.employees, scored = EXCLUDED.scored, mean_score = EXCLUDED.mean_score,
        predikat_counts = EXCLUDED.predikat_counts, ikm = EXCLUDED.ikm, ikm_responses = EXCLUDED.ikm_responses,
        rules_id = EXCLUDED.rules_id, updated_at = EXCLUDED.updated_at
    WHERE (t.employees, t.scored, t.mean_score, t.predikat_counts, t.ikm, t.ikm_responses, t.rules_id)
          IS DISTINCT FROM (EXCLUDED.employees, EXCLUDED.scored, EXCLUDED.mean_score, EXCLUDED.predikat_counts,
                            EXCLUDED.ikm, EXCLUDED.ikm_responses, EXCLUDED.rules_id)
"""

AFFECTED_UNITS = """
    CREATE TEMPORARY TABLE scoring_affected_units ON COMMIT DROP AS
    SELECT DISTINCT t.ancestor_id FROM scoring_scope s JOIN scoring_unit_tree t ON t.unit_id = s.unit_id
"""
# A run of listed employees needs the IKM of their own units only (C falls back to it), not of every
# ancestor up to the OPD: that would read the answers of whole OPDs to score one person.
EMPLOYEE_UNITS = """
    CREATE TEMPORARY TABLE scoring_affected_units ON COMMIT DROP AS
    SELECT DISTINCT unit_id AS ancestor_id FROM scoring_scope WHERE unit_id IS NOT NULL
"""

# A run of listed employees finds their rows by key: index probes on pages that are in memory, which
# the default price of a random read (4, a spinning disk) makes look dearer than reading whole tables;
# and its few rows are not worth passing between parallel workers (the run's price is for a million).
LISTED_PLANNER_COSTS = (
    "SELECT set_config('random_page_cost', '1.1', true), set_config('parallel_tuple_cost', '0.1', true)"
)

# Temporary tables have no statistics until analysed; without them the planner misjudges the joins
# (an unanalysed scope of 100 000 employees is taken for 200 and probed through an index).
SCOPE_ANALYZE = "ANALYZE scoring_scope"
TEMPORARY_TABLES_ANALYZE = "ANALYZE scoring_unit_ikm, scoring_employee_ikm, scoring_reported, scoring_ratings"

# Also dropped at commit; dropping them at the end lets two runs share one outer transaction (tests).
TEMPORARY_TABLES_DROP = """
    DROP TABLE IF EXISTS scoring_scope, scoring_unit_tree, scoring_affected_units, scoring_unit_answers,
               scoring_officer_answers, scoring_unit_ikm, scoring_employee_ikm, scoring_reported,
               scoring_ratings, scoring_rows
"""


# How a run narrows ``org_employee e`` to its scope: the whole period, listed employees, or units.
EMPLOYEE_FILTERS = {
    "period": "TRUE",
    "employees": "e.id = ANY(%(employees)s)",
    "unit": "e.unit_id = ANY(%(employees)s)",
}


@dataclass(frozen=True)
class Step:
    """One named statement of a run; ``counts`` adds its row count to the rows changed."""

    name: str
    statement: str
    counts: bool = False


def run_steps(*, employee_filter: str, first: bool) -> list[Step]:
    """Every statement of a run, in order: the one list ``scores_compute`` executes and
    ``manage.py scoring_sql`` prints. ``first``: nothing is stored for the period yet, so the computed
    rows go straight in (``PERIOD_SCORED`` tells).

    A run of listed employees (the every-minute job of marked employees, one employee) writes their rows
    only: the unit aggregates sum every score of a unit and its sub-units, so refreshing them would read
    whole OPDs for a few people; the whole-period and unit runs keep them."""
    listed = employee_filter == EMPLOYEE_FILTERS["employees"]
    computations = [
        Step("rules_snapshot", RULES_SNAPSHOT),
        Step("scope", scope(employee_filter=employee_filter)),
        Step("scope_analyze", SCOPE_ANALYZE),
        Step("unit_tree", UNIT_TREE),
        Step("affected_units", EMPLOYEE_UNITS if listed else AFFECTED_UNITS),
        Step("unit_answer_buckets", UNIT_ANSWER_BUCKETS),
        Step("officer_answer_buckets", OFFICER_ANSWER_BUCKETS),
        Step("unit_ikm", unit_ikm()),
        Step("employee_ikm", employee_ikm()),
        Step("reported_capaian", reported_capaian(employee_filter=employee_filter)),
        Step("ratings", ratings(employee_filter=employee_filter)),
        Step("temporary_tables_analyze", TEMPORARY_TABLES_ANALYZE),
    ]
    if first:
        writes = [Step("first_scores_insert", FIRST_SCORES_INSERT, counts=True)]
    else:
        writes = [
            Step("score_rows", SCORE_ROWS),
            Step("changed_scores_update", CHANGED_SCORES_UPDATE, counts=True),
            Step("new_scores_insert", NEW_SCORES_INSERT, counts=True),
            Step("stale_scores_delete", stale_scores_delete(employee_filter=employee_filter), counts=True),
        ]
    costs = [Step("listed_planner_costs", LISTED_PLANNER_COSTS)] if listed else []
    aggregates = [] if listed else [Step("unit_scores_upsert", UNIT_SCORES_UPSERT)]
    return [*costs, *computations, *writes, *aggregates, Step("temporary_tables_drop", TEMPORARY_TABLES_DROP)]
