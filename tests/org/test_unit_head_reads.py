"""A unit head reads the pages of every active person of their unit and its sub-units, and acts on none
of them without an official's role (org.access.can_view_employee; docs/security.md, "Who may read a person").

The tree: Dinkes (``unit``, headed by the Kepala Dinas) > Bidang P2P > Seksi Surveilans, where the person
works; their officials are the Kepala Seksi and the Kepala Bidang, so the Kepala Dinas, three levels up,
supervises nobody here. The head of Dinkes's other Bidang is outside the person's subtree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from appraisal.models import Evaluation, Evidence, FeedbackNote, Objection, Plan
from org.models import Employee, Unit
from tests.appraisal.factories import IndicatorFactory, PeriodFactory, PlanFactory, WorkResultFactory, open_evaluation
from tests.factories import EmployeeFactory, PositionFactory, UnitFactory, UserFactory
from tests.queries import counts_at_two_sizes
from tests.training.development_factories import PDF, RecommendationFactory, submitted_record
from training.models import DevelopmentRecord, Recommendation


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@dataclass
class Tree:
    seksi: Unit
    kadis: Employee
    kasi: Employee
    kabid: Employee
    other_kabid: Employee
    person: Employee
    plan: Plan
    evaluation: Evaluation
    evidence: Evidence
    record: DevelopmentRecord
    recommendation: Recommendation


def _official(unit: Unit, name: str, username: str, supervisor: Employee | None = None) -> Employee:
    position = PositionFactory(unit=unit, name=name, kind="STRUKTURAL", is_unit_head=True)
    return EmployeeFactory(name=name, position=position, supervisor=supervisor, user=UserFactory(username=username))


@pytest.fixture
def tree(unit) -> Tree:
    bidang = UnitFactory(code="DINKES.P2P", name="Bidang P2P", kind="BIDANG", parent=unit)
    seksi = UnitFactory(code="DINKES.P2P.SURV", name="Seksi Surveilans", kind="SEKSI", parent=bidang)
    other_bidang = UnitFactory(code="DINKES.YANKES", name="Bidang Pelayanan", kind="BIDANG", parent=unit)
    kadis = _official(unit, "Kepala Dinas", "kadis")
    kabid = _official(bidang, "Kepala Bidang P2P", "kabid", supervisor=kadis)
    kasi = _official(seksi, "Kepala Seksi Surveilans", "kasi", supervisor=kabid)
    other_kabid = _official(other_bidang, "Kepala Bidang Pelayanan", "kabid-yankes", supervisor=kadis)
    person = EmployeeFactory(
        name="Epidemiolog", position=PositionFactory(unit=seksi), supervisor=kasi, user=UserFactory(username="epi")
    )
    plan = PlanFactory(period=PeriodFactory(year=2026), employee=person, status="APPROVED", approved_at=timezone.now())
    indicator = IndicatorFactory(work_result=WorkResultFactory(plan=plan))
    evidence = Evidence(indicator=indicator, original_name="bukti.pdf", content_type="application/pdf", size=len(PDF))
    evidence.file.save("bukti.pdf", ContentFile(PDF), save=False)
    evidence.save()
    evaluation = open_evaluation(plan)
    return Tree(
        seksi, kadis, kasi, kabid, other_kabid, person, plan, evaluation, evidence,
        submitted_record(person), RecommendationFactory(employee=person),
    )  # fmt: skip


def _status(evaluation: Evaluation, status: str) -> None:
    """Put the annual evaluation into ``status`` (a sent result, an objection awaiting a decision)."""
    rating = "SESUAI_EKSPEKTASI"
    Evaluation.objects.filter(pk=evaluation.pk).update(
        status=status, work_rating=rating, behaviour_rating=rating, predikat="BAIK",
        sent_at=timezone.now() if status in Evaluation.RELEASED_STATUSES else None,
    )  # fmt: skip
    if status == "OBJECTED":
        Objection.objects.create(
            evaluation=evaluation, reason="Keberatan", old_work_rating=rating, old_behaviour_rating=rating,
            old_predikat="BAIK",
        )  # fmt: skip


# Every page that shows the person or one of their records, with the object its address names.
PAGES = {
    "org:employee-detail": lambda t: t.person.pk,
    "appraisal:employee-record": lambda t: t.person.pk,
    "scoring:employee-scores": lambda t: t.person.pk,
    "training:employee-development": lambda t: t.person.pk,
    "training:record-certificate": lambda t: t.record.pk,
    "appraisal:plan-detail": lambda t: t.plan.pk,
    "appraisal:plan-achievement": lambda t: t.plan.pk,
    "appraisal:plan-pdf": lambda t: t.plan.pk,
    "appraisal:feedback-list": lambda t: t.plan.pk,
    "appraisal:indicator-progress": lambda t: t.evidence.indicator_id,
    "appraisal:evidence-download": lambda t: t.evidence.pk,
    "appraisal:evaluation-detail": lambda t: t.evaluation.pk,
    "appraisal:evaluation-pdf": lambda t: t.evaluation.pk,
}
PLAN_PAGES = [name for name in PAGES if name.startswith("appraisal:") and name != "appraisal:employee-record"]


def _get(client, user, name: str, tree: Tree):
    client.force_login(user)
    _status(tree.evaluation, "SENT")
    return client.get(reverse(name, args=[PAGES[name](tree)]))


@pytest.mark.parametrize("name", PAGES)
def test_the_head_of_a_unit_two_levels_up_reads_every_page_of_the_person(client, tree, name):
    assert _get(client, tree.kadis.user, name, tree).status_code == 200


@pytest.mark.parametrize("name", PAGES)
def test_the_head_of_another_sub_unit_learns_nothing_of_the_person(client, tree, name):
    assert _get(client, tree.other_kabid.user, name, tree).status_code == 404


@pytest.mark.parametrize("name", ["org:employee-detail", "appraisal:employee-record", "training:employee-development"])
def test_a_unit_head_does_not_read_a_person_who_is_no_longer_active(client, tree, name):
    tree.person.status = Employee.Status.PENSIUN
    tree.person.save(update_fields=["status"])
    assert _get(client, tree.kadis.user, name, tree).status_code == 404
    assert _get(client, tree.kasi.user, name, tree).status_code == 200  # their official still does


@pytest.mark.parametrize("name", PLAN_PAGES)
def test_a_plan_stays_readable_to_the_head_of_the_unit_it_was_made_in(client, tree, name):
    """The dashboard and the distribution page count a plan where it was made, and link to it."""
    elsewhere = UnitFactory(code="DISDIK", name="Dinas Pendidikan")
    new_head = _official(elsewhere, "Kepala Dinas Pendidikan", "kadisdik")
    Employee.objects.filter(pk=tree.person.pk).update(unit=elsewhere, position=PositionFactory(unit=elsewhere))
    tree.person.refresh_from_db()
    assert _get(client, tree.kadis.user, "org:employee-detail", tree).status_code == 404
    assert _get(client, tree.kadis.user, name, tree).status_code == 200
    assert _get(client, new_head.user, name, tree).status_code == 200  # they read the person now


# What the person's officials (or HR) do: URL name, method, the evaluation's state, the object, the form.
REASON = {"reason": "Dicoba oleh kepala unit"}
ACTIONS = [
    ("appraisal:plan-approve", "post", "SENT", lambda t: _submitted_plan(t).pk, {}),
    ("appraisal:plan-return", "post", "SENT", lambda t: _submitted_plan(t).pk, REASON),
    ("appraisal:feedback-create", "post", "SENT", lambda t: t.plan.pk, {"date": "2026-03-02", "text": "Catatan"}),
    ("appraisal:plan-expectations", "get", "SENT", lambda t: t.plan.pk, {}),
    ("appraisal:evaluation-create", "post", "SENT", lambda t: t.plan.pk, {"kind": "PERIODIC", "checkpoint": 1}),
    ("appraisal:evaluation-start", "post", "SELF_ASSESSMENT", lambda t: t.evaluation.pk, {}),
    ("appraisal:evaluation-rate", "get", "RATING", lambda t: t.evaluation.pk, {}),
    ("appraisal:evaluation-rate", "post", "RATING", lambda t: t.evaluation.pk, {"work_rating": "DI_ATAS_EKSPEKTASI"}),
    ("appraisal:evaluation-approve", "post", "SUBMITTED", lambda t: t.evaluation.pk, {}),
    ("appraisal:evaluation-return", "post", "SUBMITTED", lambda t: t.evaluation.pk, REASON),
    ("appraisal:objection-decide", "get", "OBJECTED", lambda t: t.evaluation.pk, {}),
    ("appraisal:objection-decide", "post", "OBJECTED", lambda t: t.evaluation.pk, {**REASON, "upheld": "false"}),
    ("appraisal:evaluation-history", "get", "SENT", lambda t: t.evaluation.pk, {}),
    ("training:recommendation-accept", "post", "SENT", lambda t: t.recommendation.pk, {}),
    ("training:recommendation-dismiss", "get", "SENT", lambda t: t.recommendation.pk, {}),
    ("training:recommendation-dismiss", "post", "SENT", lambda t: t.recommendation.pk, REASON),
    ("training:record-verify", "post", "SENT", lambda t: t.record.pk, {}),
    ("training:record-reject", "post", "SENT", lambda t: t.record.pk, REASON),
]


def _submitted_plan(tree: Tree) -> Plan:
    """A plan of another year awaiting its official's approval."""
    period = PeriodFactory(year=2027, plan_deadline=date(2027, 1, 31))
    return PlanFactory(period=period, employee=tree.person, status=Plan.Status.SUBMITTED)


