"""HR's work on appraisal periods: open a year, close it, reopen it with a recorded reason
(``PERIOD_WORKFLOW`` in ``appraisal/workflows.py``), change its §7.1 rules (cap and lower-is-better
formula)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.models import assign_changes
from org.access import is_hr
from org.models import User

from ..models import AppraisalPeriod, PeriodLog
from ..workflows import HR_ONLY, PERIOD_WORKFLOW

CLOSED_RULES_FIXED = _(
    "Periode ini sudah ditutup, jadi aturannya tidak dapat diubah. Buka kembali periode bila memang perlu."
)
# The numbers of §7.1 HR sets per period; the floor is a setting for every period.
PERIOD_RULE_FIELDS = ("achievement_cap", "lower_formula")


@transaction.atomic
def period_create(*, year: int, checkpoint_type: str, acting_user: User) -> AppraisalPeriod:
    """Open a performance year; cap, thresholds and the SKP deadline start from the settings (§7)."""
    if not is_hr(acting_user):
        raise PermissionDenied(HR_ONLY)
    deadline = date(year, settings.APPRAISAL_PLAN_DEADLINE_MONTH, settings.APPRAISAL_PLAN_DEADLINE_DAY)
    period = AppraisalPeriod(year=year, checkpoint_type=checkpoint_type, plan_deadline=deadline)
    period.full_clean()
    period.save()
    PERIOD_WORKFLOW.created(period, PeriodLog.Action.CREATE, acting_user)
    return period


@transaction.atomic
def period_close(*, period: AppraisalPeriod, reason: str, acting_user: User) -> AppraisalPeriod:
    """Make the period read-only for everyone but HR."""
    return PERIOD_WORKFLOW.take(period, PeriodLog.Action.CLOSE, acting_user, reason)


@transaction.atomic
def period_reopen(*, period: AppraisalPeriod, reason: str, acting_user: User) -> AppraisalPeriod:
    """Reopen a closed period; the reason is recorded, since it reopens settled records."""
    return PERIOD_WORKFLOW.take(period, PeriodLog.Action.REOPEN, acting_user, reason)


@transaction.atomic
def period_rules_update(*, period: AppraisalPeriod, acting_user: User, **values) -> dict[str, tuple]:
    """Change the period's cap and lower-is-better formula (``PERIOD_RULE_FIELDS``); returns each changed
    field as (old, new). Only while the period is open: a closed period's achievements are settled.

    The period's log records the change; the caller recomputes what depends on it (the scores).
    """
    if not is_hr(acting_user):
        raise PermissionDenied(HR_ONLY)
    period = AppraisalPeriod.objects.select_for_update().get(pk=period.pk)
    if not period.is_open:
        raise ValidationError(CLOSED_RULES_FIXED, code="closed")
    changes = assign_changes(period, values, PERIOD_RULE_FIELDS)
    if not changes:
        return changes
    period.full_clean()
    period.save(update_fields=list(changes))
    reason = "; ".join(
        f"{AppraisalPeriod._meta.get_field(name).verbose_name}: {old} → {new}" for name, (old, new) in changes.items()
    )
    PeriodLog.objects.create(period=period, action=PeriodLog.Action.RULES, reason=reason, actor=acting_user)
    return changes
