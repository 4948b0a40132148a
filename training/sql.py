"""The set-based SQL behind ``recommendations_compute``: a fixed number of statements for a whole period.

Why SQL: a Pemda of 100 000 employees has about 400 000 needs and 1.6 million recommendations, each
with its reasons as JSON. Turning them into Python objects and back cost five minutes; PostgreSQL
derives, ranks and writes them in seconds. ``training.rules`` stays the specification of §7.3, in
Python; ``tests/training/test_sql_property.py`` holds these statements to ``rules.advise`` on random
data, and ``manage.py training_sql`` prints them.

Each rule is one named fragment of the ``training_needs`` statement, and the stored JSON is built the
way ``rules.Reason.as_data()`` and ``inputs()`` build it: the message (msgid) and its parameters, a
decimal written in every language of the UI. The order of the needs is the rules' order: by rule,
then the standard's (competency code), the value's, rule 3's (M.05, M.03, then the services'
competencies by code) or the supervisor's. ``seq`` numbers them per employee; a recommendation lists
its needs in that order and the rule-5 actions are ranked after the programmes in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from appraisal.models import Evaluation
from appraisal.predikat import Rating
from org.models import Employee
from surveys.sql import ANSWER_SUMS, CONVERTED_IKM, ROLLED_SUMS, grade

from . import rules
from .models import DevelopmentRecord, Recommendation


def _literals(values) -> str:
    """Choice values from the code as an SQL list, so the SQL never spells a choice of its own."""
    return ", ".join(f"'{value}'" for value in sorted(values))


PERIOD_LOCK = "SELECT id FROM appraisal_appraisalperiod WHERE id = %(period)s FOR UPDATE"

# The rule version and policy, once per run rather than in each of a million rows.
RUN_INSERT = """
    INSERT INTO training_recommendationrun (period_id, computed_at, rule_version, policy)
    VALUES (%(period)s, %(now)s, %(rule_version)s, %(policy)s::jsonb)
"""

STAFF = f"""
    CREATE TEMPORARY TABLE training_staff ON COMMIT DROP AS
    SELECT e.id AS employee_id, e.unit_id, e.position_id FROM org_employee e
    WHERE e.status = '{Employee.Status.AKTIF}'
"""

# The period's latest evaluation sent to the employee, an annual one before a periodic one.
COUNTED = f"""
    CREATE TEMPORARY TABLE training_counted ON COMMIT DROP AS
    SELECT DISTINCT ON (p.employee_id) p.employee_id, ev.id AS evaluation_id, ev.predikat
    FROM appraisal_evaluation ev
    JOIN appraisal_plan p ON p.id = ev.plan_id
    JOIN training_staff s ON s.employee_id = p.employee_id
    WHERE p.period_id = %(period)s AND ev.status IN ({_literals(Evaluation.RELEASED_STATUSES)})
    ORDER BY p.employee_id, ev.checkpoint DESC, (ev.kind <> '{Evaluation.Kind.ANNUAL}'), ev.id DESC
"""

# Rule 1's inputs: each position's effective standard (its own rows if any, else its level's
# defaults; active competencies only) with the employee's latest valid level, NULL if never assessed.
STANDARDS = """
    CREATE TEMPORARY TABLE training_standards ON COMMIT DROP AS
    WITH own AS (
        SELECT ps.position_id, ps.competency_id, ps.required_level, ps.criticality
        FROM training_positionstandard ps JOIN training_competency c ON c.id = ps.competency_id AND c.is_active
    )
    SELECT position_id, competency_id, required_level, criticality FROM own
    UNION ALL
    SELECT p.id, k.competency_id, k.required_level, k.criticality
    FROM org_position p
    JOIN training_positionkindstandard k ON k.position_level = p.level
    JOIN training_competency c ON c.id = k.competency_id AND c.is_active
    WHERE NOT EXISTS (SELECT 1 FROM own WHERE own.position_id = p.id)
"""

LEVELS = """
    CREATE TEMPORARY TABLE training_levels ON COMMIT DROP AS
    SELECT DISTINCT ON (a.employee_id, a.competency_id) a.employee_id, a.competency_id, a.level
    FROM training_competencyassessment a JOIN training_staff s ON s.employee_id = a.employee_id
    WHERE a.is_valid
    ORDER BY a.employee_id, a.competency_id, a.assessed_on DESC, a.created_at DESC, a.id DESC