def _records(tree: Tree) -> list:
    """The person's records and their states, to show that a refused action changed nothing."""
    rows = (
        Plan.objects.filter(employee=tree.person).values_list("pk", "status"),
        Evaluation.objects.filter(plan__employee=tree.person).values_list("pk", "status", "work_rating"),
        Objection.objects.filter(evaluation__plan__employee=tree.person).values_list("pk", "status"),
        FeedbackNote.objects.filter(plan__employee=tree.person).values_list("pk"),
        Recommendation.objects.filter(employee=tree.person).values_list("pk", "status"),
        DevelopmentRecord.objects.filter(employee=tree.person).values_list("pk", "status"),
    )
    return [sorted(row) for row in rows]


@pytest.mark.parametrize(
    ("name", "method", "state", "pk", "data"), ACTIONS, ids=[f"{name}-{method}" for name, method, *_ in ACTIONS]
)
def test_reading_the_person_gives_the_unit_head_no_action(client, tree, name, method, state, pk, data):
    client.force_login(tree.kadis.user)
    _status(tree.evaluation, state)
    url = reverse(name, args=[pk(tree)])
    before = _records(tree)
    assert getattr(client, method)(url, data).status_code == 403
    assert _records(tree) == before


def test_the_person_page_asks_the_same_queries_in_a_small_and_a_large_tree(client, tree, unit):
    """The unit scope is one read of the unit table per request, however many units and people."""
    client.force_login(tree.kadis.user)

    def grow(size: int) -> None:
        for n in range(Unit.objects.filter(parent=tree.seksi).count(), size):
            below = UnitFactory(code=f"DINKES.P2P.SURV.{n}", parent=tree.seksi)
            EmployeeFactory(position=PositionFactory(unit=below), supervisor=tree.kasi)

    small, large = counts_at_two_sizes(client, reverse("org:employee-detail", args=[tree.person.pk]), grow)
    assert small == large
