"""What a decision on a recommendation and the review of a development record add to their workflow
step (``training.workflows``): the decision's fields, a replacement row, the profile evidence of a
verified activity, and the notices to the people concerned (docs/training-development.md)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import BaseInlineFormSet, ModelForm
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from notifications.services import notify
from org.models import Employee, User

from .models import (
    CompetencyAssessment,
    DevelopmentRecord,
    DevelopmentRecordLog,
    Programme,
    Recommendation,
    RecommendationLog,
)
from .workflows import RECOMMENDATION_WORKFLOW, RECORD_WORKFLOW, Role, reviewer_roles

SAME_PROGRAMME = _("Pilih program lain dari katalog sebagai pengganti.")
PROGRAMME_INACTIVE = _("Program ini tidak aktif lagi di katalog.")

# Per action: what the employee is told, and what the supervisor is told when HR decided.
DECISION_NOTICES: dict[str, tuple[Promise, Promise]] = {
    RecommendationLog.Action.ACCEPT: (
        _("Rekomendasi pengembangan Anda diterima: %(subject)s"),
        _("BKPSDM menerima rekomendasi pengembangan %(name)s: %(subject)s"),
    ),
    RecommendationLog.Action.REPLACE: (
        _("Rekomendasi pengembangan Anda diganti: %(subject)s menjadi %(replacement)s"),
        _("BKPSDM mengganti rekomendasi pengembangan %(name)s: %(subject)s menjadi %(replacement)s"),
    ),
    RecommendationLog.Action.DISMISS: (
        _("Rekomendasi pengembangan Anda ditolak: %(subject)s"),
        _("BKPSDM menolak rekomendasi pengembangan %(name)s: %(subject)s"),
    ),
}
RECORD_NOTICES: dict[str, Promise] = {
    DevelopmentRecordLog.Action.SUBMIT: _("Catatan pengembangan menunggu verifikasi: %(name)s, %(title)s"),
    DevelopmentRecordLog.Action.VERIFY: _("Catatan pengembangan Anda diverifikasi: %(title)s"),
    DevelopmentRecordLog.Action.REJECT: _("Catatan pengembangan Anda ditolak: %(title)s"),
}


@transaction.atomic
def recommendation_accept(*, recommendation: Recommendation, acting_user: User, reason: str = "") -> Recommendation:
    """The supervisor or HR takes the recommendation into the employee's plan; a reason is optional."""
    recommendation, log = RECOMMENDATION_WORKFLOW.begin(
        recommendation, RecommendationLog.Action.ACCEPT, acting_user, reason
    )
    return _decided(recommendation, log)


@transaction.atomic
def recommendation_dismiss(*, recommendation: Recommendation, reason: str, acting_user: User) -> Recommendation:
    """The supervisor or HR decides the employee will not follow it, saying why."""
    recommendation, log = RECOMMENDATION_WORKFLOW.begin(
        recommendation, RecommendationLog.Action.DISMISS, acting_user, reason
    )
    return _decided(recommendation, log)


@transaction.atomic
def recommendation_replace(
    *, recommendation: Recommendation, programme: Programme, reason: str, acting_user: User
) -> Recommendation:
    """Another catalogue programme takes the recommendation's place, accepted at once, for the same needs.

    The replacement keeps the needs and their reasons, so the employee still reads why; it counts
    among the accepted programmes of the below-20-JP list. Returns the replacement.
    """
    recommendation, log = RECOMMENDATION_WORKFLOW.begin(
        recommendation, RecommendationLog.Action.REPLACE, acting_user, reason
    )
    if programme.pk == recommendation.programme_id:
        raise ValidationError({"programme": SAME_PROGRAMME})
    if not programme.is_active:
        raise ValidationError({"programme": PROGRAMME_INACTIVE})
    replacement = _replacement(recommendation, programme, log)
    log.replacement = replacement
    _decided(recommendation, log, replacement=replacement)
    return replacement


def _replacement(recommendation: Recommendation, programme: Programme, log: RecommendationLog) -> Recommendation:
    recommendation.freeze_needs()
    jp_so_far = Decimal(recommendation.inputs.get("jp_so_far") or 0)
    replacement = Recommendation(
        period=recommendation.period,
        employee=recommendation.employee,
        programme=programme,
        rank=recommendation.rank,
        priority=recommendation.priority,
        reaches_minimum=jp_so_far + programme.jp >= Decimal(settings.TRAINING_MINIMUM_JP),
        needs=recommendation.needs,
        inputs={**recommendation.inputs, "programme_jp": str(programme.jp), "replaces": recommendation.pk},
        rule_version=recommendation.rule_version,
        computed_at=recommendation.computed_at,
        status=Recommendation.Status.ACCEPTED,
        decided_by=log.actor,
        decided_at=timezone.now(),
        decision_reason=log.reason,
    )
    replacement.full_clean()
    replacement.save()
    return replacement