"""

_RESPONSES_IN_PERIOD = "r.excluded_at IS NULL AND r.submitted_at >= %(since)s AND r.submitted_at < %(until)s"

# Each unit's IKM grade over itself and its sub-units (surveys' SQL fragments, §2.2-§2.3).
UNIT_GRADES = f"""
    CREATE TEMPORARY TABLE training_unit_grades ON COMMIT DROP AS
    WITH RECURSIVE tree(ancestor_id, unit_id) AS (
        SELECT id, id FROM org_unit
        UNION ALL
        SELECT tree.ancestor_id, u.id FROM tree JOIN org_unit u ON u.parent_id = tree.unit_id
    ),
    answers AS (
        SELECT r.unit_id, {ANSWER_SUMS} FROM surveys_response r WHERE {_RESPONSES_IN_PERIOD} GROUP BY r.unit_id
    ),
    rolled AS (
        SELECT t.ancestor_id AS unit_id, {ROLLED_SUMS}
        FROM answers b JOIN tree t ON t.unit_id = b.unit_id GROUP BY t.ancestor_id
    )
    SELECT unit_id, {grade(CONVERTED_IKM)} AS grade FROM rolled
"""

_CITIZEN_SUMS = ", ".join(
    f"sum(r.{code.lower()}) AS s_{code.lower()}, count(r.{code.lower()}) AS c_{code.lower()}"
    for code in rules.NRR_REASONS
)
# Rule 3's own figures: the officers named by at least ``min_answers`` responses, and their U6 and U7 sums.
OFFICERS = f"""
    CREATE TEMPORARY TABLE training_officers ON COMMIT DROP AS
    SELECT r.officer_id AS employee_id, count(*) AS answers, {_CITIZEN_SUMS}
    FROM surveys_response r JOIN training_staff s ON s.employee_id = r.officer_id
    WHERE {_RESPONSES_IN_PERIOD}
    GROUP BY r.officer_id HAVING count(*) >= %(min_answers)s
"""

# Rule 3's U6 competencies: those of the services each of these officers was named for, by code.
OFFICER_SERVICES = f"""
    CREATE TEMPORARY TABLE training_officer_services ON COMMIT DROP AS
    SELECT employee_id, competency_id, row_number() OVER (PARTITION BY employee_id ORDER BY code) AS place
    FROM (SELECT DISTINCT r.officer_id AS employee_id, sc.competency_id, c.code
          FROM surveys_response r
          JOIN training_officers o ON o.employee_id = r.officer_id
          JOIN training_servicecompetency sc ON sc.service_id = r.service_id
          JOIN training_competency c ON c.id = sc.competency_id
          WHERE {_RESPONSES_IN_PERIOD}) AS named
"""


def jp_done(*, year_by: rules.YearBy) -> str:
    """JP of verified records per employee in the period's year (``inputs.jp_done``)."""
    column = "ends_on" if year_by == rules.YearBy.END else "starts_on"
    return f"""
    CREATE TEMPORARY TABLE training_jp ON COMMIT DROP AS
    SELECT d.employee_id, sum(d.jp) AS jp FROM training_developmentrecord d
    WHERE d.status = '{DevelopmentRecord.Status.VERIFIED}'
      AND d.{column} >= make_date(%(year)s, 1, 1) AND d.{column} < make_date(%(year)s + 1, 1, 1)
    GROUP BY d.employee_id
    """


DECIDED = f"""
    CREATE TEMPORARY TABLE training_decided ON COMMIT DROP AS
    SELECT DISTINCT employee_id, programme_id, action FROM training_recommendation
    WHERE period_id = %(period)s AND status <> '{Recommendation.Status.PROPOSED}'
"""

INPUTS_ANALYZE = (
    "ANALYZE training_staff, training_counted, training_standards, training_levels, training_unit_grades, "
    "training_officers, training_officer_services, training_jp, training_decided"
)

# What every employee's advice depends on, hashed per employee (``models.InputDigest``): the run's
# parameters (policy, rule version, messages, the period's dates) and the dictionary, catalogue and
# values shared by all, then the employee's position's standard, their levels, the counted evaluation
# with its low ratings and written actions, their unit's grade, the citizens' figures and services, the
# JP so far and the decisions taken (a unit or position counts through its grade or standard). Every
# table the needs and proposals below read is here, in the shared part or in the employee's; a change
# to any of them changes the hash (``tests/training/test_input_digests.py`` changes each in turn).
# ``%%L`` quotes texts, so no text can pass for another field.
_SHARED_DIGEST = """md5(concat_ws('|', %(parameters)s::text,
    (SELECT string_agg(format('%%s,%%L,%%L,%%s', id, code, name, is_active), ';' ORDER BY id)
     FROM training_competency),
    (SELECT string_agg(format('%%s,%%L,%%s,%%s,%%s,%%s', p.id, p.code, p.jp, p.is_active, p.form_id, f.is_coaching),
                       ';' ORDER BY p.id)
     FROM training_programme p JOIN training_developmentform f ON f.id = p.form_id),
    (SELECT string_agg(format('%%s,%%s', programme_id, competency_id), ';' ORDER BY programme_id, competency_id)
     FROM training_programmecompetency),
    (SELECT string_agg(format('%%s,%%L,%%s,%%L', id, name, "order", competency_code), ';' ORDER BY id)
     FROM appraisal_corevalue)))"""

