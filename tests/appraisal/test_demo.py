"""The appraisal demo seeders: plans and evaluations in every state, idempotently."""

from __future__ import annotations

import io
from collections import Counter

from appraisal.demo.plans import seed_appraisal
from appraisal.models import AppraisalPeriod, IndicatorTemplate, Plan, Realisation, WorkResult
from appraisal.selectors import monitoring_rows
from org.demo.organisation import seed_organisation
from org.models import Employee


def test_it_seeds_a_plan_for_every_active_employee_once(db):
    seed_organisation()
    out = io.StringIO()
    summary = seed_appraisal(stdout=out)
    period = AppraisalPeriod.objects.get(year=2026)
    active = set(Employee.objects.active().values_list("pk", flat=True))
    assert set(Plan.objects.filter(period=period).values_list("employee_id", flat=True)) == active
    assert period.checkpoint_type == "TRIWULANAN"
    assert summary in out.getvalue()
    counts = (Plan.objects.count(), IndicatorTemplate.objects.count(), Realisation.objects.count())
    seed_appraisal()
    assert (Plan.objects.count(), IndicatorTemplate.objects.count(), Realisation.objects.count()) == counts


def test_it_seeds_plans_in_every_state_with_one_returned(db):
    seed_organisation()
    seed_appraisal()
    states = Counter(Plan.objects.values_list("status", flat=True))
    assert states["RETURNED"] == 1
    assert states["DRAFT"] and states["SUBMITTED"] and states["APPROVED"]
    assert Plan.objects.get(status="RETURNED").logs.filter(action="RETURN").exclude(reason="").exists()


def test_it_cascades_work_results_and_leaves_someone_behind_and_someone_silent(db):
    seed_organisation()
    seed_appraisal()
    assert WorkResult.objects.filter(parent__isnull=False).exists()
    period = AppraisalPeriod.objects.get(year=2026)
    states = Counter()
    for supervisor in Employee.objects.filter(subordinates__isnull=False).distinct():
        rows = monitoring_rows(supervisor=supervisor, period=period, checkpoint=period.checkpoint(2))
        states.update(row.state for row in rows)
    assert states["NOT_REPORTED"] and states["BEHIND"] and states["ON_TRACK"]


def test_it_seeds_evaluations_in_every_state_once(db):
    from appraisal.demo.evaluations import seed_evaluations
    from appraisal.models import Evaluation, Objection, OrganisationResult

    seed_organisation()
    seed_appraisal()
    out = io.StringIO()
    summary = seed_evaluations(stdout=out)
    assert summary in out.getvalue()
    states = set(Evaluation.objects.values_list("status", flat=True))
    assert states == {"SELF_ASSESSMENT", "RATING", "SUBMITTED", "SENT", "OBJECTED", "DECIDED"}
    assert Evaluation.objects.filter(kind="PERIODIC", status="SENT").exists()
    assert set(Objection.objects.values_list("status", flat=True)) == {"PENDING", "UPHELD"}
    assert Objection.objects.get(status="PENDING").evaluation.plan.employee.user.username == "pegawai"
    assert OrganisationResult.objects.get().exceeded  # the demo unit shows the distribution warning
    count = Evaluation.objects.count()
    seed_evaluations()
    assert Evaluation.objects.count() == count


def test_each_app_declares_its_seeders_and_scoring_runs_after_the_data_it_scores():
    from org.management.commands.seed_demo import app_seeders

    assert app_seeders() == [
        "appraisal.demo.plans.seed_appraisal",
        "appraisal.demo.evaluations.seed_evaluations",
        "surveys.demo.activity.seed_surveys",
        "training.demo.catalogue.seed_catalogue",
        "training.demo.profiles.seed_profiles",
        "training.demo.recommendations.seed_recommendations",
        "scoring.demo.seed_scores",
        "leaders.demo.recognition.seed_recognition",
        "leaders.demo.talent.seed_talent",
    ]
