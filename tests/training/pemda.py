"""A small Pemda written for the training SQL tests: units with citizens' answers, employees with a
standard, levels, an evaluation, answers naming them and JP; a catalogue; one kind of input changed
between two runs; and the needs and proposals as stored."""

from __future__ import annotations

from datetime import UTC, date, datetime

from django.db.models import F
from django.utils import timezone

from appraisal.models import BehaviourRating, CoreValue, DevelopmentAction, Evaluation
from appraisal.predikat import Predikat, Rating
from org.models import Employee
from surveys.models import Response
from tests.appraisal.factories import PlanFactory
from tests.factories import EmployeeFactory, PositionFactory, UnitFactory
from tests.surveys.factories import ServiceFactory
from tests.training.factories import (
    AssessmentFactory,
    DevelopmentRecordFactory,
    PositionStandardFactory,
    ProgrammeCompetencyFactory,
    ProgrammeFactory,
    form,
)
from training import rules
from training.models import (
    Competency,
    CompetencyAssessment,
    DevelopmentRecord,
    Need,
    PositionStandard,
    Programme,
    Recommendation,
    RecommendationRun,
    ServiceCompetency,
    attach_needs,
)

TECHNICAL = ("T.SQL.01", "T.SQL.02")
CODES = ("M.01", "M.02", "M.03", "M.05", *TECHNICAL)
PROGRAMME_CODES = ("A1", "a2", "B3", "P10", "P9")  # byte order differs from a case-blind one
MOMENT = datetime(2026, 3, 2, 3, tzinfo=UTC)


def write_units(answers: list[list[list]]):
    parent = UnitFactory()
    units = [parent, UnitFactory(parent=parent)]
    for unit, rows in zip(units, answers, strict=True):
        for row in rows:
            Response.objects.create(unit=unit, submitted_at=MOMENT, **{f"u{i}": v for i, v in enumerate(row, 1)})
    return units


def write_employee(spec: dict, *, period, units: list) -> None:
    unit = units[spec["unit"]]
    position = PositionFactory(unit=unit, kind=spec["kind"])
    employee = EmployeeFactory(unit=unit, position=position)
    for code, required, criticality, level in spec["standard"]:
        competency = Competency.objects.get(code=code)
        PositionStandardFactory(
            position=position, competency=competency, required_level=required, criticality=criticality
        )
        if level is not None:
            AssessmentFactory(employee=employee, competency=competency, level=level)
    if spec["evaluation"]:
        write_evaluation(spec["evaluation"], employee=employee, period=period)
    service = ServiceFactory(unit=unit) if spec["service"] else None
    if service:
        ServiceCompetency.objects.create(service=service, competency=Competency.objects.get(code=spec["service"]))
    for u6, u7 in spec["named"]:
        answers = {f"u{i}": 4 for i in range(1, 10)} | {"u6": u6, "u7": u7}
        Response.objects.create(unit=unit, officer=employee, service=service, submitted_at=MOMENT, **answers)
    verified = {"status": DevelopmentRecord.Status.VERIFIED, "verified_at": timezone.now()}
    for jp in spec["jp"]:
        DevelopmentRecordFactory(
            employee=employee, starts_on=date(2026, 2, 2), ends_on=date(2026, 2, 3), jp=jp, **verified
        )


def write_evaluation(spec: dict, *, employee, period) -> None:
    plan = PlanFactory(employee=employee, period=period, status="APPROVED", approved_at=timezone.now())
    evaluation = Evaluation.objects.create(
        plan=plan,
        kind=spec["kind"],
        checkpoint=4 if spec["kind"] == Evaluation.Kind.ANNUAL else 2,
        status=spec["status"],
        work_rating="SESUAI_EKSPEKTASI",
        behaviour_rating="SESUAI_EKSPEKTASI",
        predikat=spec["predikat"],
        sent_at=timezone.now(),
    )
    for value, rating in zip(CoreValue.objects.order_by("order"), spec["ratings"], strict=False):
        BehaviourRating.objects.create(evaluation=evaluation, value=value, rating=rating)
    for text in spec["actions"]:
        DevelopmentAction.objects.create(evaluation=evaluation, kind="LAINNYA", description=text)


CHANGES = [
    *(None, "nothing", "standard", "forget", "master", "catalogue", "predikat", "ratings", "actions"),
    *("answers", "named", "officer", "services", "training", "leave"),
]