DIGESTS = f"""
    CREATE TEMPORARY TABLE training_digests ON COMMIT DROP AS
    WITH shared AS MATERIALIZED (SELECT {_SHARED_DIGEST} AS digest),
    standards AS (
        SELECT position_id, string_agg(format('%%s,%%s,%%s', competency_id, required_level, criticality), ';'
                                       ORDER BY competency_id, required_level, criticality) AS part
        FROM training_standards GROUP BY position_id
    ),
    levels AS (
        SELECT employee_id, string_agg(format('%%s,%%s', competency_id, level), ';' ORDER BY competency_id) AS part
        FROM training_levels GROUP BY employee_id
    ),
    ratings AS (
        SELECT ct.employee_id, string_agg(b.value_id::text, ',' ORDER BY b.value_id) AS part
        FROM training_counted ct JOIN appraisal_behaviourrating b ON b.evaluation_id = ct.evaluation_id
        WHERE b.rating = '{Rating.DI_BAWAH_EKSPEKTASI}'
        GROUP BY ct.employee_id
    ),
    actions AS (
        SELECT ct.employee_id, string_agg(format('%%s,%%L', a.id, a.description), ';' ORDER BY a.id) AS part
        FROM training_counted ct JOIN appraisal_developmentaction a ON a.evaluation_id = ct.evaluation_id
        GROUP BY ct.employee_id
    ),
    services AS (
        SELECT employee_id, string_agg(format('%%s,%%s', competency_id, place), ';' ORDER BY place) AS part
        FROM training_officer_services GROUP BY employee_id
    ),
    decided AS (
        SELECT employee_id,
               string_agg(format('%%s,%%L', programme_id, action), ';' ORDER BY programme_id, action) AS part
        FROM training_decided GROUP BY employee_id
    )
    SELECT s.employee_id,
           md5(format('%%s|%%s|%%s|%%s|%%s|%%s|%%s|%%s|%%s|%%s|%%s', shared.digest, st.part, l.part, ct, r.part,
                      a.part, g.grade, o, sv.part, j.jp, d.part))::uuid AS digest
    FROM training_staff s CROSS JOIN shared
    LEFT JOIN standards st ON st.position_id = s.position_id
    LEFT JOIN levels l ON l.employee_id = s.employee_id
    LEFT JOIN training_counted ct ON ct.employee_id = s.employee_id
    LEFT JOIN ratings r ON r.employee_id = s.employee_id
    LEFT JOIN actions a ON a.employee_id = s.employee_id
    LEFT JOIN training_unit_grades g ON g.unit_id = s.unit_id
    LEFT JOIN training_officers o ON o.employee_id = s.employee_id
    LEFT JOIN services sv ON sv.employee_id = s.employee_id
    LEFT JOIN training_jp j ON j.employee_id = s.employee_id
    LEFT JOIN decided d ON d.employee_id = s.employee_id
"""

# The employees to derive again: a hash that differs from the stored one, a new employee, one no longer
# active (no hash now: their rows go), or everyone when asked. The first run of a period that has no
# hashes yet also takes whoever has stored rows, written before hashes were kept.
CHANGED = f"""
    CREATE TEMPORARY TABLE training_changed ON COMMIT DROP AS
    SELECT coalesce(d.employee_id, i.employee_id) AS employee_id, d.digest
    FROM training_digests d
    FULL JOIN (SELECT employee_id, digest FROM training_inputdigest WHERE period_id = %(period)s) AS i
           ON i.employee_id = d.employee_id
    WHERE d.digest IS DISTINCT FROM i.digest OR %(everyone)s
    UNION
    SELECT x.employee_id, d.digest
    FROM (SELECT employee_id FROM training_need WHERE period_id = %(period)s
          UNION SELECT employee_id FROM training_recommendation
          WHERE period_id = %(period)s AND status = '{Recommendation.Status.PROPOSED}') AS x
    LEFT JOIN training_digests d ON d.employee_id = x.employee_id
    WHERE NOT EXISTS (SELECT 1 FROM training_inputdigest WHERE period_id = %(period)s)
"""

# The rules below read these three for the employees to derive again only.
UNCHANGED_DROP = """
    WITH unchanged AS MATERIALIZED (
        SELECT employee_id FROM training_staff EXCEPT SELECT employee_id FROM training_changed
    ),
    counted AS (DELETE FROM training_counted t USING unchanged u WHERE t.employee_id = u.employee_id),
    officers AS (DELETE FROM training_officers t USING unchanged u WHERE t.employee_id = u.employee_id)
    DELETE FROM training_staff t USING unchanged u WHERE t.employee_id = u.employee_id
"""

