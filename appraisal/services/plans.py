"""The SKP workflow (domain.md §5 step 1): the employee drafts and submits, the Pejabat Penilai
approves or returns it, and an approved plan changes only through a recorded revision.

The transitions, who may take them and when, are declared in ``appraisal/workflows.py``
(``PLAN_WORKFLOW``); each service here runs one, adds what is particular to it and notifies the next
actor.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from notifications.services import notify
from org.access import employee_of
from org.models import Employee, User

from ..achievement import Target
from ..models import (
    AppraisalPeriod,
    CheckpointTarget,
    Indicator,
    IndicatorTemplate,
    Plan,
    PlanLog,
    Section,
    WorkResult,
)
from ..permissions import PlanRole, ensure_period_writable, require_role
from ..workflows import PLAN_WORKFLOW

PLAN_EXISTS = _("SKP untuk jabatan ini pada periode %(year)s sudah ada.")
EMPLOYEE_NOT_ACTIVE = _("Hanya pegawai aktif yang dapat menyusun SKP.")
ONLY_OWN_PLAN = _("SKP hanya dapat disusun oleh pegawai yang bersangkutan.")
NOT_EDITABLE = _("SKP hanya dapat diubah saat berstatus draf, dikembalikan, atau dalam revisi.")
NO_MAIN_RESULT = _("SKP harus memiliki minimal satu rencana hasil kerja utama.")
RESULT_WITHOUT_INDICATOR = _("Setiap rencana hasil kerja harus memiliki minimal satu indikator.")
ASPECT_REQUIRED = _("Pada pendekatan kuantitatif setiap indikator harus memiliki aspek.")
IN_USE = _("Tidak dapat dihapus: sudah ada realisasi, kegiatan, atau bukti dukung yang tercatat.")
BAD_CHECKPOINT = _("Titik pantau %(number)s tidak ada pada periode ini.")


def plan_actions(*, plan: Plan, user: User) -> set[str]:
    """The transitions this user may take now, so pages show only buttons that will work."""
    return PLAN_WORKFLOW.available(plan, user)


def person_snapshot(employee: Employee | None) -> dict:
    """The header fields of the SKP document (domain.md §1.2) as they are today."""
    if employee is None:
        return {}
    return {
        "name": employee.full_name,
        "nip": employee.nip_display,
        "rank": employee.get_rank_display(),
        "position": employee.position.name,
        "unit": employee.unit.name,
    }


def plan_snapshot(employee: Employee) -> dict:
    """Employee, Pejabat Penilai and their superior as printed on the SKP header at creation."""
    assessor = employee.supervisor
    return {
        "employee": person_snapshot(employee),
        "assessor": person_snapshot(assessor),
        "assessor_superior": person_snapshot(assessor.supervisor if assessor else None),
    }


@transaction.atomic
def plan_create(
    *, period: AppraisalPeriod, employee: Employee, approach: str, from_template: bool, acting_user: User
) -> Plan:
    """Start an SKP for the employee's current position, optionally from the position's templates."""
    me = employee_of(acting_user)
    if me is None or me.pk != employee.pk:
        raise PermissionDenied(ONLY_OWN_PLAN)
    period = AppraisalPeriod.objects.get(pk=period.pk)  # the status as stored now, not as the caller saw it
    ensure_period_writable(period, acting_user)
    if employee.status != Employee.Status.AKTIF:
        raise ValidationError(EMPLOYEE_NOT_ACTIVE)
    if Plan.objects.filter(period=period, employee=employee, position=employee.position_id).exists():
        raise ValidationError(PLAN_EXISTS, params={"year": period.year})
    assessor = employee.supervisor
    plan = Plan(
        period=period,
        employee=employee,
        position=employee.position,
        unit=employee.unit,
        assessor=assessor,
        assessor_superior=assessor.supervisor if assessor else None,
        approach=approach,
    )
    plan.snapshot = plan_snapshot(employee)
    plan.full_clean()
    plan.save()
    if from_template:
        copy_templates(plan=plan)
    PLAN_WORKFLOW.created(plan, PlanLog.Action.CREATE, acting_user)
    return plan


def copy_templates(*, plan: Plan) -> int:
    """Work results and indicators from the position's library, in template order; returns the count."""
    templates = list(IndicatorTemplate.objects.filter(position=plan.position_id).order_by("order", "pk"))
    results: dict[tuple[str, str], WorkResult] = {}
    for template in templates:
        key = (template.section, template.work_result)
        if key not in results:
            results[key] = WorkResult(
                plan=plan, section=template.section, text=template.work_result, order=len(results)
            )
    WorkResult.objects.bulk_create(results.values())
    Indicator.objects.bulk_create(
        _indicator_from_template(template, results[(template.section, template.work_result)], order)
        for order, template in enumerate(templates)
    )
    return len(templates)


