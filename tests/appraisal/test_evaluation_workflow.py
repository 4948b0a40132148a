"""Every evaluation transition by each role, allowed and refused, through the views (domain.md §5)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from appraisal.models import Evaluation, Objection
from appraisal.services.objections import objection_file
from tests.factories import EmployeeFactory, UserFactory

from .conftest import rate

S = Evaluation.Status
ROLES = ["employee", "supervisor", "head", "hr_user", "outsider"]


def user_of(request, role: str):
    persona = request.getfixturevalue(role)
    return persona if role == "hr_user" else persona.user


def in_state(evaluation: Evaluation, status: str) -> Evaluation:
    """Ratings complete, then the status forced, so each transition starts from a valid record."""
    rated = rate(evaluation)
    Evaluation.objects.filter(pk=rated.pk).update(status=status)
    return Evaluation.objects.get(pk=rated.pk)


CASES = [
    ("evaluation-selfsubmit", S.SELF_ASSESSMENT, {"employee"}, S.RATING),
    ("evaluation-start", S.SELF_ASSESSMENT, {"supervisor"}, S.RATING),
    ("evaluation-submit", S.RATING, {"supervisor"}, S.SUBMITTED),
    ("evaluation-approve", S.SUBMITTED, {"head"}, S.SENT),
    ("evaluation-return", S.SUBMITTED, {"head"}, S.RATING),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url_name", "start", "allowed", "end"), CASES)
def test_it_lets_only_the_right_role_take_each_transition(
    request, client, evaluation, role, url_name, start, allowed, end
):
    evaluation = in_state(evaluation, start)
    client.force_login(user_of(request, role))
    response = client.post(reverse(f"appraisal:{url_name}", args=[evaluation.pk]), {"reason": "Mohon ditinjau"})
    evaluation.refresh_from_db()
    if role in allowed:
        assert response.status_code == 302
        assert evaluation.status == end
    else:
        assert response.status_code == (404 if role == "outsider" else 403)
        assert evaluation.status == start


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_only_the_employee_object(request, client, sent, role):
    client.force_login(user_of(request, role))
    response = client.post(reverse("appraisal:objection-create", args=[sent.pk]), {"reason": "Tidak sesuai"})
    sent.refresh_from_db()
    assert sent.status == (S.OBJECTED if role == "employee" else S.SENT)
    assert response.status_code == {"employee": 302, "outsider": 404}.get(role, 403)


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_only_the_superior_decide(request, client, sent, employee, role):
    objection_file(evaluation=sent, reason="Tidak sesuai", acting_user=employee.user)
    client.force_login(user_of(request, role))
    data = {"upheld": "0", "reason": "Sesuai bukti", "work_rating": "SESUAI_EKSPEKTASI",
            "behaviour_rating": "SESUAI_EKSPEKTASI"}  # fmt: skip
    response = client.post(reverse("appraisal:objection-decide", args=[sent.pk]), data)
    objection = Objection.objects.get()
    assert objection.status == ("REJECTED" if role == "head" else "PENDING")
    assert response.status_code == {"head": 302, "outsider": 404}.get(role, 403)


@pytest.mark.parametrize(
    ("url_name", "role", "state"),
    [
        ("evaluation-approve", "head", S.RATING),
        ("evaluation-submit", "supervisor", S.SELF_ASSESSMENT),
        ("evaluation-submit", "supervisor", S.SENT),
        ("evaluation-selfsubmit", "employee", S.RATING),
        ("evaluation-start", "supervisor", S.SENT),
    ],
)
def test_it_refuses_a_transition_in_the_wrong_state(request, client, evaluation, url_name, role, state):
    evaluation = in_state(evaluation, state)
    client.force_login(user_of(request, role))
    response = client.post(reverse(f"appraisal:{url_name}", args=[evaluation.pk]), follow=True)
    evaluation.refresh_from_db()
    assert evaluation.status == state
    assert "tidak dapat dilakukan" in response.content.decode()


def test_it_refuses_anonymous_and_get_transitions(client, evaluation, employee):
    url = reverse("appraisal:evaluation-selfsubmit", args=[evaluation.pk])
    assert reverse("login") in client.post(url).url
    client.force_login(employee.user)
    assert client.get(url).status_code == 405


@pytest.fixture
def other_supervisor(unit):
    """A supervisor elsewhere with reports of their own, but not ``employee``."""
    boss = EmployeeFactory(name="Atasan Lain", user=UserFactory(username="atasan-lain"))
    EmployeeFactory(name="Bawahan Lain", supervisor=boss)
    return boss


@pytest.mark.parametrize(
    ("method", "url_name"),
    [
        ("get", "evaluation-detail"),
        ("get", "evaluation-rate"),
        ("get", "evaluation-pdf"),
        ("post", "evaluation-rate"),
        ("post", "evaluation-submit"),
        ("post", "evaluation-start"),
        ("post", "peer-invite"),
        ("post", "developmentaction-create"),
    ],
)
def test_it_hides_an_evaluation_from_a_supervisor_of_other_people(
    client, evaluation, other_supervisor, method, url_name
):
    client.force_login(other_supervisor.user)
    url = reverse(f"appraisal:{url_name}", args=[evaluation.pk])
    response = getattr(client, method)(url, {"version": evaluation.version, "work_rating": "DI_ATAS_EKSPEKTASI"})
    assert response.status_code == 404
    assert Evaluation.objects.get(pk=evaluation.pk).status == S.SELF_ASSESSMENT


def test_it_hides_a_plan_from_a_supervisor_of_other_people_when_opening_an_evaluation(
    client, approved_plan, other_supervisor
):
    client.force_login(other_supervisor.user)
    url = reverse("appraisal:evaluation-create", args=[approved_plan.pk])
    assert client.post(url, {"kind": "ANNUAL"}).status_code == 404
    assert not Evaluation.objects.exists()