def change_inputs(change: str) -> None:
    """Between two runs, one kind of input changes (or none): the second run must see it, whichever
    employees it derives again (``models.InputDigest``)."""
    if change == "forget":  # every level forgotten: gaps grow, met ones become needs
        CompetencyAssessment.objects.update(is_valid=False)
    elif change == "master":  # every level mastered: gaps go
        for row in PositionStandard.objects.all():
            for employee in row.position.holders.all():
                AssessmentFactory(employee=employee, competency=row.competency, level=5, assessed_on=date(2026, 4, 1))
    elif change == "catalogue":
        Programme.objects.update(jp=F("jp") + 4)
        Programme.objects.filter(pk=Programme.objects.order_by("pk").values("pk")[:1]).update(is_active=False)
    elif change == "ratings":
        BehaviourRating.objects.update(rating=Rating.DI_BAWAH_EKSPEKTASI)
    elif change == "actions":
        for evaluation in Evaluation.objects.all():
            DevelopmentAction.objects.create(evaluation=evaluation, kind="LAINNYA", description="Coaching oleh atasan")
    elif change in ("answers", "named"):  # the units' own answers, or those naming an officer, excluded
        answers = Response.objects.filter(officer__isnull=change == "answers")
        answers.update(excluded_at=timezone.now(), exclusion_reason="Uji")
    elif change == "officer":  # one more answer naming each officer, in a unit of its own
        unit = UnitFactory()
        for officer in Employee.objects.filter(pk__in=Response.objects.values("officer")):
            answers = {f"u{i}": 4 for i in range(1, 10)}
            Response.objects.create(unit=unit, officer=officer, submitted_at=MOMENT, **answers)
    elif change == "standard":
        PositionStandard.objects.update(required_level=5)
    elif change == "predikat":
        Evaluation.objects.update(predikat=Predikat.SANGAT_KURANG)
    elif change == "services":  # each service's technical competency swapped for the other
        for link in ServiceCompetency.objects.select_related("competency"):
            other = next(code for code in TECHNICAL if code != link.competency.code)
            link.competency = Competency.objects.get(code=other)
            link.save()
    elif change == "training":
        for employee in Employee.objects.all():
            DevelopmentRecordFactory(
                employee=employee,
                starts_on=date(2026, 5, 4),
                ends_on=date(2026, 5, 6),
                jp=20,
                status=DevelopmentRecord.Status.VERIFIED,
                verified_at=timezone.now(),
            )
    elif change == "leave":
        Employee.objects.filter(pk=Employee.objects.order_by("pk").values("pk")[:1]).update(
            status=Employee.Status.PENSIUN
        )


def write_catalogue(drawn: list[dict]) -> None:
    for code, spec in zip(PROGRAMME_CODES, drawn, strict=False):
        shape = form("coaching" if spec["coaching"] else "pelatihan-klasikal")
        programme = ProgrammeFactory(code=code, jp=spec["jp"], form=shape, is_active=spec["active"])
        for competency in spec["codes"]:
            ProgrammeCompetencyFactory(programme=programme, competency=Competency.objects.get(code=competency))


def stored(period) -> tuple[list, list]:
    """The rows as stored; a proposal's needs as the pages read them (reasons from the need rows)."""
    needs = list(Need.objects.filter(period=period).order_by("employee_id", "rule", "target", "action", "pk"))
    proposals = list(
        Recommendation.objects.filter(period=period, status=Recommendation.Status.PROPOSED).order_by(
            "employee_id", "rank"
        )
    )
    runs = {run.computed_at: run for run in RecommendationRun.objects.filter(period=period)}
    policy = (rules.RULE_VERSION, rules.Policy.from_settings().as_data())
    for row in [*needs, *proposals]:  # the run that last changed a row may be an earlier one
        assert (row.rule_version, runs[row.computed_at].rule_version, runs[row.computed_at].policy) == (
            rules.RULE_VERSION,
            *policy,
        )
    for row in proposals:
        assert all(set(need) == {"rule", "target", "priority"} for need in row.needs)
    attach_needs(proposals)
    return (
        [(n.employee_id, n.rule, n.competency_id, n.target, n.action, n.priority, n.reasons, n.inputs) for n in needs],
        [
            (r.employee_id, r.programme_id, r.action, r.rank, r.priority, r.reaches_minimum, covered, r.inputs)
            for r, covered in zip(proposals, [r.covered_needs() for r in proposals], strict=True)
        ],
    )