def _indicator_from_template(template: IndicatorTemplate, work_result: WorkResult, order: int) -> Indicator:
    fields = ["aspect", "description", "unit", "direction", "weight", "source"]
    fields += ["target_value", "target_low", "target_high"]
    return Indicator(work_result=work_result, order=order, **{name: getattr(template, name) for name in fields})


@transaction.atomic
def plan_submit(*, plan: Plan, acting_user: User) -> Plan:
    """The employee signs and submits the plan to the Pejabat Penilai."""
    plan, log = PLAN_WORKFLOW.begin(plan, PlanLog.Action.SUBMIT, acting_user)
    _check_complete(plan)
    PLAN_WORKFLOW.finish(plan, log)
    _notify(plan.assessor, _("SKP menunggu persetujuan: %(name)s"), plan, params={"name": plan.employee.name})
    return plan


@transaction.atomic
def plan_approve(*, plan: Plan, acting_user: User) -> Plan:
    """The Pejabat Penilai approves (*menetapkan*) the plan; progress reporting may start."""
    plan, log = PLAN_WORKFLOW.begin(plan, PlanLog.Action.APPROVE, acting_user)
    plan.approved_at = timezone.now()
    PLAN_WORKFLOW.finish(plan, log, "approved_at")
    _notify(plan.employee, _("SKP Anda %(year)s disetujui"), plan, params={"year": plan.period.year})
    return plan


@transaction.atomic
def plan_return(*, plan: Plan, reason: str, acting_user: User) -> Plan:
    """The Pejabat Penilai sends the plan back to the employee with a reason."""
    plan = PLAN_WORKFLOW.take(plan, PlanLog.Action.RETURN, acting_user, reason)
    title, params = _("SKP Anda %(year)s dikembalikan"), {"year": plan.period.year}
    _notify(plan.employee, title, plan, params=params, note=reason.strip())
    return plan


@transaction.atomic
def plan_revise(*, plan: Plan, reason: str, acting_user: User) -> Plan:
    """Open an approved plan for change; the approved content is kept in the log, then it is resubmitted.
    Refused once the annual evaluation was submitted: its targets are what the result was rated on."""
    plan, log = PLAN_WORKFLOW.begin(plan, PlanLog.Action.REVISE, acting_user, reason)
    log.content = plan_content(plan)
    plan.revision += 1
    PLAN_WORKFLOW.finish(plan, log, "revision")
    other = plan.assessor if employee_of(acting_user) == plan.employee else plan.employee
    _notify(other, _("Revisi SKP dibuka: %(name)s"), plan, params={"name": plan.employee.name}, note=log.reason)
    return plan


def _check_complete(plan: Plan) -> None:
    results = list(plan.work_results.prefetch_related("indicators"))
    if not any(result.section == Section.UTAMA for result in results):
        raise ValidationError(NO_MAIN_RESULT)
    if any(not result.indicators.all() for result in results):
        raise ValidationError(RESULT_WITHOUT_INDICATOR)
    quantitative = plan.approach == Plan.Approach.KUANTITATIF
    if quantitative and any(not i.aspect for result in results for i in result.indicators.all()):
        raise ValidationError(ASPECT_REQUIRED)


def _notify(recipient: Employee | None, title: Promise, plan: Plan, *, params: dict, note: str = "") -> None:
    user = recipient.user if recipient is not None else None
    url = reverse("appraisal:plan-detail", args=[plan.pk])
    notify(recipient=user, title=title, params=params, note=note, url=url)