CHANGED_ANALYZE = "ANALYZE training_changed, training_staff, training_counted, training_officers"


def _reason(message: str, params: str) -> str:
    return f"jsonb_build_object('message', {message}, 'params', {params})"


def _in_every_language(number: str) -> str:
    """A decimal as ``{"languages": {...}}``, written with each language's decimal separator (``_stored``)."""
    written = ", ".join(
        f"%(language_{code})s::text, replace({number}::text, '.', %(separator_{code})s)"
        for code, _ in settings.LANGUAGES
    )
    return f"jsonb_build_object('languages', jsonb_build_object({written}))"


_GAP_MESSAGE = "CASE WHEN l.level IS NULL THEN %(unassessed_reason)s ELSE %(gap_reason)s END"
# Rule 1: required − current ≥ 1, priority gap × criticality; "belum dinilai" when never assessed.
_GAP_NEEDS = f"""
    SELECT s.employee_id, 1 AS rule, 0 AS sort, c.code AS sort_code, c.id AS competency_id, c.code AS target,
           '' AS action, (st.required_level - coalesce(l.level, 0)) * st.criticality AS priority,
           jsonb_build_array({_reason(_GAP_MESSAGE, "x.params")}),
           jsonb_build_array(x.params)
    FROM training_staff s
    JOIN training_standards st ON st.position_id = s.position_id
    JOIN training_competency c ON c.id = st.competency_id
    LEFT JOIN training_levels l ON l.employee_id = s.employee_id AND l.competency_id = st.competency_id
    CROSS JOIN LATERAL (SELECT jsonb_build_object('code', c.code, 'name', c.name, 'required', st.required_level,
                                                  'criticality', st.criticality)
                               || CASE WHEN l.level IS NULL THEN '{{}}'::jsonb
                                       ELSE jsonb_build_object('actual', l.level) END) AS x(params)
    WHERE st.required_level - coalesce(l.level, 0) >= 1
"""

# Rule 2: each value rated Di Bawah Ekspektasi gives its mapped competency; one need per competency.
_BEHAVIOUR_NEEDS = f"""
    SELECT ct.employee_id, 2, min(v."order"), '', c.id, c.code, '', %(behaviour_priority)s,
           jsonb_agg({_reason("%(behaviour_reason)s", "jsonb_build_object('value', v.name)")} ORDER BY v."order"),
           jsonb_agg(jsonb_build_object('value', v.name) ORDER BY v."order")
    FROM training_counted ct
    JOIN appraisal_behaviourrating b ON b.evaluation_id = ct.evaluation_id AND b.rating = '{Rating.DI_BAWAH_EKSPEKTASI}'
    JOIN appraisal_corevalue v ON v.id = b.value_id
    JOIN training_competency c ON c.code = v.competency_code
    GROUP BY ct.employee_id, c.id
"""

_NRR_CAUSES = ", ".join(
    f"({cause}, o.s_{code.lower()}, o.c_{code.lower()}, %(nrr_reason_{code.lower()})s::text)"
    for cause, code in enumerate(rules.NRR_REASONS, start=1)
)
_U6_CAUSE = 1 + list(rules.NRR_REASONS).index("U6")

# Rule 3: the causes (0: the unit's grade, then U6, U7 below the threshold), each giving M.05 and M.03,
# and U6 the technical competencies of the services concerned; one need per competency, its reasons in
# cause order, placed where the competency was first named.
_CITIZEN_NEEDS = f"""
    WITH causes AS (
        SELECT s.employee_id, 0 AS cause, %(unit_grade_reason)s::text AS message,
               jsonb_build_object('grade', g.grade) AS params, jsonb_build_object('grade', g.grade) AS inputs
        FROM training_staff s JOIN training_unit_grades g ON g.unit_id = s.unit_id
        WHERE g.grade = ANY(%(low_unit_grades)s)
        UNION ALL
        SELECT o.employee_id, x.cause, x.message,
               jsonb_build_object('nrr', {_in_every_language("y.nrr")}, 'threshold', %(threshold_shown)s::jsonb,
                                  'answers', o.answers),
               jsonb_build_object('nrr', y.nrr::text, 'threshold', %(threshold_text)s::text, 'answers', o.answers)
        FROM training_officers o
        CROSS JOIN LATERAL (VALUES {_NRR_CAUSES}) AS x(cause, total, answered, message)
        CROSS JOIN LATERAL (SELECT round(x.total::numeric / NULLIF(x.answered, 0), 2)) AS y(nrr)
        WHERE x.answered > 0 AND x.total < %(nrr_threshold)s::numeric * x.answered
    ),
    worded AS (
        SELECT employee_id, cause, {_reason("message", "params")} AS reason, inputs FROM causes
    ),
    targets AS (
        SELECT w.employee_id, w.cause, m.place, m.id AS competency_id, m.code, w.reason, w.inputs
        FROM worded w
        CROSS JOIN (SELECT id, code, CASE code WHEN %(m05)s THEN 0 ELSE 1 END AS place
                    FROM training_competency WHERE code IN (%(m05)s, %(m03)s)) AS m
        UNION ALL
        SELECT w.employee_id, w.cause, 1 + sv.place, c.id, c.code, w.reason, w.inputs
        FROM worded w
        JOIN training_officer_services sv ON sv.employee_id = w.employee_id
        JOIN training_competency c ON c.id = sv.competency_id
        WHERE w.cause = {_U6_CAUSE}
    )
    SELECT employee_id, 3, min(cause * 100000 + place), '', competency_id, code, '', %(citizens_priority)s,
           jsonb_agg(reason ORDER BY cause, place), jsonb_agg(inputs ORDER BY cause, place)
    FROM targets GROUP BY employee_id, competency_id, code
"""

