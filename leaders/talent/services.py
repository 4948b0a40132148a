"""Talent map workflows: computing a period's placements for the whole Pemda, queueing that for HR,
and HR's calibration of one person (domain.md §7.5, docs/leaders.md "Talent map")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from appraisal.models import AppraisalPeriod, Evaluation
from core.outbox import enqueue_on_commit
from core.retry import TRANSIENT_ERRORS
from org.access import is_hr
from org.models import DisciplinaryPenalty, Employee, User
from training import rules as training_rules
from training.selectors import current_levels, standards_for_positions

from ..models import TalentCalibration, TalentPlacement, TalentRun
from . import rules

WRITE_BATCH = 5000
# What a recompute rewrites; the calibration (``calibrated_box``) is HR's and stays.
COMPUTED_FIELDS = [
    "unit",
    "position",
    "kinerja",
    "potensi",
    "box",
    "predikat",
    "predikat_year",
    "jpm",
    "not_placed",
    "inputs",
    "rule_version",
    "computed_at",
]
REASON_REQUIRED = _("Alasan kalibrasi wajib diisi: tuliskan hasil rapat kalibrasi.")
BOX_INVALID = _("Pilih kotak 1 sampai 9.")
SAME_BOX = _("Pegawai ini sudah berada di kotak %(box)s.")
NOT_PLACED = _("Pegawai ini tidak dipetakan pada periode ini, jadi tidak dapat dikalibrasi.")


def reference_date(period: AppraisalPeriod) -> date:
    """The day a period's map is drawn on: the end of its year, or today while the year runs.

    Competency levels and penalties are read as they stood that day, so a past year's map does not
    change when a newer assessment or penalty is recorded."""
    return min(timezone.localdate(), date(period.year, 12, 31))


@dataclass(frozen=True)
class Staff:
    employee_id: int
    unit_id: int
    position_id: int


def map_inputs(period: AppraisalPeriod, *, as_of: date) -> list[tuple[Staff, rules.PersonInputs]]:
    """Every active employee with the inputs of §7.5, in a fixed number of queries (seven)."""
    staff = [Staff(*row) for row in Employee.objects.active().values_list("pk", "unit_id", "position_id")]
    ids = [person.employee_id for person in staff]
    predikats = _annual_predikats(period.year)
    penalties = _penalties(as_of)
    standards = standards_for_positions({person.position_id for person in staff})
    levels = current_levels(ids, as_of=as_of)
    return [
        (
            person,
            rules.PersonInputs(
                person.employee_id,
                predikats.get(person.employee_id, {}),
                _jpm(standards.get(person.position_id, {}), levels.get(person.employee_id, {})),
                frozenset(penalties.get(person.employee_id, ())),
            ),
        )
        for person in staff
    ]


def _annual_predikats(year: int) -> dict[int, dict[int, str]]:
    """{employee: {year: predikat}} from the annual results sent to the employee in the years counted.

    An objection's decision has already rewritten the evaluation's predikat; of two annual results in a
    year (two positions), the later one counts."""
    rows = (
        Evaluation.objects.filter(
            kind=Evaluation.Kind.ANNUAL,
            status__in=Evaluation.RELEASED_STATUSES,
            plan__period__year__gt=year - rules.YEARS_COUNTED,
            plan__period__year__lte=year,
            plan__employee__status=Employee.Status.AKTIF,
        )
        .exclude(predikat="")
        .order_by("pk")
        .values_list("plan__employee_id", "plan__period__year", "predikat")
    )
    found: dict[int, dict[int, str]] = {}
    for employee_id, counted_year, predikat in rows:
        found.setdefault(employee_id, {})[counted_year] = predikat
    return found


def _penalties(on: date) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    rows = DisciplinaryPenalty.objects.in_force(on=on).filter(employee__status=Employee.Status.AKTIF)
    for employee_id, level in rows.values_list("employee_id", "level"):
        found.setdefault(employee_id, set()).add(level)
    return found


def _jpm(standard: dict, levels: dict[int, int]) -> Decimal | None:
    """Training's JPM (§7.3) of one employee's standard; only the levels matter, not the names."""
    return training_rules.jpm(
        training_rules.StandardRow(training_rules.Competency(str(pk), ""), row.required_level, levels.get(pk))
        for pk, row in standard.items()
    )


def talent_map_compute(*, period: AppraisalPeriod, run: TalentRun | None = None) -> int:
    """Place every active employee in the period's map, set-based, keeping HR's calibrations.

    Inputs come in a fixed number of queries; the rules run in Python; the upsert is one statement
    per batch inside one transaction, serialised per period by a row lock. Called by the task for a
    queued ``run``, or directly (tests, the demo), which records a finished run of its own. Returns the
    number of people computed."""
    cutoffs, as_of, now = rules.Cutoffs.from_settings(), reference_date(period), timezone.now()
    rows = [
        _placement_row(period, person, inputs, rules.place(inputs, year=period.year, cutoffs=cutoffs), cutoffs, as_of)
        for person, inputs in map_inputs(period, as_of=as_of)
    ]
    for row in rows:
        row.computed_at = now
    with transaction.atomic():
        AppraisalPeriod.objects.select_for_update().filter(pk=period.pk).first()
        TalentPlacement.objects.bulk_create(
            rows,
            batch_size=WRITE_BATCH,
            update_conflicts=True,
            unique_fields=["period", "employee"],
            update_fields=COMPUTED_FIELDS,
        )
        finished = {"finished_at": now, "employees": len(rows)}
        if run is None:
            TalentRun.objects.create(period=period, **finished)
        else:
            TalentRun.objects.filter(pk=run.pk).update(**finished)
    # The map's counts join a whole period of placements to the employees; statistics taken before
    # this rewrite (autovacuum lags behind a bulk write) make the planner walk it row by row.
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {TalentPlacement._meta.db_table}")
    return len(rows)


def _placement_row(
    period: AppraisalPeriod,
    person: Staff,
    inputs: rules.PersonInputs,
    placed: rules.Placement,
    cutoffs: rules.Cutoffs,
    as_of: date,
) -> TalentPlacement:
    return TalentPlacement(
        period=period,
        employee_id=person.employee_id,
        unit_id=person.unit_id,
        position_id=person.position_id,
        kinerja=placed.kinerja,
        potensi=placed.potensi,
        box=placed.box,
        predikat=placed.predikat,
        predikat_year=placed.predikat_year,
        jpm=inputs.jpm,
        not_placed=[str(reason) for reason in placed.not_placed],
        inputs={
            "predikat": {
                str(year): inputs.predikats.get(year, "")
                for year in range(period.year, period.year - rules.YEARS_COUNTED, -1)
            },
            "jpm": None if inputs.jpm is None else str(inputs.jpm),
            "cutoffs": cutoffs.as_data(),
            "as_of": as_of.isoformat(),
            "penalties": sorted(inputs.penalties),
        },
        rule_version=rules.RULE_VERSION,
    )


def talent_run_execute(*, run_id: int, retry_transient: bool = False) -> int | None:
    """Compute a queued run, or leave it alone (``None``) if it is already finished or failed, so a
    second delivery of the task is harmless. A failure is stored on the run and re-raised; a transient
    one (``core.retry.TRANSIENT_ERRORS``) with ``retry_transient`` keeps the run pending for the task's
    retry instead, with the error noted. The placements are written in one transaction, so a failed
    attempt leaves the previous map whole."""
    run = TalentRun.objects.select_related("period").filter(pk=run_id, finished_at=None, failed_at=None).first()
    if run is None:
        return None
    try:
        return talent_map_compute(period=run.period, run=run)
    except Exception as exc:
        again = retry_transient and isinstance(exc, TRANSIENT_ERRORS)
        error = f"{type(exc).__name__}: {exc}"
        TalentRun.objects.filter(pk=run_id).update(failed_at=None if again else timezone.now(), error=error)
        raise


@transaction.atomic
def talent_map_request(*, period: AppraisalPeriod, acting_user: User) -> TalentRun:
    """Record HR's request and queue the computation once the caller's transaction commits."""
    from .tasks import talent_map_compute as task

    if not is_hr(acting_user):
        raise PermissionDenied
    run = TalentRun.objects.create(period=period, requested_by=acting_user)
    enqueue_on_commit(task, run.pk)
    return run


@transaction.atomic
def placement_calibrate(*, placement: TalentPlacement, to_box: int, reason: str, acting_user: User) -> TalentPlacement:
    """Move a person to another box after a calibration meeting; the move is kept with its reason.

    Only HR calibrates. The row is locked, so two calibrations in a row each record the box the other
    left. A recompute later keeps the calibrated box (it rewrites only the computed fields)."""
    if not is_hr(acting_user):
        raise PermissionDenied
    placement = TalentPlacement.objects.select_for_update().get(pk=placement.pk)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": REASON_REQUIRED})
    if to_box not in rules.ALL_BOXES:
        raise ValidationError({"to_box": BOX_INVALID})
    if placement.final_box is None:
        raise ValidationError(NOT_PLACED)
    if to_box == placement.final_box:
        raise ValidationError({"to_box": SAME_BOX % {"box": to_box}})
    log = TalentCalibration(placement=placement, from_box=placement.final_box, to_box=to_box, reason=reason)
    log.actor = acting_user
    log.full_clean()
    placement.calibrated_box = to_box
    placement.save(update_fields=["calibrated_box"])
    log.save()
    placement.refresh_from_db(fields=["final_box"])
    return placement
