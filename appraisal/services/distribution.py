"""The organisation result and the distribution warning (domain.md §1.6; §5 step 3).

HR or the head of the unit above sets a unit's result per period. Whenever the unit's finished
annual predikat change, the distribution is checked again; when it turns outside the pattern, HR
and the unit's head are told once (``OrganisationResult.exceeded`` remembers it). It is a warning
unless ``APPRAISAL_DISTRIBUTION_BLOCKING`` is on; then the superior's approval that would leave a
fully rated unit outside its pattern is refused.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from notifications.services import notify
from org.access import hr_users, unit_head
from org.models import Unit, User

from ..distribution import OrgResult
from ..models import AppraisalPeriod, Evaluation, OrganisationResult
from ..permissions import can_set_org_result, ensure_period_writable
from ..selectors import UnitDistribution, unit_distribution

NOT_ALLOWED = _("Capaian kinerja organisasi ditetapkan oleh BKPSDM atau pimpinan unit satu tingkat di atasnya.")
BLOCKED = _(
    "Persetujuan ditolak: sebaran predikat unit %(unit)s tidak sesuai pola distribusi untuk capaian "
    "organisasi %(result)s. Tinjau kembali predikat di unit ini."
)


def distribution_url(unit: Unit, period: AppraisalPeriod) -> str:
    return reverse("appraisal:distribution-detail") + "?" + urlencode({"unit": unit.pk, "tahun": period.year})


@transaction.atomic
def org_result_set(
    *, unit: Unit, period: AppraisalPeriod, result: str, note: str, acting_user: User
) -> OrganisationResult:
    """Set (or change) the unit's *capaian kinerja organisasi*; the check runs again at once."""
    if not can_set_org_result(acting_user, unit):
        raise PermissionDenied(NOT_ALLOWED)
    ensure_period_writable(period, acting_user)
    row = OrganisationResult.objects.select_for_update().filter(unit=unit, period=period).first()
    row = row or OrganisationResult(unit=unit, period=period)
    row.result, row.note, row.set_by = result, note.strip(), acting_user
    row.full_clean()
    row.save()
    head = unit_head(unit)
    title = _("Capaian kinerja organisasi %(unit)s %(year)s: %(result)s")
    params = {"unit": unit.name, "year": period.year, "result": _result_label(row)}
    notify(recipient=head.user if head else None, title=title, params=params, url=distribution_url(unit, period))
    distribution_refresh(unit=unit, period=period)
    return row


def distribution_refresh(*, unit: Unit, period: AppraisalPeriod) -> UnitDistribution:
    """Check again; warn HR and the unit head when the unit has just gone outside its pattern."""
    state = unit_distribution(unit=unit, period=period)
    row = state.org_result
    if row is None:
        return state
    exceeded = not state.check.valid
    if exceeded != row.exceeded:
        OrganisationResult.objects.filter(pk=row.pk).update(exceeded=exceeded)
        if exceeded:
            _warn(state)
    return state


def _warn(state: UnitDistribution) -> None:
    title = _("Sebaran predikat %(unit)s %(year)s melampaui pola distribusi")
    body = _("Capaian organisasi %(result)s. Buka halaman distribusi untuk rinciannya.")
    params = {"unit": state.unit.name, "year": state.period.year, "result": _result_label(state.org_result)}
    url = distribution_url(state.unit, state.period)
    head = unit_head(state.unit)
    recipients = {user.pk: user for user in hr_users()}
    if head is not None and head.user is not None:
        recipients[head.user.pk] = head.user
    for user in recipients.values():
        notify(recipient=user, title=title, params=params, body=body, url=url)


def _result_label(row: OrganisationResult) -> Promise:
    """The result's label, translated when the notification is read."""
    return OrgResult(row.result).label


def refresh_for(evaluation: Evaluation) -> None:
    if evaluation.is_annual:
        distribution_refresh(unit=evaluation.plan.unit, period=evaluation.plan.period)


def ensure_allows(evaluation: Evaluation) -> None:
    """With blocking on, refuse an approval that leaves a fully rated unit outside its pattern."""
    if not settings.APPRAISAL_DISTRIBUTION_BLOCKING or not evaluation.is_annual:
        return
    state = unit_distribution(unit=evaluation.plan.unit, period=evaluation.plan.period)
    if state.check is not None and state.complete and not state.check.valid:
        params = {"unit": state.unit.name, "result": state.org_result.get_result_display()}
        raise ValidationError(BLOCKED, code="distribution", params=params)