# Rule 4: predikat Butuh Perbaikan or worse: coaching or mentoring.
_PREDIKAT = "jsonb_build_object('predikat', jsonb_build_object('message', x.label, 'params', '{}'::jsonb))"
_RESULTS_NEEDS = f"""
    SELECT ct.employee_id, 4, 0, '', NULL::bigint, %(coaching_target)s, '', %(results_priority)s,
           jsonb_build_array({_reason("%(results_reason)s", _PREDIKAT)}),
           jsonb_build_array(jsonb_build_object('predikat', x.label))
    FROM training_counted ct CROSS JOIN LATERAL (SELECT %(predikat_labels)s::jsonb ->> ct.predikat) AS x(label)
    WHERE ct.predikat = ANY(%(low_predikats)s)
"""

# Rule 5: each action written in the counted evaluation, as written, in the order written.
_SUPERVISOR_NEEDS = f"""
    SELECT ct.employee_id, 5, a.id, '', NULL::bigint, a.description, a.description, %(supervisor_priority)s,
           jsonb_build_array({_reason("%(supervisor_reason)s", "jsonb_build_object('action', a.description)")}),
           jsonb_build_array(jsonb_build_object('action', a.description))
    FROM training_counted ct JOIN appraisal_developmentaction a ON a.evaluation_id = ct.evaluation_id
"""

# ``target`` is what a recommendation's copy of the need names (the action itself for rule 5).
# ``competency_key`` and ``nth`` pair a need with a stored one: a rule's competency, or its number
# among identical rule-5 actions (rules 1-4 give one need per target, so their ``nth`` is 1).
NEEDS = f"""
    CREATE TEMPORARY TABLE training_needs ON COMMIT DROP AS
    SELECT n.*, coalesce(competency_id, 0) AS competency_key,
           row_number() OVER (PARTITION BY employee_id ORDER BY rule, sort, sort_code) AS seq,
           row_number() OVER (PARTITION BY employee_id, rule, competency_id, action ORDER BY sort) AS nth
    FROM (
        {_GAP_NEEDS}
        UNION ALL {_BEHAVIOUR_NEEDS}
        UNION ALL ({_CITIZEN_NEEDS})
        UNION ALL {_RESULTS_NEEDS}
        UNION ALL {_SUPERVISOR_NEEDS}
    ) AS n(employee_id, rule, sort, sort_code, competency_id, target, action, priority, reasons, inputs)
"""

STORED_NEEDS = """
    CREATE TEMPORARY TABLE training_stored_needs ON COMMIT DROP AS
    SELECT id, employee_id, rule, coalesce(competency_id, 0) AS competency_key, action,
           row_number() OVER (PARTITION BY employee_id, rule, competency_id, action ORDER BY id) AS nth
    FROM training_need
    WHERE period_id = %(period)s AND employee_id IN (SELECT employee_id FROM training_changed)
"""

NEEDS_ANALYZE = "ANALYZE training_needs, training_stored_needs"

_SAME_NEED = (
    "n.employee_id = s.employee_id AND n.rule = s.rule AND n.competency_key = s.competency_key "
    "AND n.action = s.action AND n.nth = s.nth"
)
_STORED_TARGET = f"CASE WHEN n.rule = {rules.Rule.SUPERVISOR} THEN '' ELSE n.target END"
# A run's policy is current when a stored row's ``computed_at`` names a run under the same policy.
_UNDER_OTHER_POLICY = """t.computed_at NOT IN (SELECT computed_at FROM training_recommendationrun
                                    WHERE period_id = %(period)s AND policy = %(policy)s::jsonb)"""

