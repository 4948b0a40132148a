"""Training workflows that span several rows: saving a programme with its targets and batches, and
``recommendations_compute``, which turns a period's appraisal, survey and training data into stored
needs and recommendations (domain.md §7.3, docs/training-recommendations.md)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.forms import BaseInlineFormSet, ModelForm
from django.utils import timezone

from appraisal.models import AppraisalPeriod
from core.outbox import enqueue_on_commit
from org.models import User

from . import rules
from .inputs import period_inputs
from .models import Need, Programme, Recommendation

logger = logging.getLogger(__name__)
WRITE_BATCH = 5000


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
    employees: int
    needs: int
    recommendations: int


def recommendations_compute(*, period: AppraisalPeriod) -> ComputeResult:
    """Compute a whole period set-based and replace its needs and PROPOSED recommendations.

    Inputs come in a fixed number of queries (``training.inputs``); the rules run in Python; the
    writes are one transaction, serialised per period by a row lock. Decided recommendations stay,
    and a programme or action already decided for an employee in the period is not proposed again.
    """
    policy = rules.Policy.from_settings()
    data = period_inputs(period, year_by=rules.YearBy(settings.TRAINING_JP_YEAR_BY))
    now = timezone.now()
    with transaction.atomic():
        AppraisalPeriod.objects.select_for_update().filter(pk=period.pk).first()
        decided = set(
            Recommendation.objects.filter(period=period)
            .exclude(status=Recommendation.Status.PROPOSED)
            .values_list("employee_id", "programme_id", "action")
        )
        needs: list[Need] = []
        proposals: list[Recommendation] = []
        for employee in data.employees:
            advice = rules.advise(employee, data.programmes, policy, data.competencies)
            stamp = {"period": period, "employee_id": employee.employee_id, "computed_at": now}
            # Each need's reasons are put into words once, for its row and every recommendation covering it.
            stored = {id(need): _need_data(need) for need in advice.needs}
            needs += [_need_row(need, stored[id(need)], stamp) for need in advice.needs]
            proposals += [
                _recommendation_row(rec, [stored[id(need)] for need in rec.needs], employee, policy, stamp)
                for rec in advice.recommendations
                if _key(employee.employee_id, rec) not in decided
            ]
        Need.objects.filter(period=period).delete()
        Recommendation.objects.filter(period=period, status=Recommendation.Status.PROPOSED).delete()
        Need.objects.bulk_create(needs, batch_size=WRITE_BATCH)
        Recommendation.objects.bulk_create(proposals, batch_size=WRITE_BATCH)
    return ComputeResult(len(data.employees), len(needs), len(proposals))


def _key(employee_id: int, rec: rules.Recommendation) -> tuple[int, int | None, str]:
    return (employee_id, rec.programme.id if rec.programme else None, "" if rec.programme else rec.needs[0].action)


def _need_data(need: rules.Need) -> dict:
    return {
        "rule": int(need.rule),
        "target": need.target,
        "priority": need.priority,
        "reasons": [reason.as_data() for reason in need.reasons],
    }


def _need_row(need: rules.Need, data: dict, stamp: dict) -> Need:
    return Need(
        **stamp,
        rule=need.rule,
        competency_id=need.competency.id if need.competency else None,
        target=need.target if need.rule != rules.Rule.SUPERVISOR else "",
        action=need.action,
        priority=need.priority,
        reasons=data["reasons"],
        inputs=[reason.inputs() for reason in need.reasons],
        rule_version=rules.RULE_VERSION,
    )


def _recommendation_row(
    rec: rules.Recommendation, needs: list[dict], employee: rules.EmployeeInputs, policy: rules.Policy, stamp: dict
) -> Recommendation:
    programme = rec.programme
    return Recommendation(
        **stamp,
        programme_id=programme.id if programme else None,
        action="" if programme else rec.needs[0].action,
        rank=rec.rank,
        priority=rec.priority,
        reaches_minimum=rec.reaches_minimum,
        needs=needs,
        inputs={
            "jp_so_far": str(employee.jp_this_year),
            "programme_jp": str(programme.jp) if programme else None,
            "policy": policy.as_data(),
        },
        rule_version=rules.RULE_VERSION,
    )


def recommendations_compute_request(*, period: AppraisalPeriod) -> None:
    """Queue a recompute of the period once the caller's transaction commits (on demand, or after scoring)."""
    from .tasks import recommendations_compute as task

    enqueue_on_commit(task, period.pk)