def _decided(
    recommendation: Recommendation, log: RecommendationLog, *, replacement: Recommendation | None = None
) -> Recommendation:
    recommendation.decided_by, recommendation.decided_at = log.actor, timezone.now()
    recommendation.decision_reason = log.reason
    recommendation.freeze_needs()  # the period's needs are replaced at the next run, the decision stays
    RECOMMENDATION_WORKFLOW.finish(recommendation, log, "decided_by", "decided_at", "decision_reason", "needs")
    _notify_decision(recommendation, log, replacement)
    return recommendation


def _notify_decision(recommendation: Recommendation, log: RecommendationLog, replacement: Recommendation | None):
    """The employee is told; so is their supervisor when HR decided without being the supervisor."""
    employee = recommendation.employee
    params = {"subject": _subject(recommendation), "name": employee.name}
    if replacement is not None:
        params["replacement"] = _subject(replacement)
    to_employee, to_supervisor = DECISION_NOTICES[log.action]
    notify(recipient=employee.user, title=to_employee, params=params, note=log.reason, url=_own_page())
    if Role.SUPERVISOR not in reviewer_roles(log.actor, employee) and employee.supervisor is not None:
        url = reverse("training:employee-development", args=[employee.pk])
        notify(recipient=employee.supervisor.user, title=to_supervisor, params=params, note=log.reason, url=url)


def _subject(recommendation: Recommendation) -> str:
    programme = recommendation.programme
    return f"{programme.code} {programme.title}" if programme else recommendation.action


def _own_page() -> str:
    return reverse("training:my-development")


@transaction.atomic
def development_record_submit(
    *, form: ModelForm, outcomes: BaseInlineFormSet, employee: Employee, acting_user: User
) -> DevelopmentRecord:
    """The employee records a completed activity with its certificate; their supervisor is asked to verify.

    The form has checked the certificate like appraisal evidence (size, type, content signature).
    """
    record: DevelopmentRecord = form.save(commit=False)
    record.employee = employee
    upload = form.cleaned_data["certificate"]
    record.certificate_name, record.certificate_type = upload.name[:200], form.certificate_type
    record.full_clean()
    record.save()
    outcomes.instance = record
    outcomes.save()
    RECORD_WORKFLOW.created(record, DevelopmentRecordLog.Action.SUBMIT, acting_user)
    supervisor = employee.supervisor
    title, params = RECORD_NOTICES[DevelopmentRecordLog.Action.SUBMIT], {"name": employee.name, "title": record.title}
    notify(
        recipient=supervisor.user if supervisor else None,
        title=title,
        params=params,
        url=reverse("training:team"),
    )
    return record


@transaction.atomic
def development_record_verify(*, record: DevelopmentRecord, acting_user: User) -> DevelopmentRecord:
    """The activity counts for its year's JP; each competency level it showed becomes profile evidence
    (source TRAINING, dated the end of the activity), so next year's gaps follow from it."""
    record, log = RECORD_WORKFLOW.begin(record, DevelopmentRecordLog.Action.VERIFY, acting_user)
    _reviewed(record, log)
    CompetencyAssessment.objects.bulk_create(
        CompetencyAssessment(
            employee=record.employee,
            competency_id=outcome.competency_id,
            level=outcome.achieved_level,
            source=CompetencyAssessment.Source.TRAINING,
            assessed_on=record.ends_on,
            recorded_by=acting_user,
            note=record.title,
        )
        for outcome in record.outcomes.filter(achieved_level__isnull=False)
    )
    return record


@transaction.atomic
def development_record_reject(*, record: DevelopmentRecord, reason: str, acting_user: User) -> DevelopmentRecord:
    """The activity does not count; the reason tells the employee what to correct in a new record."""
    record, log = RECORD_WORKFLOW.begin(record, DevelopmentRecordLog.Action.REJECT, acting_user, reason)
    record.reason = log.reason
    return _reviewed(record, log, "reason")


def _reviewed(record: DevelopmentRecord, log: DevelopmentRecordLog, *fields: str) -> DevelopmentRecord:
    record.verified_by, record.verified_at = log.actor, timezone.now()
    RECORD_WORKFLOW.finish(record, log, "verified_by", "verified_at", *fields)
    notify(
        recipient=record.employee.user,
        title=RECORD_NOTICES[log.action],
        params={"title": record.title},
        note=log.reason,
        url=_own_page(),
    )
    return record