# The needs are compared with the stored ones as the proposals are (below): rewritten in place where
# the same need is raised again with other figures or under another policy, left alone where nothing
# changed, deleted where no longer raised, inserted where new. Deleting and inserting 400 000 rows
# every night cost three foreign-key checks per row and every index, for rows that mostly did not change.
NEEDS_UPDATE = f"""
    UPDATE training_need t
    SET target = {_STORED_TARGET}, priority = n.priority, reasons = n.reasons, inputs = n.inputs,
        rule_version = %(rule_version)s, computed_at = %(now)s
    FROM training_stored_needs s JOIN training_needs n ON {_SAME_NEED}
    WHERE t.id = s.id
      AND ((t.target, t.priority, t.reasons, t.inputs, t.rule_version)
           IS DISTINCT FROM ({_STORED_TARGET}, n.priority, n.reasons, n.inputs, %(rule_version)s)
           OR {_UNDER_OTHER_POLICY})
"""

STALE_NEEDS_DELETE = f"""
    DELETE FROM training_need t USING training_stored_needs s
    WHERE t.id = s.id AND NOT EXISTS (SELECT 1 FROM training_needs n WHERE {_SAME_NEED})
"""

NEW_NEEDS_INSERT = f"""
    INSERT INTO training_need (period_id, employee_id, rule, competency_id, target, action, priority, reasons, inputs,
                               rule_version, computed_at)
    SELECT %(period)s, n.employee_id, n.rule, n.competency_id, {_STORED_TARGET}, n.action, n.priority, n.reasons,
           n.inputs, %(rule_version)s, %(now)s
    FROM training_needs n
    WHERE NOT EXISTS (SELECT 1 FROM training_stored_needs s WHERE {_SAME_NEED})
    ORDER BY n.employee_id, n.seq
"""

# The people with a stored need per unit and position kind, in all (no competency) and per competency,
# rewritten whole: the HR dashboard adds these rows up over a subtree (702 for 100 000 people in 37
# units) instead of counting distinct people over 412 000 needs at every view (600 ms). Each person has
# one unit and one position, so the sums count nobody twice. A need without a competency (rules 4 and 5)
# counts in the total only.
NEED_TOTALS_DELETE = "DELETE FROM training_needtotal WHERE period_id = %(period)s"

NEED_TOTALS_INSERT = f"""
    INSERT INTO training_needtotal (period_id, unit_id, position_kind, competency_id, people)
    SELECT %(period)s, e.unit_id, p.kind, n.competency_id, count(DISTINCT n.employee_id)
    FROM training_need n
    JOIN org_employee e ON e.id = n.employee_id AND e.status = '{Employee.Status.AKTIF}'
    JOIN org_position p ON p.id = e.position_id
    WHERE n.period_id = %(period)s
    GROUP BY GROUPING SETS ((e.unit_id, p.kind), (e.unit_id, p.kind, n.competency_id))
    HAVING grouping(n.competency_id) = 1 OR n.competency_id IS NOT NULL
"""

# Programmes addressing a need: rules 1-3 by competency, rule 4 by a coaching or mentoring form.
_COVERED = f"""
    SELECT n.employee_id, pc.programme_id, n.seq, n.priority, n.rule, n.target
    FROM training_needs n
    JOIN training_programmecompetency pc ON pc.competency_id = n.competency_id
    JOIN training_programme pr ON pr.id = pc.programme_id AND pr.is_active
    WHERE n.rule IN ({rules.Rule.GAP}, {rules.Rule.BEHAVIOUR}, {rules.Rule.CITIZENS})
    UNION ALL
    SELECT n.employee_id, pr.id, n.seq, n.priority, n.rule, n.target
    FROM training_needs n
    JOIN training_programme pr ON pr.is_active
    JOIN training_developmentform f ON f.id = pr.form_id AND f.is_coaching
    WHERE n.rule = {rules.Rule.RESULTS}
"""

# A proposal names the needs it covers; their reasons are the period's need rows' (models.recommendations).
_NEED_DATA = "jsonb_build_object('rule', c.rule, 'target', c.target, 'priority', c.priority)"

