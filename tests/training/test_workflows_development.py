"""The training workflows as declared: who may decide on a recommendation or review a record, in
which state, with which reason (every role: the employee, both supervisors, HR, another employee and
the head of another unit)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.workflow import REASON_REQUIRED
from tests.factories import EmployeeFactory, PositionFactory, UnitFactory, UserFactory
from training.decisions import (
    development_record_reject,
    development_record_verify,
    recommendation_accept,
    recommendation_dismiss,
    recommendation_replace,
)
from training.models import DevelopmentRecord, DevelopmentRecordLog, Recommendation, RecommendationLog
from training.workflows import RECOMMENDATION_WORKFLOW, RECORD_WORKFLOW

from .development_factories import RecommendationFactory, private_media, submitted_record  # noqa: F401 (fixture)
from .factories import ProgrammeFactory

pytestmark = pytest.mark.usefixtures("private_media")


@pytest.fixture
def other_head(db):
    """The head of another unit: heads people, but none of the employee's chain."""
    unit = UnitFactory(code="DISDIK", name="Dinas Pendidikan")
    position = PositionFactory(unit=unit, name="Kepala Dinas Pendidikan", is_unit_head=True, level="JPT_PRATAMA")
    return EmployeeFactory(name="Kepala Lain", position=position, user=UserFactory(username="kepala-lain"))


@pytest.fixture
def people(employee, supervisor, head, outsider, hr_user, other_head):
    return {
        "employee": employee.user,
        "supervisor": supervisor.user,
        "head": head.user,
        "hr": hr_user,
        "outsider": outsider.user,
        "other_head": other_head.user,
    }


DECIDERS = {"supervisor", "head", "hr"}
ROLES = ["employee", "supervisor", "head", "hr", "outsider", "other_head"]


@pytest.mark.parametrize("role", ROLES)
def test_only_the_supervisors_and_hr_accept_a_recommendation(people, employee, role):
    recommendation = RecommendationFactory(employee=employee)
    user = people[role]
    assert (RecommendationLog.Action.ACCEPT in RECOMMENDATION_WORKFLOW.available(recommendation, user)) == (
        role in DECIDERS
    )
    if role in DECIDERS:
        recommendation_accept(recommendation=recommendation, acting_user=user)
        recommendation.refresh_from_db()
        assert recommendation.status == Recommendation.Status.ACCEPTED
        assert recommendation.decided_by == user
    else:
        with pytest.raises(PermissionDenied):
            recommendation_accept(recommendation=recommendation, acting_user=user)
        recommendation.refresh_from_db()
        assert recommendation.status == Recommendation.Status.PROPOSED
        assert not recommendation.logs.exists()


@pytest.mark.parametrize("role", ROLES)
def test_only_the_supervisors_and_hr_verify_a_record(people, employee, role):
    record = submitted_record(employee)
    user = people[role]
    assert bool(RECORD_WORKFLOW.available(record, user)) == (role in DECIDERS)
    if role in DECIDERS:
        development_record_verify(record=record, acting_user=user)
        record.refresh_from_db()
        assert (record.status, record.verified_by) == (DevelopmentRecord.Status.VERIFIED, user)
    else:
        with pytest.raises(PermissionDenied):
            development_record_verify(record=record, acting_user=user)
        assert DevelopmentRecord.objects.get(pk=record.pk).status == DevelopmentRecord.Status.SUBMITTED


def test_hr_does_not_decide_on_their_own_training(employee, hr_user):
    """An HR officer who is also an employee reviews nobody's records of their own."""
    employee.user.groups.add(*hr_user.groups.all())
    record = submitted_record(employee)
    with pytest.raises(PermissionDenied):
        development_record_verify(record=record, acting_user=employee.user)


def test_dismissing_and_replacing_need_a_reason(employee, supervisor):
    recommendation = RecommendationFactory(employee=employee)
    with pytest.raises(ValidationError) as dismissed:
        recommendation_dismiss(recommendation=recommendation, reason="  ", acting_user=supervisor.user)
    assert dismissed.value.message_dict == {"reason": [str(REASON_REQUIRED)]}
    with pytest.raises(ValidationError) as replaced:
        recommendation_replace(
            recommendation=recommendation, programme=ProgrammeFactory(), reason="", acting_user=supervisor.user
        )
    assert "reason" in replaced.value.message_dict
    record = submitted_record(employee)
    with pytest.raises(ValidationError):
        development_record_reject(record=record, reason="", acting_user=supervisor.user)
    assert Recommendation.objects.get().status == Recommendation.Status.PROPOSED
    assert not RecommendationLog.objects.exists() and not DevelopmentRecordLog.objects.exists()


def test_a_decided_recommendation_is_not_decided_again(employee, supervisor, hr_user):
    recommendation = RecommendationFactory(employee=employee)
    recommendation_dismiss(recommendation=recommendation, reason="Sudah ikut tahun lalu", acting_user=supervisor.user)
    with pytest.raises(ValidationError) as again:
        recommendation_accept(recommendation=recommendation, acting_user=hr_user)
    assert again.value.code == "state"
    recommendation.refresh_from_db()
    assert RECOMMENDATION_WORKFLOW.available(recommendation, hr_user) == set()


def test_a_replacement_is_another_active_programme(employee, supervisor):
    recommendation = RecommendationFactory(employee=employee)
    for programme in (recommendation.programme, ProgrammeFactory(is_active=False)):
        with pytest.raises(ValidationError) as refused:
            recommendation_replace(
                recommendation=recommendation, programme=programme, reason="Jadwal", acting_user=supervisor.user
            )
        assert "programme" in refused.value.message_dict
    assert Recommendation.objects.count() == 1


@pytest.mark.parametrize(
    ("flow", "log", "status"),
    [
        (RECOMMENDATION_WORKFLOW, RecommendationLog, Recommendation.Status),
        (RECORD_WORKFLOW, DevelopmentRecordLog, DevelopmentRecord.Status),
    ],
)
def test_every_action_is_a_log_choice_and_every_state_a_status(flow, log, status):
    assert set(flow.transitions) <= set(log.Action.values)
    for rule in flow.transitions.values():
        assert set(rule.sources) | {rule.target} <= set(status.values)
