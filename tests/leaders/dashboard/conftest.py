"""A hand-made Pemda for the dashboard: each card's items sit just inside or just outside its deadline.

At the suite's clock (15 May 2026, 10:00 Asia/Jakarta). Dinas Kesehatan (``unit``, the personas' unit,
headed by ``head``) has a sub-unit *Bidang P2P*; a second OPD has one person. Who is what:

| person | unit | plan | checkpoint I | JP 2026 (verified) | need |
|---|---|---|---|---|---|
| employee (PELAKSANA) | Dinkes | none | – | 0 (24 only submitted) | M.03 |
| head (STRUKTURAL) | Dinkes | approved | sent | 20 | – |
| supervisor (STRUKTURAL) | Dinkes | approved | sent | 19 | M.01 |
| draft | Bidang | draft | – | 0 (20 in 2025) | M.03 |
| waiting | Bidang | submitted | – | 20 | – |
| revised | Dinkes | in revision (approved before) | rating | 25 | – |
| objector | Dinkes | approved | sent; annual objected (Baik) | 20 | – |
| on_leave | Dinkes, on leave | none | – | 0 | – |
| elsewhere | other OPD | none | – | 0 | M.03 |

The supervisor's annual result is decided (Sangat Baik; objection rejected). Complaints: Dinkes one
just past the 3-day target, one just within it, one answered late, one past it from 2025; Bidang one
past it; the other OPD one past it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from appraisal.models import AppraisalPeriod, Evaluation, Objection, OrganisationResult, Plan
from org.models import Employee, Unit
from scoring.models import EmployeeScore, UnitScore
from tests.appraisal.factories import PeriodFactory, PlanFactory
from tests.factories import EmployeeFactory, PositionFactory, UnitFactory
from tests.surveys.factories import ComplaintFactory
from tests.training.factories import CompetencyFactory, DevelopmentRecordFactory, count_needs
from training.models import DevelopmentForm, DevelopmentRecord, Need

TARGET = timedelta(days=3)  # SKM_COMPLAINT_RESPONSE_DAYS in the settings


@dataclass
class World:
    period: AppraisalPeriod
    bidang: Unit
    other_opd: Unit
    people: dict[str, Employee]
    complaints: dict[str, object]

    def __getitem__(self, name: str) -> Employee:
        return self.people[name]


def _plan(employee: Employee, period: AppraisalPeriod, status: str, *, approved: bool = False) -> Plan:
    return PlanFactory(
        employee=employee, period=period, status=status, approved_at=timezone.now() if approved else None
    )


def _evaluation(plan: Plan, *, kind: str, checkpoint: int, status: str, predikat: str = "") -> Evaluation:
    rating = "SESUAI_EKSPEKTASI" if predikat else ""
    return Evaluation.objects.create(
        plan=plan, kind=kind, checkpoint=checkpoint, status=status, predikat=predikat,
        work_rating=rating, behaviour_rating=rating,
        sent_at=timezone.now() if status in Evaluation.RELEASED_STATUSES else None,
    )  # fmt: skip


def _objection(evaluation: Evaluation, status: str) -> Objection:
    return Objection.objects.create(
        evaluation=evaluation, reason="Keberatan", status=status, old_work_rating="SESUAI_EKSPEKTASI",
        old_behaviour_rating="SESUAI_EKSPEKTASI", old_predikat=evaluation.predikat,
    )  # fmt: skip


def _jp(employee: Employee, jp: int, *, ends_on: date = date(2026, 5, 8), verified: bool = True) -> None:
    # The migration's forms are gone once an earlier browser test has flushed the database.
    DevelopmentForm.objects.get_or_create(code="pelatihan-klasikal", defaults={"name": "Pelatihan klasikal"})
    status = DevelopmentRecord.Status.VERIFIED if verified else DevelopmentRecord.Status.SUBMITTED
    DevelopmentRecordFactory(
        employee=employee, jp=jp, starts_on=ends_on - timedelta(days=2), ends_on=ends_on, status=status,
        verified_at=timezone.now() if verified else None,
    )  # fmt: skip


def _need(employee: Employee, period: AppraisalPeriod, code: str) -> Need:
    competency = CompetencyFactory(code=code, name={"M.01": "Integritas", "M.03": "Komunikasi"}[code])
    return Need.objects.create(
        period=period, employee=employee, rule=1, competency=competency, target=code, priority=5,
        rule_version="uji", computed_at=timezone.now(),
    )  # fmt: skip


def _complaint(unit: Unit, submitted, *, answered=None) -> object:
    return ComplaintFactory(unit=unit, submitted_at=submitted, first_response_at=answered)


@pytest.fixture
def world(unit, head, supervisor, employee) -> World:
    period = PeriodFactory(year=2026, plan_deadline=date(2026, 5, 14))
    head.position.is_unit_head = True
    head.position.save(update_fields=["is_unit_head"])
    bidang = UnitFactory(code="DINKES-P2P", name="Bidang P2P", parent=unit)
    other_opd = UnitFactory(code="DISDIK", name="Dinas Pendidikan")
    people = {"employee": employee, "head": head, "supervisor": supervisor}
    for name, where in [("draft", bidang), ("waiting", bidang), ("revised", unit), ("objector", unit)]:
        people[name] = EmployeeFactory(name=name.title(), position=PositionFactory(unit=where), supervisor=supervisor)
    people["on_leave"] = EmployeeFactory(name="Cuti", position__unit=unit, status=Employee.Status.CUTI)
    people["elsewhere"] = EmployeeFactory(name="Elsewhere", position__unit=other_opd)

    for name in ("head", "supervisor", "objector"):
        plan = _plan(people[name], period, "APPROVED", approved=True)
        _evaluation(plan, kind="PERIODIC", checkpoint=1, status="SENT")
        people[name].plan = plan
    _plan(people["draft"], period, "DRAFT")
    _plan(people["waiting"], period, "SUBMITTED")
    revised = _plan(people["revised"], period, "REVISION", approved=True)
    _evaluation(revised, kind="PERIODIC", checkpoint=1, status="RATING")
    people["revised"].plan = revised
    objected = _evaluation(people["objector"].plan, kind="ANNUAL", checkpoint=4, status="OBJECTED", predikat="BAIK")
    _objection(objected, Objection.Status.PENDING)
    people["objector"].evaluation = objected
    decided = _evaluation(
        people["supervisor"].plan, kind="ANNUAL", checkpoint=4, status="DECIDED", predikat="SANGAT_BAIK"
    )
    _objection(decided, Objection.Status.REJECTED)
    _evaluation(people["head"].plan, kind="ANNUAL", checkpoint=4, status="SELF_ASSESSMENT")
    OrganisationResult.objects.create(unit=unit, period=period, result="BAIK")

    _jp(people["employee"], 24, verified=False)
    _jp(people["head"], 20)
    _jp(people["supervisor"], 19)
    _jp(people["draft"], 20, ends_on=date(2025, 12, 31))
    _jp(people["waiting"], 20)
    _jp(people["revised"], 25)
    _jp(people["objector"], 20)

    for name, code in [("employee", "M.03"), ("draft", "M.03"), ("supervisor", "M.01"), ("elsewhere", "M.03")]:
        _need(people[name], period, code)
    count_needs(period)

    now = timezone.now()
    complaints = {
        "late": _complaint(unit, now - TARGET - timedelta(minutes=1)),
        "in_time": _complaint(unit, now - TARGET + timedelta(minutes=1)),
        "answered": _complaint(unit, now - timedelta(days=9), answered=now - timedelta(days=2)),
        "last_year": _complaint(unit, now.replace(year=2025)),
        "bidang": _complaint(bidang, now - timedelta(days=10)),
        "elsewhere": _complaint(other_opd, now - timedelta(days=5)),
    }
    return World(period, bidang, other_opd, people, complaints)


@pytest.fixture
def scores(world, unit) -> World:
    """Stored scores of 2025 (checkpoint 4) and 2026 (checkpoint 1, the latest computed): Dinkes's mean
    goes from 60 to 80 ((80 + 70 + 90) / 3, Bidang's 90 included), its IKM from 80.00 to 83.33. The unit
    rows are what ``scoring`` stores for these employee rows (``test_score_means.py`` holds the two)."""
    before = PeriodFactory(year=2025)
    rows = [
        (before, 4, world["head"], unit, "60.00", "BAIK"),
        (world.period, 1, world["head"], unit, "80.00", ""),
        (world.period, 1, world["supervisor"], unit, "70.00", ""),
        (world.period, 1, world["draft"], world.bidang, "90.00", ""),
        (world.period, 1, world["elsewhere"], world.other_opd, None, ""),
    ]
    for period, checkpoint, employee, where, score, predikat in rows:
        EmployeeScore.objects.create(
            period=period, checkpoint=checkpoint, employee=employee, unit=where, score=score, predikat=predikat
        )
    # What ``scoring`` stores for these rows: each unit's subtree mean, and its IKM.
    for where, period, checkpoint, scored, mean, ikm in [
        (unit, before, 4, 1, "60.00", "80.00"),
        (unit, world.period, 1, 3, "80.00", "83.33"),
        (world.bidang, world.period, 1, 1, "90.00", None),
    ]:
        UnitScore.objects.create(
            unit=where, period=period, checkpoint=checkpoint, employees=scored, scored=scored, mean_score=mean, ikm=ikm
        )
    return world
