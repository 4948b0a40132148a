"""Progress freezes once an evaluation built on it was submitted (issue point 14, docs/appraisal-plans.md).

The delivered annual result must show the realisations it was rated on, so the whole plan's
progress locks when the annual evaluation is submitted; a submitted periodic evaluation locks the
realisations of its own checkpoint. A return by the superior reopens the progress.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from appraisal.services import progress as services
from appraisal.services.evaluations import evaluation_return, evaluation_submit
from appraisal.services.plans import plan_revise
from appraisal.services.progress import PROGRESS_LOCKED

from .conftest import rate
from .factories import YEAR, open_evaluation


def _record(indicator, value="640", checkpoint=4):
    return services.realisation_record(
        indicator=indicator,
        checkpoint=checkpoint,
        value=Decimal(value),
        note="",
        acting_user=indicator.work_result.plan.employee.user,
    )


def test_it_refuses_realisations_activities_and_evidence_once_the_annual_evaluation_is_submitted(
    employee, indicator, submitted
):
    user = employee.user
    with pytest.raises(ValidationError, match="sudah diajukan"):
        _record(indicator)
    with pytest.raises(ValidationError, match="sudah diajukan"):
        services.activity_record(indicator=indicator, day=date(YEAR, 5, 1), description="Rapat", acting_user=user)
    assert not indicator.realisations.exists()
    assert not indicator.activities.exists()


def test_the_delivered_evaluation_keeps_the_realisation_it_was_rated_on(client, employee, indicator, evaluation):
    _record(indicator, "40")
    submitted = evaluation_submit(evaluation=rate(evaluation), acting_user=evaluation.plan.assessor.user)
    client.force_login(employee.user)
    response = client.post(
        reverse("appraisal:realisation-save", args=[indicator.pk]), {"checkpoint": 4, "value": "640", "note": ""}
    )
    assert response.status_code == 400
    assert str(PROGRESS_LOCKED) in response.content.decode()
    assert indicator.realisations.get().value == Decimal("40")
    assert submitted.achievement is not None


def test_it_hides_the_report_forms_once_locked(client, employee, indicator, submitted):
    client.force_login(employee.user)
    page = client.get(reverse("appraisal:indicator-progress", args=[indicator.pk])).content.decode()
    assert reverse("appraisal:realisation-save", args=[indicator.pk]) not in page
    assert reverse("appraisal:activity-create", args=[indicator.pk]) not in page
    assert str(PROGRESS_LOCKED) in page


def test_a_return_by_the_superior_reopens_the_progress(employee, head, indicator, submitted):
    evaluation_return(evaluation=submitted, reason="Periksa lagi realisasinya", acting_user=head.user)
    assert _record(indicator).value == Decimal("640")


def test_a_submitted_periodic_evaluation_locks_its_own_checkpoint_only(supervisor, indicator):
    periodic = open_evaluation(indicator.work_result.plan, kind="PERIODIC", checkpoint=1)
    evaluation_submit(evaluation=rate(periodic), acting_user=supervisor.user)
    with pytest.raises(ValidationError, match="Triwulan I"):
        _record(indicator, checkpoint=1)
    assert _record(indicator, checkpoint=2).value == Decimal("640")


def test_it_refuses_a_revision_once_the_annual_evaluation_is_submitted(client, employee, approved_plan, submitted):
    with pytest.raises(ValidationError, match="tidak dapat direvisi"):
        plan_revise(plan=approved_plan, reason="Target berubah", acting_user=employee.user)
    client.force_login(employee.user)
    page = client.get(approved_plan.get_absolute_url()).content.decode()
    assert reverse("appraisal:plan-revise", args=[approved_plan.pk]) not in page
    approved_plan.refresh_from_db()
    assert approved_plan.status == "APPROVED"
