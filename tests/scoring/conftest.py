"""The worked example of domain.md §7.2 as data: R 95, S 80, B 600/7, C 83.33 (§2.4), P 81.25."""

from __future__ import annotations

import importlib
import threading
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.utils import timezone

from appraisal.models import BehaviourRating, CoreValue, Evaluation, PeerAnswer, PeerRequest, Plan
from scoring.models import ScoreRun
from tests.appraisal.factories import IndicatorFactory, PeriodFactory, PlanFactory, RealisationFactory
from tests.surveys.factories import ResponseFactory

TODAY = date(2026, 11, 23)  # checkpoint 4 (Triwulan IV) of 2026 has begun
SECTION_2_4_ANSWERS = [
    [4, 3, 3, 4, 3, 4, 4, 3, 4],
    [3, 3, 2, 4, 3, 3, 4, 3, 3],
    [4, 4, 3, 3, 4, 3, 4, 2, 3],
]
# Berorientasi Pelayanan .. Kolaboratif: Di Atas, Sesuai ×5, Di Atas (§7.2 worked example).
VALUE_RATINGS = ["DI_ATAS_EKSPEKTASI", *["SESUAI_EKSPEKTASI"] * 5, "DI_ATAS_EKSPEKTASI"]


@pytest.fixture
def period(db):
    """§7.2's worked example takes R = 95: the §7.1 plan of ``approved_plan`` with the alternative
    lower-is-better formula (target ÷ realisation); the regulation's formula gives 93.75."""
    return PeriodFactory(year=2026, lower_formula="RATIO")


def approved_plan(employee, period) -> Plan:
    """I1 (weight 2, 45/50), I2 (lower, 5 vs 4), I3 (130/100) at checkpoint 4 (§7.1): plan achievement
    93.75 with the regulation's lower-is-better formula, 95 with the alternative."""
    plan = PlanFactory(employee=employee, period=period, status="APPROVED", approved_at=timezone.now())
    i1 = IndicatorFactory(work_result__plan=plan, target_value=Decimal(50), weight=Decimal(2))
    i2 = IndicatorFactory(work_result=i1.work_result, target_value=Decimal(4), direction="LOWER")
    i3 = IndicatorFactory(work_result=i1.work_result, target_value=Decimal(100))
    for indicator, value in [(i1, 45), (i2, 5), (i3, 130)]:
        RealisationFactory(indicator=indicator, checkpoint=4, value=Decimal(value))
    return plan


def core_values() -> list[CoreValue]:
    """The seeded values; a transactional test has flushed the migration's rows, so seed them again."""
    if not CoreValue.objects.exists():
        importlib.import_module("appraisal.migrations.0003_core_values").seed(apps, None)
    return list(CoreValue.objects.order_by("order"))


def sent_evaluation(plan: Plan, *, checkpoint: int = 4, work: str = "SESUAI_EKSPEKTASI") -> Evaluation:
    evaluation = Evaluation.objects.create(
        plan=plan,
        kind="ANNUAL",
        checkpoint=checkpoint,
        status="SENT",
        work_rating=work,
        behaviour_rating="SESUAI_EKSPEKTASI",
        predikat="BAIK",
        sent_at=timezone.now(),
    )
    for value, rating in zip(core_values(), VALUE_RATINGS, strict=True):
        BehaviourRating.objects.create(evaluation=evaluation, value=value, rating=rating)
    return evaluation


def unit_responses(unit, *, officer=None, day=date(2026, 11, 2)):
    moment = timezone.make_aware(datetime.combine(day, datetime.min.time()))
    return [
        ResponseFactory.with_answers(answers, unit=unit, officer=officer, submitted_at=moment)
        for answers in SECTION_2_4_ANSWERS
    ]


@pytest.fixture
def worked_example(period, employee):
    """The employee of the §7.2 worked example, without the peer answers (P)."""
    sent_evaluation(approved_plan(employee, period))
    unit_responses(employee.unit)
    return employee


def peer_answers(evaluation: Evaluation, peers, scores: list[list[int]]) -> None:
    """Each peer answers the first values of the evaluation with the given 1–4 scores."""
    values = core_values()
    for peer, answers in zip(peers, scores, strict=True):
        request = PeerRequest.objects.create(evaluation=evaluation, peer=peer, answered_at=timezone.now())
        for value, score in zip(values, answers, strict=False):
            PeerAnswer.objects.create(request=request, value=value, score=score)


def wait_for_status(run: ScoreRun, status: str, *, seconds: float = 90) -> bool:
    """Poll the stored run until it reaches ``status`` (a real worker writes it from another process)."""
    pause = threading.Event()
    deadline = timezone.now() + timedelta(seconds=seconds)
    while timezone.now() < deadline:
        run.refresh_from_db()
        if run.status == status:
            return True
        pause.wait(0.2)
    return False


@pytest.fixture
def worker(transactional_db):
    """A real Celery worker thread of the project's own app (every task registered), on the test broker.

    celery.contrib.pytest's ``celery_worker`` builds a fresh test app per test, and only the first
    one gets the shared tasks; a browser test that queues from the live server's thread needs the
    app the code itself uses, as the default app of every thread.
    """
    from celery import _state
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    previous = _state.default_app
    app.set_default()  # other threads (the live server's) resolve shared tasks through the default app
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30) as running:
        yield running
    _state.set_default_app(previous)
