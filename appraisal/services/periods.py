"""HR's work on appraisal periods: open a year, close it, reopen it with a recorded reason
(``PERIOD_WORKFLOW`` in ``appraisal/workflows.py``)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction

from org.access import is_hr
from org.models import User

from ..models import AppraisalPeriod, PeriodLog
from ..workflows import HR_ONLY, PERIOD_WORKFLOW


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