def plan_content(plan: Plan) -> dict:
    """The plan's work results and indicators as plain data, kept when a revision opens."""
    results = plan.work_results.prefetch_related("indicators__checkpoint_targets")
    return {
        "revision": plan.revision,
        "work_results": [
            {
                "section": result.section,
                "text": result.text,
                "parent_id": result.parent_id,
                "indicators": [_indicator_content(indicator) for indicator in result.indicators.all()],
            }
            for result in results
        ],
    }


def _indicator_content(indicator: Indicator) -> dict:
    data = {name: getattr(indicator, name) for name in ["aspect", "description", "unit", "direction", "source"]}
    data |= _numbers(indicator, "weight", "target_value", "target_low", "target_high")
    data["checkpoint_targets"] = {
        str(row.checkpoint): _numbers(row, "target_value", "target_low", "target_high")
        for row in indicator.checkpoint_targets.all()
    }
    return data


def _numbers(instance: object, *names: str) -> dict[str, str | None]:
    """Decimals as exact strings, so the stored copy can be compared digit by digit."""
    values = {name: getattr(instance, name) for name in names}
    return {name: None if value is None else str(value) for name, value in values.items()}


def ensure_plan_editable(*, plan: Plan, acting_user: User) -> None:
    """Only the owner edits content, only in a draft-like state and an open period."""
    require_role(acting_user, plan, {PlanRole.OWNER})
    ensure_period_writable(plan.period, acting_user)
    if not plan.is_editable:
        raise ValidationError(NOT_EDITABLE, code="not_editable")


@transaction.atomic
def work_result_save(*, work_result: WorkResult, acting_user: User) -> WorkResult:
    """Add or change an RHK of an editable plan."""
    ensure_plan_editable(plan=PLAN_WORKFLOW.lock(work_result.plan), acting_user=acting_user)
    work_result.full_clean()
    work_result.save()
    return work_result


@transaction.atomic
def work_result_delete(*, work_result: WorkResult, acting_user: User) -> None:
    ensure_plan_editable(plan=PLAN_WORKFLOW.lock(work_result.plan), acting_user=acting_user)
    _delete(work_result)


@transaction.atomic
def indicator_save(
    *, indicator: Indicator, checkpoint_targets: dict[int, Target | None], acting_user: User
) -> Indicator:
    """Add or change an IKI with its optional per-checkpoint targets (domain.md §7.1)."""
    plan = PLAN_WORKFLOW.lock(indicator.work_result.plan)
    ensure_plan_editable(plan=plan, acting_user=acting_user)
    indicator.full_clean()
    indicator.save()
    for number, target in checkpoint_targets.items():
        _save_checkpoint_target(plan.period, indicator, number, target)
    return indicator


def _save_checkpoint_target(period: AppraisalPeriod, indicator: Indicator, number: int, target: Target | None) -> None:
    if period.checkpoint(number) is None:
        raise ValidationError(BAD_CHECKPOINT, params={"number": number})
    if target is None:
        CheckpointTarget.objects.filter(indicator=indicator, checkpoint=number).delete()
        return
    row = CheckpointTarget.objects.filter(indicator=indicator, checkpoint=number).first()
    row = row or CheckpointTarget(indicator=indicator, checkpoint=number)
    row.target_value, row.target_low, row.target_high = target.value, target.low, target.high
    if errors := row.target_errors():
        raise ValidationError(errors)
    row.full_clean()
    row.save()


@transaction.atomic
def indicator_delete(*, indicator: Indicator, acting_user: User) -> None:
    ensure_plan_editable(plan=PLAN_WORKFLOW.lock(indicator.work_result.plan), acting_user=acting_user)
    _delete(indicator)


def _delete(instance: WorkResult | Indicator) -> None:
    """Reported work is evidence of performance: refuse rather than cascade it away."""
    try:
        with transaction.atomic():
            instance.delete()
    except ProtectedError as exc:
        raise ValidationError(IN_USE, code="in_use") from exc
