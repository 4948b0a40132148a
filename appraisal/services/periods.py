"""HR's work on appraisal periods: open a year, close it, reopen it with a recorded reason, change
its §7.1 rules (cap and lower-is-better formula)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from org.access import is_hr
from org.models import User

from ..models import AppraisalPeriod, PeriodLog

HR_ONLY = _("Hanya BKPSDM yang dapat mengelola periode penilaian.")
REASON_REQUIRED = _("Alasan wajib diisi.")
ALREADY_CLOSED = _("Periode ini sudah ditutup.")
ALREADY_OPEN = _("Periode ini masih terbuka.")
CLOSED_RULES_FIXED = _(
    "Periode ini sudah ditutup, jadi aturannya tidak dapat diubah. Buka kembali periode bila memang perlu."
)
# The numbers of §7.1 HR sets per period; the floor is a setting for every period.
PERIOD_RULE_FIELDS = ("achievement_cap", "lower_formula")


def _require_hr(user: User) -> None:
    if not is_hr(user):
        raise PermissionDenied(HR_ONLY)


def _require_reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationError({"reason": REASON_REQUIRED})
    return reason.strip()


@transaction.atomic
def period_create(*, year: int, checkpoint_type: str, acting_user: User) -> AppraisalPeriod:
    """Open a performance year; cap, thresholds and the SKP deadline start from the settings (§7)."""
    _require_hr(acting_user)
    deadline = date(year, settings.APPRAISAL_PLAN_DEADLINE_MONTH, settings.APPRAISAL_PLAN_DEADLINE_DAY)
    period = AppraisalPeriod(year=year, checkpoint_type=checkpoint_type, plan_deadline=deadline)
    period.full_clean()
    period.save()
    PeriodLog.objects.create(period=period, action=PeriodLog.Action.CREATE, actor=acting_user)
    return period


@transaction.atomic
def period_close(*, period: AppraisalPeriod, reason: str, acting_user: User) -> AppraisalPeriod:
    """Make the period read-only for everyone but HR."""
    return _set_status(period, AppraisalPeriod.Status.CLOSED, PeriodLog.Action.CLOSE, reason, acting_user)


@transaction.atomic
def period_reopen(*, period: AppraisalPeriod, reason: str, acting_user: User) -> AppraisalPeriod:
    """Reopen a closed period; the reason is recorded, since it reopens settled records."""
    return _set_status(period, AppraisalPeriod.Status.OPEN, PeriodLog.Action.REOPEN, reason, acting_user)


def _set_status(period: AppraisalPeriod, status: str, action: str, reason: str, user: User) -> AppraisalPeriod:
    _require_hr(user)
    reason = _require_reason(reason)
    period = AppraisalPeriod.objects.select_for_update().get(pk=period.pk)
    if period.status == status:
        raise ValidationError(ALREADY_CLOSED if status == AppraisalPeriod.Status.CLOSED else ALREADY_OPEN)
    period.status = status
    period.save(update_fields=["status"])
    PeriodLog.objects.create(period=period, action=action, reason=reason, actor=user)
    return period


@transaction.atomic
def period_rules_update(*, period: AppraisalPeriod, acting_user: User, **values) -> dict[str, tuple]:
    """Change the period's cap and lower-is-better formula (``PERIOD_RULE_FIELDS``); returns each changed
    field as (old, new). Only while the period is open: a closed period's achievements are settled.

    The period's log records the change; the caller recomputes what depends on it (the scores).
    """
    _require_hr(acting_user)
    period = AppraisalPeriod.objects.select_for_update().get(pk=period.pk)
    if not period.is_open:
        raise ValidationError(CLOSED_RULES_FIXED, code="closed")
    changes = {name: (getattr(period, name), values[name]) for name in PERIOD_RULE_FIELDS}
    changes = {name: (old, new) for name, (old, new) in changes.items() if old != new}
    if not changes:
        return changes
    for name, (_old, new) in changes.items():
        setattr(period, name, new)
    period.full_clean()
    period.save(update_fields=list(changes))
    reason = "; ".join(
        f"{AppraisalPeriod._meta.get_field(name).verbose_name}: {old} → {new}" for name, (old, new) in changes.items()
    )
    PeriodLog.objects.create(period=period, action=PeriodLog.Action.RULES, reason=reason, actor=acting_user)
    return changes
