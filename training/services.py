"""Training workflows that span several rows: saving a programme with its targets and batches, and
``recommendations_compute``, which turns a period's appraisal, survey and training data into stored
needs and recommendations (domain.md §7.3, docs/training-recommendations.md)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.forms import BaseInlineFormSet, ModelForm
from django.utils import timezone, translation
from django.utils.formats import get_format

from appraisal.models import AppraisalPeriod
from appraisal.predikat import Predikat
from core.outbox import enqueue_on_commit
from notifications.messages import source_text
from org.models import User
from surveys.periods import moments
from surveys.sql import ikm_parameters

from . import rules, sql
from .models import Programme

logger = logging.getLogger(__name__)


@transaction.atomic
def programme_save(
    *, form: ModelForm, targets: BaseInlineFormSet, batches: BaseInlineFormSet, acting_user: User
) -> Programme:
    """Save a catalogue entry with the competencies it develops and its batches, all or nothing.

    The forms have validated every row (``Batch.clean`` orders the dates); the database constraints
    stay the last word, and a failure there rolls back the programme with its rows.
    """
    programme = form.save()
    for formset in (targets, batches):
        formset.instance = programme
        formset.save()
    logger.info("Programme %s saved by %s", programme.code, acting_user)
    return programme


@dataclass(frozen=True)
class ComputeResult:
    """``employees`` active in the period; ``recomputed`` of them (and those gone) had other inputs than at
    the last run and were derived again, into ``needs`` needs and ``recommendations`` proposals."""

    employees: int
    recomputed: int
    needs: int
    recommendations: int


def recommendations_compute(*, period: AppraisalPeriod, everyone: bool = False) -> ComputeResult:
    """Compute a whole period set-based and bring its needs and PROPOSED recommendations up to date.

    Every employee's inputs are read and hashed; needs and proposals are derived again for those whose
    hash changed since the last run (``models.InputDigest``), which after a policy or catalogue change
    is everyone. ``everyone`` derives them all again whatever the hashes say: for rows changed by hand
    outside this function, and to time a first computation.

    A fixed number of statements (``training.sql``) in one transaction, serialised per period by a
    row lock. Decided recommendations stay, and a programme or action already decided for an
    employee in the period is not proposed again.
    """
    params = _parameters(period, rules.Policy.from_settings()) | {"everyone": everyone}
    counts = {"employees": 0, "recomputed": 0, "needs": 0, "recommendations": 0}
    steps = sql.run_steps(year_by=rules.YearBy(settings.TRAINING_JP_YEAR_BY))
    with transaction.atomic(), connection.cursor() as cursor:
        # JIT compiling these wide statements costs more than it saves; this run only.
        cursor.execute("SET LOCAL jit = off")
        cursor.execute("SET LOCAL work_mem = '128MB'")
        for step in steps:
            cursor.execute(step.statement, params)
            if step.counts:
                counts[step.counts] = cursor.rowcount
    return ComputeResult(**counts)


def _parameters(period: AppraisalPeriod, policy: rules.Policy) -> dict:
    """The run's numbers and words: the policy, the rules' messages (msgids) and how each language
    writes a decimal, so the SQL stores reasons as ``rules.Reason`` does."""
    since, until = moments(period.start, period.end)
    threshold = rules.Reason("", {"threshold": policy.nrr_threshold})
    languages = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            languages |= {f"language_{code}": code, f"separator_{code}": get_format("DECIMAL_SEPARATOR")}
    parameters = {
        "period": period.pk,
        "year": period.year,
        "since": since,
        "until": until,
        # The rows' timestamps come from Python's clock, not PostgreSQL's: one clock for the whole app.
        "now": timezone.now(),
        "rule_version": rules.RULE_VERSION,
        "policy": json.dumps(policy.as_data()),
        "min_answers": policy.min_answers,
        "nrr_threshold": policy.nrr_threshold,
        "threshold_text": threshold.inputs()["threshold"],
        "threshold_shown": json.dumps(threshold.as_data()["params"]["threshold"]),
        "low_unit_grades": sorted(policy.low_unit_grades),
        "low_predikats": sorted(policy.low_predikats),
        "predikat_labels": json.dumps({code: source_text(label) for code, label in Predikat.choices}),
        "minimum_jp": policy.minimum_jp,
        "max_proposals": policy.max_proposals,
        "behaviour_priority": policy.behaviour_priority,
        "citizens_priority": policy.citizens_priority,
        "results_priority": policy.results_priority,
        "supervisor_priority": policy.supervisor_priority,
        "gap_reason": rules.GAP_REASON,
        "unassessed_reason": rules.UNASSESSED_REASON,
        "behaviour_reason": rules.BEHAVIOUR_REASON,
        "unit_grade_reason": rules.UNIT_GRADE_REASON,
        **{f"nrr_reason_{code.lower()}": message for code, message in rules.NRR_REASONS.items()},
        "results_reason": rules.RESULTS_REASON,
        "supervisor_reason": rules.SUPERVISOR_REASON,
        "m05": rules.M05,
        "m03": rules.M03,
        "coaching_target": rules.COACHING_MENTORING,
        **languages,
        **ikm_parameters(),
    }
    # Every parameter but the clock is an input of every employee's advice (``sql.DIGESTS``).
    shared = {name: value for name, value in parameters.items() if name != "now"}
    parameters["parameters"] = json.dumps(shared, sort_keys=True, default=str)
    return parameters


def recommendations_compute_request(*, period: AppraisalPeriod) -> None:
    """Queue a recompute of the period once the caller's transaction commits (on demand, or after scoring)."""
    from .tasks import recommendations_compute as task

    enqueue_on_commit(task, period.pk)
