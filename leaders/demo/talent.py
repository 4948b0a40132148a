"""Demo talent map: last year's annual results, two penalties, both years' maps and one calibration.

The appraisal demo holds only this year, whose annual results are mostly not in yet; a talent map
reads the annual predikat of this year and the one before (domain.md §7.5). So last year gets a closed
period with an annual result sent to every active employee, drawn with a fixed seed (a few have none:
they show in the "not placed" list). Competency levels are read as they stood at each year's end, and
a quarter of the staff were reassessed higher this February (``training.demo.profiles``), so the
movement table between the two years is not a diagonal. One employee is under a moderate penalty
(left out) and one under a light one (placed); HR (``bkpsdm``) has calibrated one person this year.

Idempotent: last year's period, results and penalties are made once; both maps are recomputed, which
keeps the calibration.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from appraisal.models import AppraisalPeriod, Evaluation, PeriodLog, Plan
from appraisal.predikat import Rating, predikat_for
from org.models import DisciplinaryPenalty, Employee, User

from ..models import TalentPlacement
from ..talent.services import placement_calibrate, talent_map_compute

DEMO_SEED = 2025
HR_LOGIN = "bkpsdm"
ATAS, SESUAI, BAWAH = Rating.DI_ATAS_EKSPEKTASI, Rating.SESUAI_EKSPEKTASI, Rating.DI_BAWAH_EKSPEKTASI
# (Hasil Kerja, Perilaku Kerja) drawn with these weights: SB 20%, B 60%, BP 10%, K/M 5%, SK 5%.
RATINGS = [((ATAS, ATAS), 20), ((SESUAI, SESUAI), 45), ((ATAS, SESUAI), 15), ((BAWAH, SESUAI), 10)]
RATINGS += [((SESUAI, BAWAH), 5), ((BAWAH, BAWAH), 5)]
NO_RESULT_EVERY = 15  # one in fifteen joined this year or had no annual result last year
PENALTIES = [
    ("800/012/BKPSDM/2026", DisciplinaryPenalty.Level.SEDANG, 7),
    ("800/019/BKPSDM/2026", DisciplinaryPenalty.Level.RINGAN, 11),
]
CALIBRATION_REASON = (
    "Rapat kalibrasi BKPSDM 10 November: memimpin integrasi layanan KTP-el dengan Mal Pelayanan Publik; "
    "penilaian potensi dari assessment center segera menyusul."
)


@transaction.atomic
def seed_talent(*, stdout=None) -> str:
    """Last year's results (once), the penalties (once), then both years' maps and a calibration."""
    year = timezone.localdate().year
    current = AppraisalPeriod.objects.filter(year=year).first()
    if current is None:
        return _say(stdout, gettext("Peta talenta: belum ada periode penilaian tahun ini; dilewati."))
    staff = list(Employee.objects.active().select_related("supervisor").order_by("nip"))
    previous = _previous_period(year - 1)
    results = _annual_results(previous, staff)
    _penalties(staff, year)
    for period in (previous, current):
        talent_map_compute(period=period)
    _calibrate(current)
    placed = TalentPlacement.objects.filter(period=current, box__isnull=False).count()
    return _say(
        stdout,
        gettext(
            "Peta talenta: %(results)s hasil tahunan %(before)s dibuat; peta %(year)s memetakan %(placed)s pegawai."
        )
        % {"results": results, "before": previous.year, "year": year, "placed": placed},
    )


def _previous_period(year: int) -> AppraisalPeriod:
    period, created = AppraisalPeriod.objects.get_or_create(
        year=year,
        defaults={
            "checkpoint_type": AppraisalPeriod.CheckpointType.TRIWULANAN,
            "plan_deadline": date(year, 1, 31),
            "status": AppraisalPeriod.Status.CLOSED,
        },
    )
    if created:
        PeriodLog.objects.bulk_create(
            [
                PeriodLog(period=period, action=PeriodLog.Action.CREATE),
                PeriodLog(period=period, action=PeriodLog.Action.CLOSE),
            ]
        )
    return period


def _annual_results(period: AppraisalPeriod, staff: list[Employee]) -> int:
    """An approved plan and an annual result sent in January for every active employee without a plan."""
    rng = random.Random(DEMO_SEED)
    pairs, weights = zip(*RATINGS, strict=True)
    drawn = {employee.pk: rng.choices(pairs, weights)[0] for employee in staff}
    has_plan = set(Plan.objects.filter(period=period).values_list("employee_id", flat=True))
    chosen = [e for index, e in enumerate(staff) if e.pk not in has_plan and index % NO_RESULT_EVERY != 1]
    sent = timezone.make_aware(datetime.combine(date(period.year + 1, 1, 20), time(10)))
    plans = Plan.objects.bulk_create([_plan(period, employee, sent) for employee in chosen])
    checkpoint = len(period.checkpoints())
    Evaluation.objects.bulk_create([_result(plan, checkpoint, *drawn[plan.employee_id], sent) for plan in plans])
    return len(plans)


def _plan(period: AppraisalPeriod, employee: Employee, approved_at: datetime) -> Plan:
    assessor = employee.supervisor
    return Plan(
        period=period,
        employee=employee,
        position_id=employee.position_id,
        unit_id=employee.unit_id,
        assessor=assessor,
        assessor_superior_id=assessor.supervisor_id if assessor else None,
        snapshot={"employee": {"name": employee.full_name}},
        status=Plan.Status.APPROVED,
        approved_at=approved_at.replace(year=period.year, month=1, day=25),
    )


def _result(plan: Plan, checkpoint: int, work: str, behaviour: str, sent: datetime) -> Evaluation:
    return Evaluation(
        plan=plan,
        kind=Evaluation.Kind.ANNUAL,
        checkpoint=checkpoint,
        status=Evaluation.Status.SENT,
        work_rating=work,
        behaviour_rating=behaviour,
        predikat=predikat_for(work=work, behaviour=behaviour),
        sent_at=sent,
    )


def _penalties(staff: list[Employee], year: int) -> None:
    """A moderate penalty (left out of the map) and a light one (still placed), made once."""
    known = set(DisciplinaryPenalty.objects.values_list("decree_number", flat=True))
    eligible = [employee for employee in staff if employee.user_id is None]
    DisciplinaryPenalty.objects.bulk_create(
        [
            DisciplinaryPenalty(
                employee=eligible[index],
                level=level,
                decree_number=number,
                starts_on=date(year, 3, 1),
                ends_on=date(year + 1, 2, 28),
            )  # fmt: skip
            for number, level, index in PENALTIES
            if number not in known and index < len(eligible)
        ]
    )


def _calibrate(period: AppraisalPeriod) -> None:
    """HR moves the first person of box 5 up to box 8, once, with the meeting's reason."""
    hr = User.objects.filter(username=HR_LOGIN).first()
    rows = TalentPlacement.objects.filter(period=period)
    if hr is None or rows.filter(calibrations__isnull=False).exists():
        return
    placement = rows.filter(final_box=5).order_by("employee__nip").first()
    if placement is not None:
        placement_calibrate(placement=placement, to_box=8, reason=CALIBRATION_REASON, acting_user=hr)


def _say(stdout, message: str) -> str:
    if stdout is not None:
        stdout.write(message + "\n")
    return message
