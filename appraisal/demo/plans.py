"""Demo data for appraisal: this year's period, indicator templates and a plan for every active employee.

Idempotent: the period is reused, templates are added only for positions without any, and plans
only for employees who have none in the period. Plans come in every state (draft, submitted,
approved, one returned) and approved ones get realisations so that some people are on track, some
behind and some have not reported the current checkpoint.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from org.models import Employee, Position

from ..models import (
    AppraisalPeriod,
    CheckpointTarget,
    Direction,
    Indicator,
    IndicatorTemplate,
    PeriodLog,
    Plan,
    PlanLog,
    Realisation,
    Section,
    WorkResult,
)
from ..services.plans import plan_snapshot

D = Decimal
H, L = "HIGHER", "LOWER"
# Per position kind: (section, work result) -> [(aspect, indicator, target or (low, high), unit, direction, weight)]
TEMPLATES = {
    Position.Kind.STRUKTURAL: {
        ("UTAMA", "Tercapainya target kinerja unit kerja"): [
            ("KUANTITAS", "Persentase program kerja unit yang terlaksana", D(100), "%", H, D(2)),
            ("WAKTU", "Ketepatan waktu laporan kinerja unit", D(12), "Bulan", H, D(1)),
        ],
        ("UTAMA", "Meningkatnya kualitas pelayanan publik unit"): [
            ("KUALITAS", "Nilai IKM unit kerja", (D("76.61"), D(100)), "Nilai", H, D(1)),
            ("WAKTU", "Rata-rata hari penyelesaian pengaduan", D(5), "Hari", L, D(1)),
        ],
    },
    Position.Kind.FUNGSIONAL: {
        ("UTAMA", "Tersusunnya kajian sesuai bidang keahlian"): [
            ("KUANTITAS", "Jumlah dokumen kajian yang diselesaikan", D(4), "Dokumen", H, D(2)),
            ("KUALITAS", "Persentase kajian diterima tanpa revisi mayor", (D(95), D(100)), "%", H, D(1)),
            ("WAKTU", "Ketepatan waktu penyelesaian kajian", D(12), "Bulan", H, D(1)),
        ],
        ("TAMBAHAN", "Terlaksananya bimbingan teknis"): [
            ("KUANTITAS", "Jumlah bimbingan teknis yang diberikan", D(2), "Kegiatan", H, D(1)),
        ],
    },
    Position.Kind.PELAKSANA: {
        ("UTAMA", "Terlayaninya permohonan administrasi"): [
            ("KUANTITAS", "Jumlah berkas permohonan yang diproses", D(600), "Berkas", H, D(2)),
            ("WAKTU", "Rata-rata hari memproses satu permohonan", D(4), "Hari", L, D(1)),
        ],
        ("UTAMA", "Tertatanya data dan arsip layanan"): [
            ("KUALITAS", "Persentase data layanan yang akurat", (D(95), D(100)), "%", H, D(1)),
        ],
    },
}
ON_TRACK, BEHIND, SILENT = D("1.05"), D("0.6"), None


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


@transaction.atomic
def seed_appraisal(*, stdout=None) -> str:
    """Create (once) the current year's period, templates and a plan for every active employee.

    Returns a one-line summary (what ``seed_demo``'s app seeders print) and also writes it to ``stdout``.
    """
    today = timezone.localdate()
    period = _period(today.year)
    employees = list(
        Employee.objects.active().select_related("position", "unit", "supervisor__supervisor", "user").order_by("nip")
    )
    added = _templates({e.position for e in employees})
    has_plan = set(Plan.objects.filter(period=period).values_list("employee_id", flat=True))
    plans = _plans(period, [e for e in employees if e.pk not in has_plan])
    _content(period, plans, current=period.checkpoint_on(today).number)
    summary = gettext(
        "Penilaian kinerja: periode %(year)s, %(templates)s templat indikator dan %(plans)s SKP dibuat."
    ) % {
        "year": period.year,
        "templates": added,
        "plans": len(plans),
    }
    _say(stdout, summary + "\n")
    return summary


def _period(year: int) -> AppraisalPeriod:
    period, created = AppraisalPeriod.objects.get_or_create(
        year=year,
        defaults={"checkpoint_type": AppraisalPeriod.CheckpointType.TRIWULANAN, "plan_deadline": date(year, 1, 31)},
    )
    if created:
        PeriodLog.objects.create(period=period, action=PeriodLog.Action.CREATE)
    return period


def _templates(positions: set[Position]) -> int:
    covered = set(IndicatorTemplate.objects.values_list("position_id", flat=True).distinct())
    rows = [
        _template(position, section, result, *spec)
        for position in positions
        if position.pk not in covered
        for (section, result), specs in TEMPLATES[position.kind].items()
        for spec in specs
    ]
    for order, row in enumerate(rows):
        row.order = order
    IndicatorTemplate.objects.bulk_create(rows)
    return len(rows)


def _template(position, section, result, aspect, text, target, unit, direction, weight) -> IndicatorTemplate:
    low, high, value = (*target, None) if isinstance(target, tuple) else (None, None, target)
    return IndicatorTemplate(
        position=position, section=section, work_result=result, aspect=aspect, description=text,
        target_value=value, target_low=low, target_high=high, unit=unit, direction=direction, weight=weight,
    )  # fmt: skip


# One plan in this many is still a draft and the next one submitted: enough to show every step of the
# workflow, few enough that the demo's computed period scores nearly everyone (an unapproved plan has none).
PLAN_CYCLE = 15


def _states(employees: list[Employee], *, returned_exists: bool) -> list[str]:
    """Mostly approved, as in November of a real year; every 15th draft, the next submitted, one returned.

    People with a demo login always get an approved plan, so each demo role has progress to show, and
    one of their reports (without a login) has submitted a plan, so each demo supervisor has one to decide.
    """
    S = Plan.Status
    states = [
        S.APPROVED if e.user_id else _cycle(i, has_assessor=bool(e.supervisor_id)) for i, e in enumerate(employees)
    ]
    awaiting = {}
    for i, e in enumerate(employees):
        if e.supervisor_id and e.supervisor.user_id and not e.user_id:
            awaiting.setdefault(e.supervisor_id, i)
    for i in awaiting.values():
        states[i] = S.SUBMITTED
    candidates = [i for i, e in enumerate(employees) if e.supervisor_id and not e.user_id and states[i] == S.APPROVED]
    if candidates and not returned_exists:
        states[candidates[min(3, len(candidates) - 1)]] = S.RETURNED
    return states


def _cycle(index: int, *, has_assessor: bool) -> str:
    state = {1: Plan.Status.DRAFT, 2: Plan.Status.SUBMITTED}.get(index % PLAN_CYCLE, Plan.Status.APPROVED)
    return Plan.Status.APPROVED if state == Plan.Status.SUBMITTED and not has_assessor else state


def _plans(period: AppraisalPeriod, employees: list[Employee]) -> list[Plan]:
    returned = Plan.objects.filter(period=period, status=Plan.Status.RETURNED).exists()
    now = timezone.now()
    plans = [
        Plan(
            period=period,
            employee=e,
            position=e.position,
            unit=e.unit,
            assessor=e.supervisor,
            assessor_superior=e.assessor_superior,
            snapshot=plan_snapshot(e),
            status=state,
            approved_at=now if state == Plan.Status.APPROVED else None,
        )  # fmt: skip
        for e, state in zip(employees, _states(employees, returned_exists=returned), strict=True)
    ]
    Plan.objects.bulk_create(plans)
    PlanLog.objects.bulk_create(log for plan in plans for log in _logs(plan))
    return plans


def _logs(plan: Plan) -> list[PlanLog]:
    S, A = Plan.Status, PlanLog.Action
    owner = plan.employee.user
    assessor = plan.assessor.user if plan.assessor else None
    steps = [(A.CREATE, "", S.DRAFT, owner, "")]
    if plan.status != S.DRAFT:
        steps.append((A.SUBMIT, S.DRAFT, S.SUBMITTED, owner, ""))
    if plan.status == S.APPROVED:
        steps.append((A.APPROVE, S.SUBMITTED, S.APPROVED, assessor, ""))
    if plan.status == S.RETURNED:
        steps.append(
            (A.RETURN, S.SUBMITTED, S.RETURNED, assessor, "Target kuantitas terlalu rendah, mohon disesuaikan.")
        )
    return [PlanLog(plan=plan, action=a, from_status=f, to_status=t, actor=u, reason=r) for a, f, t, u, r in steps]


def _content(period: AppraisalPeriod, plans: list[Plan], *, current: int) -> None:
    """Work results and indicators from the templates, cascaded to the assessor's first RHK."""
    by_position: dict[int, list[IndicatorTemplate]] = {}
    for template in IndicatorTemplate.objects.filter(position__in={p.position_id for p in plans}).order_by(
        "order", "pk"
    ):
        by_position.setdefault(template.position_id, []).append(template)
    results, indicators = [], []
    for plan in plans:
        plan_results: dict[str, WorkResult] = {}
        for order, template in enumerate(by_position.get(plan.position_id, [])):
            result = plan_results.setdefault(
                template.work_result,
                WorkResult(plan=plan, section=template.section, text=template.work_result, order=len(plan_results)),
            )
            indicators.append(_indicator(template, result, order))
        results.extend(plan_results.values())
    WorkResult.objects.bulk_create(results)
    Indicator.objects.bulk_create(indicators)
    _cascade(period, results)
    _progress(period, indicators, current=current)


def _indicator(template: IndicatorTemplate, result: WorkResult, order: int) -> Indicator:
    names = [
        "aspect",
        "description",
        "unit",
        "direction",
        "weight",
        "source",
        "target_value",
        "target_low",
        "target_high",
    ]
    return Indicator(work_result=result, order=order, **{name: getattr(template, name) for name in names})


def _cascade(period: AppraisalPeriod, results: list[WorkResult]) -> None:
    """Point each new main RHK at the first main RHK of the assessor's plan (intervensi)."""
    first_main: dict[int, int] = {}
    for employee_id, pk in (
        WorkResult.objects.filter(plan__period=period, section=Section.UTAMA)
        .order_by("plan__employee_id", "order", "pk")
        .values_list("plan__employee_id", "pk")
    ):
        first_main.setdefault(employee_id, pk)
    linked = [r for r in results if r.section == Section.UTAMA and r.plan.assessor_id in first_main]
    for result in linked:
        result.parent_id = first_main[result.plan.assessor_id]
    WorkResult.objects.bulk_update(linked, ["parent"])


def _progress(period: AppraisalPeriod, indicators: list[Indicator], *, current: int) -> None:
    """Checkpoint targets for counted outputs; realisations for approved plans, in three moods."""
    count = len(period.checkpoints())
    targets, realisations = [], []
    for indicator in indicators:
        plan = indicator.work_result.plan
        staged = indicator.aspect == "KUANTITAS" and indicator.target_value is not None
        if staged:
            targets += [_staged_target(indicator, k, count) for k in range(1, count + 1)]
        if plan.status != Plan.Status.APPROVED:
            continue
        mood = ON_TRACK if plan.employee.user_id else [ON_TRACK, ON_TRACK, BEHIND, SILENT][plan.employee_id % 4]
        last = current - 1 if mood is SILENT else current
        realisations += [_realisation(indicator, k, count, mood or ON_TRACK) for k in range(1, last + 1)]
    CheckpointTarget.objects.bulk_create(targets)
    Realisation.objects.bulk_create(realisations)


def _staged_target(indicator: Indicator, k: int, count: int) -> CheckpointTarget:
    value = (indicator.target_value * k / count).quantize(D(1)) or D(1)
    return CheckpointTarget(indicator=indicator, checkpoint=k, target_value=value)


def _realisation(indicator: Indicator, k: int, count: int, mood: Decimal) -> Realisation:
    if indicator.target_low is not None:
        value = (indicator.target_low + indicator.target_high) / 2 if mood >= 1 else indicator.target_low * mood
    elif indicator.direction == Direction.LOWER:
        value = indicator.target_value / mood
    else:
        value = indicator.target_value * k / count * mood
    owner = indicator.work_result.plan.employee.user
    return Realisation(indicator=indicator, checkpoint=k, value=value.quantize(D("0.01")), updated_by=owner)