# Ranked by §7.3: summed priority, needs covered, then (below the minimum) one that reaches it, fewer
# JP, code (byte order, as Python compares strings; both as the programme's ``place`` in the
# catalogue); the best ``max_proposals`` kept. Rule-5 actions follow, in the order written. The
# ranking sorts narrow rows (one per employee and programme, integers, no JSON), and the needs a
# proposal names are gathered only for the programmes kept: building them for every pair and
# carrying them through the sort cost most of this statement.
# ``nth`` numbers identical rule-5 actions of an employee, to pair them with stored ones.
PROPOSALS = f"""
    CREATE TEMPORARY TABLE training_proposals ON COMMIT DROP AS
    WITH covered AS NOT MATERIALIZED ({_COVERED}),
    ranked AS (
        SELECT * FROM (
            SELECT g.employee_id, g.programme_id, g.summed, pr.jp AS programme_jp, coalesce(j.jp, 0) AS jp_so_far,
                   row_number() OVER (PARTITION BY g.employee_id ORDER BY g.summed DESC, g.covered DESC,
                       (coalesce(j.jp, 0) < %(minimum_jp)s AND coalesce(j.jp, 0) + pr.jp < %(minimum_jp)s),
                       pr.place) AS rank
            FROM (SELECT employee_id, programme_id, sum(priority) AS summed, count(*) AS covered
                  FROM covered GROUP BY employee_id, programme_id) AS g
            JOIN (SELECT id, jp, row_number() OVER (ORDER BY jp, code COLLATE "C") AS place
                  FROM training_programme) AS pr ON pr.id = g.programme_id
            LEFT JOIN training_jp j ON j.employee_id = g.employee_id
        ) AS all_ranked
        WHERE rank <= %(max_proposals)s
    ),
    kept AS (
        SELECT r.employee_id, r.programme_id, '' AS action, r.summed AS priority,
               jsonb_agg({_NEED_DATA} ORDER BY c.seq) AS needs, r.programme_jp, r.jp_so_far, r.rank, 1::bigint AS nth
        FROM ranked r JOIN covered c ON c.employee_id = r.employee_id AND c.programme_id = r.programme_id
        GROUP BY r.employee_id, r.programme_id, r.summed, r.programme_jp, r.jp_so_far, r.rank
    ),
    actions AS (
        SELECT c.employee_id, NULL::bigint AS programme_id, c.action, c.priority,
               jsonb_build_array({_NEED_DATA}) AS needs, NULL::integer AS programme_jp,
               coalesce(j.jp, 0) AS jp_so_far,
               coalesce(k.programmes, 0) + row_number() OVER (PARTITION BY c.employee_id ORDER BY c.seq) AS rank,
               row_number() OVER (PARTITION BY c.employee_id, c.action ORDER BY c.seq) AS nth
        FROM training_needs c
        LEFT JOIN (SELECT employee_id, count(*) AS programmes FROM ranked GROUP BY employee_id) AS k
               ON k.employee_id = c.employee_id
        LEFT JOIN training_jp j ON j.employee_id = c.employee_id
        WHERE c.rule = {rules.Rule.SUPERVISOR}
    )
    SELECT r.employee_id, coalesce(r.programme_id, 0) AS programme_key, r.programme_id, r.action, r.rank,
           r.priority, r.programme_jp IS NOT NULL AND r.jp_so_far + r.programme_jp >= %(minimum_jp)s AS reaches_minimum,
           r.needs, jsonb_build_object('jp_so_far', r.jp_so_far::text, 'programme_jp', r.programme_jp::text) AS inputs,
           r.nth
    FROM (SELECT * FROM kept UNION ALL SELECT * FROM actions) AS r
    WHERE NOT EXISTS (SELECT 1 FROM training_decided d
                      WHERE d.employee_id = r.employee_id AND d.programme_id IS NOT DISTINCT FROM r.programme_id
                        AND d.action = r.action)
"""

STORED_PROPOSALS = f"""
    CREATE TEMPORARY TABLE training_stored ON COMMIT DROP AS
    SELECT id, employee_id, coalesce(programme_id, 0) AS programme_key, action,
           row_number() OVER (PARTITION BY employee_id, programme_id, action ORDER BY rank, id) AS nth
    FROM training_recommendation
    WHERE period_id = %(period)s AND status = '{Recommendation.Status.PROPOSED}'
      AND employee_id IN (SELECT employee_id FROM training_changed)
"""

PROPOSALS_ANALYZE = "ANALYZE training_proposals, training_stored"

_SAME_PROPOSAL = (
    "p.employee_id = s.employee_id AND p.programme_key = s.programme_key AND p.action = s.action AND p.nth = s.nth"
)

# The previous run's proposals are replaced: rewritten in place where the same proposal is made again
# with other figures or under another policy (an update that keeps the keys costs no foreign-key
# checks, a delete and insert several per row), left as they are where nothing changed (their
# ``computed_at`` names the run that last changed them, whose policy is the current one), deleted where
# they are not made again, and the new ones inserted.
PROPOSALS_UPDATE = f"""
    UPDATE training_recommendation t
    SET rank = p.rank, priority = p.priority, reaches_minimum = p.reaches_minimum, needs = p.needs,
        inputs = p.inputs, rule_version = %(rule_version)s, computed_at = %(now)s
    FROM training_stored s JOIN training_proposals p ON {_SAME_PROPOSAL}
    WHERE t.id = s.id
      AND ((t.rank, t.priority, t.reaches_minimum, t.needs, t.inputs, t.rule_version)
           IS DISTINCT FROM (p.rank, p.priority, p.reaches_minimum, p.needs, p.inputs, %(rule_version)s)
           OR {_UNDER_OTHER_POLICY})
"""

