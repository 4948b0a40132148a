"""Demo standards, competency profiles and development records, so a new user sees real gaps and JP.

The demo ``pegawai`` (an Operator Layanan KTP-el) is Sari of the worked example in domain.md §7.3:
the same standard, the same levels and 6 JP so far this year. Everyone else gets levels drawn around
their standard with a fixed seed (some above, some one or two below), records across last year and
this one, and one activity that crosses the new year (it counts for this year only).

Idempotent: positions with standards of their own, employees with any assessment and employees with
any record are left as they are.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from org.models import Employee, Position, User

from ..models import (
    Competency,
    CompetencyAssessment,
    DevelopmentRecord,
    DevelopmentRecordCompetency,
    PositionStandard,
    Programme,
)
from ..selectors import standards_for_positions

DEMO_SEED = 2026
DEMO_EMPLOYEE = "pegawai"
HR_LOGIN = "bkpsdm"
SERVICE_DESK = {"M.01": (3, 1), "M.02": (2, 1), "M.03": (3, 1), "M.05": (3, 1), "T.ADM.01": (3, 2)}
# Position name -> {competency: (required level, criticality)}; other positions take their level's defaults.
STANDARDS = {
    **dict.fromkeys(
        [
            "Operator Layanan KTP-el",
            "Operator Layanan Kartu Keluarga",
            "Operator Layanan Akta",
            "Verifikator Berkas Kependudukan",
            "Penata Layanan Operasional",
        ],
        SERVICE_DESK,
    ),
    "Pengadministrasi Perkantoran": {
        "M.01": (2, 1),
        "M.02": (2, 1),
        "M.03": (2, 1),
        "M.05": (2, 1),
        "T.ADM.02": (2, 2),
    },
    **dict.fromkeys(
        [
            "Pranata Komputer Ahli Pertama",
            "Pranata Komputer Terampil",
            "Pengolah Data dan Informasi",
            "Administrator Database Kependudukan Ahli Pertama",
        ],
        {"M.01": (2, 1), "M.03": (2, 1), "M.04": (2, 1), "T.TIK.01": (3, 2)},
    ),
    "Analis Keuangan Pusat dan Daerah Ahli Pertama": {"M.01": (2, 1), "M.04": (2, 1), "T.KEU.01": (3, 2)},
    "Analis Hukum Ahli Pertama": {"M.01": (2, 1), "M.03": (2, 1), "T.HUK.01": (3, 2)},
}
# Sari's levels (domain.md §7.3): JPM 64.29 against SERVICE_DESK.
SARI = {"M.01": 3, "M.02": 2, "M.03": 1, "M.05": 2, "T.ADM.01": 1}
LEVEL_SHIFTS = (-2, -1, -1, 0, 0, 0, 1)
SOURCES = (CompetencyAssessment.Source.ASSESSMENT_CENTRE, CompetencyAssessment.Source.COMPETENCY_TEST)
# Programmes people attended, and the JP of a few activities outside the catalogue.
PAST_PROGRAMMES = ("P07", "P10", "P11", "P20", "P21", "P26", "P13", "P22")


@transaction.atomic
def seed_profiles(*, stdout=None) -> str:
    """Create (once) the demo standards, the assessments of every active employee and their records."""
    rng = random.Random(DEMO_SEED)
    competencies = {c.code: c for c in Competency.objects.all()}
    standards = _standards(competencies)
    employees = list(Employee.objects.active().select_related("user").order_by("pk"))
    assessments = _assessments(employees, competencies, rng)
    records = _records(employees, rng)
    message = (
        f"Pengembangan kompetensi: {standards} baris standar jabatan, {assessments} hasil penilaian "
        f"kompetensi dan {records} catatan pengembangan dibuat."
    )
    if stdout is not None:
        stdout.write(message + "\n")
    return message


def _standards(competencies: dict[str, Competency]) -> int:
    positions = Position.objects.filter(name__in=STANDARDS, competency_standards__isnull=True)
    rows = [
        PositionStandard(position=position, competency=competencies[code], required_level=level, criticality=crit)
        for position in positions
        for code, (level, crit) in STANDARDS[position.name].items()
    ]
    PositionStandard.objects.bulk_create(rows)
    return len(rows)


def _assessments(employees: list[Employee], competencies: dict[str, Competency], rng: random.Random) -> int:
    """Levels around each standard, assessed last year; a quarter also has a newer one from this year."""
    assessed = set(CompetencyAssessment.objects.values_list("employee_id", flat=True).distinct())
    employees = [employee for employee in employees if employee.pk not in assessed]
    standards = standards_for_positions({employee.position_id for employee in employees})
    by_pk = {c.pk: c for c in competencies.values()}
    year = timezone.localdate().year
    rows = []
    for employee in employees:
        if _is_demo_employee(employee):
            levels = {competencies[code].pk: level for code, level in SARI.items()}
        else:
            levels = {
                pk: min(5, max(1, standard.required_level + rng.choice(LEVEL_SHIFTS)))
                for pk, standard in standards.get(employee.position_id, {}).items()
            }
        assessed_on = date(year - 1, rng.randint(2, 11), rng.randint(1, 28))
        source = rng.choice(SOURCES)
        rows += [_assessment(employee, pk, level, source, assessed_on) for pk, level in levels.items()]
        if levels and not _is_demo_employee(employee) and rng.random() < 0.25:
            pk = rng.choice(sorted(levels))
            newer = _assessment(
                employee, pk, min(5, levels[pk] + 1), CompetencyAssessment.Source.SUPERVISOR, date(year, 2, 15)
            )
            newer.note = f"Evaluasi pasca-coaching {by_pk[pk].name}."
            rows.append(newer)
    _invalidate_one(rows)
    CompetencyAssessment.objects.bulk_create(rows)
    return len(rows)


def _assessment(employee: Employee, competency_id: int, level: int, source: str, on: date) -> CompetencyAssessment:
    return CompetencyAssessment(
        employee=employee, competency_id=competency_id, level=level, source=source, assessed_on=on
    )


def _invalidate_one(rows: list[CompetencyAssessment]) -> None:
    """A mistyped result kept for the record: the history shows it, the current level ignores it."""
    if rows:
        wrong = rows[-1]
        rows.append(
            CompetencyAssessment(
                employee=wrong.employee,
                competency_id=wrong.competency_id,
                level=5,
                source=wrong.source,
                assessed_on=wrong.assessed_on,
                is_valid=False,
                note="Salah ketik saat entri; dibatalkan.",
            )
        )


def _records(employees: list[Employee], rng: random.Random) -> int:
    """Verified activities last year, a mix of states this year, and one course across the new year."""
    recorded = set(DevelopmentRecord.objects.values_list("employee_id", flat=True).distinct())
    employees = [employee for employee in employees if employee.pk not in recorded]
    programmes = {p.code: p for p in Programme.objects.select_related("form").prefetch_related("targets")}
    if not all(code in programmes for code in PAST_PROGRAMMES):
        return 0
    verifier = User.objects.filter(username=HR_LOGIN).first()
    year = timezone.localdate().year
    records = []
    for index, employee in enumerate(employees):
        if _is_demo_employee(employee):
            plan = [("P26", year - 1, 5), ("P10", year - 1, 9), ("P11", year, 3)]
        else:
            plan = [(rng.choice(PAST_PROGRAMMES), year - 1, rng.randint(2, 11)) for _ in range(rng.randint(1, 3))]
            plan += [(rng.choice(PAST_PROGRAMMES), year, rng.randint(1, 6)) for _ in range(rng.randint(0, 2))]
        for code, record_year, month in plan:
            records.append(_record(employee, programmes[code], date(record_year, month, 10), verifier))
        if index % 7 == 3:
            records.append(_new_year_course(employee, programmes["P20"], year, verifier))
    _vary_states(records, year)
    DevelopmentRecord.objects.bulk_create(records)
    DevelopmentRecordCompetency.objects.bulk_create(
        DevelopmentRecordCompetency(record=record, competency_id=target.competency_id)
        for record in records
        for target in record.programme.targets.all()
    )
    return len(records)


def _record(employee: Employee, programme: Programme, starts_on: date, verifier: User | None) -> DevelopmentRecord:
    ends_on = starts_on + timedelta(days=max(0, -(-programme.jp // 8) - 1))
    return DevelopmentRecord(
        employee=employee,
        programme=programme,
        form=programme.form,
        title=programme.title,
        organiser=programme.provider,
        starts_on=starts_on,
        ends_on=ends_on,
        jp=programme.jp,
        status=DevelopmentRecord.Status.VERIFIED,
        verified_by=verifier,
        verified_at=timezone.make_aware(datetime.combine(ends_on + timedelta(days=7), time(9))),
    )


def _new_year_course(employee: Employee, programme: Programme, year: int, verifier: User | None) -> DevelopmentRecord:
    """28 December to 3 January, 30 JP: counted in the year it ends (domain.md §7.3)."""
    record = _record(employee, programme, date(year - 1, 12, 28), verifier)
    record.ends_on, record.jp, record.title = date(year, 1, 3), 30, "Kursus Daring Literasi Data (akhir tahun)"
    record.verified_at = timezone.make_aware(datetime.combine(date(year, 1, 10), time(9)))
    return record


def _vary_states(records: list[DevelopmentRecord], year: int) -> None:
    """Some of this year's records still wait for verification and one was rejected, with its reason.

    The demo employee's records stay verified: her 6 JP this year are those of the worked example.
    """
    this_year = [
        record for record in records if record.starts_on.year == year and not _is_demo_employee(record.employee)
    ]
    for record in this_year[1::4]:
        record.status, record.verified_by, record.verified_at = DevelopmentRecord.Status.SUBMITTED, None, None
    if len(this_year) > 2:
        rejected = this_year[2]
        rejected.status = DevelopmentRecord.Status.REJECTED
        rejected.reason = "Sertifikat tidak terbaca; unggah ulang pindaian yang jelas."


def _is_demo_employee(employee: Employee) -> bool:
    return employee.user is not None and employee.user.username == DEMO_EMPLOYEE
