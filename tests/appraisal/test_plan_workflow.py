"""Every workflow transition by each role, allowed and refused, through the views (domain.md §5)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from appraisal.models import Plan, PlanLog
from notifications.models import Notification

from .conftest import set_status

S = Plan.Status
ROLES = ["employee", "supervisor", "head", "hr_user", "outsider"]
CASES = [
    ("plan-submit", S.DRAFT, {"employee"}, S.SUBMITTED),
    ("plan-submit", S.RETURNED, {"employee"}, S.SUBMITTED),
    ("plan-submit", S.REVISION, {"employee"}, S.SUBMITTED),
    ("plan-approve", S.SUBMITTED, {"supervisor"}, S.APPROVED),
    ("plan-return", S.SUBMITTED, {"supervisor"}, S.RETURNED),
    ("plan-revise", S.APPROVED, {"employee", "supervisor"}, S.REVISION),
]


def user_of(request, role: str):
    persona = request.getfixturevalue(role)
    return persona if role == "hr_user" else persona.user


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url_name", "start", "allowed", "end"), CASES)
def test_it_lets_only_the_right_role_take_each_transition(request, client, plan, role, url_name, start, allowed, end):
    set_status(plan, start)
    client.force_login(user_of(request, role))
    response = client.post(reverse(f"appraisal:{url_name}", args=[plan.pk]), {"reason": "Target perlu disesuaikan"})
    plan.refresh_from_db()
    if role in allowed:
        assert response.status_code == 302
        assert plan.status == end
    else:
        assert response.status_code == (404 if role == "outsider" else 403)
        assert plan.status == start


@pytest.mark.parametrize(
    ("url_name", "role", "state"),
    [
        ("plan-approve", "supervisor", S.DRAFT),
        ("plan-approve", "supervisor", S.APPROVED),
        ("plan-return", "supervisor", S.RETURNED),
        ("plan-submit", "employee", S.SUBMITTED),
        ("plan-submit", "employee", S.APPROVED),
        ("plan-revise", "employee", S.DRAFT),
    ],
)
def test_it_refuses_a_transition_in_the_wrong_state(request, client, plan, url_name, role, state):
    set_status(plan, state)
    client.force_login(user_of(request, role))
    response = client.post(reverse(f"appraisal:{url_name}", args=[plan.pk]), {"reason": "x"}, follow=True)
    plan.refresh_from_db()
    assert plan.status == state
    assert "tidak dapat dilakukan" in response.content.decode()
    assert not plan.logs.exists()


def test_it_refuses_anonymous_transitions(client, plan):
    response = client.post(reverse("appraisal:plan-submit", args=[plan.pk]))
    assert response.status_code == 302
    assert reverse("login") in response.url
    plan.refresh_from_db()
    assert plan.status == S.DRAFT


def test_it_refuses_get_on_a_transition(client, employee, plan):
    client.force_login(employee.user)
    assert client.get(reverse("appraisal:plan-submit", args=[plan.pk])).status_code == 405


@pytest.mark.parametrize("url_name", ["plan-return", "plan-revise"])
def test_it_requires_a_reason_to_return_or_revise(client, supervisor, plan, url_name):
    set_status(plan, S.SUBMITTED if url_name == "plan-return" else S.APPROVED)
    client.force_login(supervisor.user)
    client.post(reverse(f"appraisal:{url_name}", args=[plan.pk]), {"reason": "  "})
    before = plan.status
    plan.refresh_from_db()
    assert plan.status == before


def test_it_records_who_submitted_and_notifies_the_assessor(client, employee, supervisor, plan):
    client.force_login(employee.user)
    client.post(reverse("appraisal:plan-submit", args=[plan.pk]))
    log = plan.logs.get()
    assert (log.action, log.from_status, log.to_status, log.actor) == (
        PlanLog.Action.SUBMIT,
        S.DRAFT,
        S.SUBMITTED,
        employee.user,
    )
    assert log.created_at is not None
    assert Notification.objects.filter(recipient=supervisor.user, url=plan.get_absolute_url()).exists()


def test_it_stamps_the_approval_and_notifies_the_employee(client, employee, supervisor, plan):
    set_status(plan, S.SUBMITTED)
    client.force_login(supervisor.user)
    client.post(reverse("appraisal:plan-approve", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.approved_at is not None
    assert plan.logs.get().actor == supervisor.user
    assert Notification.objects.filter(recipient=employee.user).exists()


def test_it_shows_the_return_reason_to_the_employee(client, employee, supervisor, plan):
    set_status(plan, S.SUBMITTED)
    client.force_login(supervisor.user)
    client.post(reverse("appraisal:plan-return", args=[plan.pk]), {"reason": "Indikator kualitas belum ada"})
    assert Notification.objects.get(recipient=employee.user).note == "Indikator kualitas belum ada"
    client.force_login(employee.user)
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Indikator kualitas belum ada" in page


def test_it_keeps_the_approved_content_when_a_revision_opens(client, employee, supervisor, plan):
    set_status(plan, S.APPROVED)
    client.force_login(employee.user)
    client.post(reverse("appraisal:plan-revise", args=[plan.pk]), {"reason": "Pindah tugas"})
    plan.refresh_from_db()
    log = plan.logs.get()
    assert plan.revision == 1
    assert log.reason == "Pindah tugas"
    assert log.content["work_results"][0]["indicators"][0]["target_value"] == "50.0000"
    assert Notification.objects.filter(recipient=supervisor.user).exists()


def test_it_refuses_to_submit_a_plan_without_indicators(client, employee, plan):
    plan.work_results.get().indicators.all().delete()
    client.force_login(employee.user)
    response = client.post(reverse("appraisal:plan-submit", args=[plan.pk]), follow=True)
    plan.refresh_from_db()
    assert plan.status == S.DRAFT
    assert "minimal satu indikator" in response.content.decode()


def test_it_refuses_to_submit_a_quantitative_plan_without_aspects(client, employee, plan):
    plan.work_results.get().indicators.update(aspect="")
    client.force_login(employee.user)
    client.post(reverse("appraisal:plan-submit", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == S.DRAFT


def test_it_refuses_transitions_in_a_closed_period(client, employee, plan):
    plan.period.status = plan.period.Status.CLOSED
    plan.period.save()
    client.force_login(employee.user)
    response = client.post(reverse("appraisal:plan-submit", args=[plan.pk]), follow=True)
    plan.refresh_from_db()
    assert plan.status == S.DRAFT
    assert "sudah ditutup" in response.content.decode()


def test_it_shows_only_the_buttons_the_user_may_use(client, supervisor, employee, plan):
    set_status(plan, S.SUBMITTED)
    client.force_login(supervisor.user)
    page = client.get(plan.get_absolute_url()).content.decode()
    assert reverse("appraisal:plan-approve", args=[plan.pk]) in page
    client.force_login(employee.user)
    page = client.get(plan.get_absolute_url()).content.decode()
    assert reverse("appraisal:plan-approve", args=[plan.pk]) not in page