STALE_PROPOSALS_DELETE = f"""
    DELETE FROM training_recommendation t USING training_stored s
    WHERE t.id = s.id AND NOT EXISTS (SELECT 1 FROM training_proposals p WHERE {_SAME_PROPOSAL})
"""

NEW_PROPOSALS_INSERT = f"""
    INSERT INTO training_recommendation (period_id, employee_id, programme_id, action, rank, priority,
                                         reaches_minimum, needs, inputs, rule_version, computed_at, status,
                                         decision_reason)
    SELECT %(period)s, p.employee_id, p.programme_id, p.action, p.rank, p.priority, p.reaches_minimum, p.needs,
           p.inputs, %(rule_version)s, %(now)s, '{Recommendation.Status.PROPOSED}', ''
    FROM training_proposals p
    WHERE NOT EXISTS (SELECT 1 FROM training_stored s WHERE {_SAME_PROPOSAL})
    ORDER BY p.employee_id, p.rank
"""

# The new hashes kept, those of employees no longer active dropped.
DIGESTS_SAVE = """
    WITH gone AS (
        DELETE FROM training_inputdigest i USING training_changed c
        WHERE i.period_id = %(period)s AND i.employee_id = c.employee_id AND c.digest IS NULL
    )
    INSERT INTO training_inputdigest (period_id, employee_id, digest)
    SELECT %(period)s, employee_id, digest FROM training_changed WHERE digest IS NOT NULL
    ON CONFLICT (period_id, employee_id) DO UPDATE SET digest = EXCLUDED.digest
"""

TEMPORARY_TABLES_DROP = """
    DROP TABLE IF EXISTS training_staff, training_counted, training_standards, training_levels,
               training_unit_grades, training_officers, training_officer_services, training_jp, training_decided,
               training_digests, training_changed, training_needs, training_stored_needs, training_proposals,
               training_stored
"""


@dataclass(frozen=True)
class Step:
    """One named statement of a run; ``counts`` names the figure its row count gives."""

    name: str
    statement: str
    counts: str = ""


def need_totals_steps() -> list[Step]:
    """The statements that count the period's stored needs again (parameters: ``period``)."""
    return [Step("need_totals_delete", NEED_TOTALS_DELETE), Step("need_totals_insert", NEED_TOTALS_INSERT)]


def run_steps(*, year_by: rules.YearBy) -> list[Step]:
    """Every statement of a run, in order: the list ``recommendations_compute`` executes and
    ``manage.py training_sql`` prints."""
    return [
        Step("period_lock", PERIOD_LOCK),
        Step("run_insert", RUN_INSERT),
        Step("staff", STAFF, counts="employees"),
        Step("counted_evaluations", COUNTED),
        Step("standards", STANDARDS),
        Step("levels", LEVELS),
        Step("unit_grades", UNIT_GRADES),
        Step("officers", OFFICERS),
        Step("officer_services", OFFICER_SERVICES),
        Step("jp_done", jp_done(year_by=year_by)),
        Step("decided", DECIDED),
        Step("inputs_analyze", INPUTS_ANALYZE),
        Step("digests", DIGESTS),
        Step("changed", CHANGED, counts="recomputed"),
        Step("unchanged_drop", UNCHANGED_DROP),
        Step("changed_analyze", CHANGED_ANALYZE),
        Step("needs", NEEDS, counts="needs"),
        Step("stored_needs", STORED_NEEDS),
        Step("needs_analyze", NEEDS_ANALYZE),
        Step("needs_update", NEEDS_UPDATE),
        Step("stale_needs_delete", STALE_NEEDS_DELETE),
        Step("new_needs_insert", NEW_NEEDS_INSERT),
        *need_totals_steps(),
        Step("proposals", PROPOSALS, counts="recommendations"),
        Step("stored_proposals", STORED_PROPOSALS),
        Step("proposals_analyze", PROPOSALS_ANALYZE),
        Step("proposals_update", PROPOSALS_UPDATE),
        Step("stale_proposals_delete", STALE_PROPOSALS_DELETE),
        Step("new_proposals_insert", NEW_PROPOSALS_INSERT),
        Step("digests_save", DIGESTS_SAVE),
        Step("temporary_tables_drop", TEMPORARY_TABLES_DROP),
    ]
