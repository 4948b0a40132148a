"""What waits for a person on the home page, lists that keep delivered evaluations, the monitoring page
narrowed to the people one assesses, and a person's appraisal record (issue points 16 and 17)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from appraisal.models import Plan
from appraisal.selectors import awaiting
from appraisal.services.objections import objection_file

from .conftest import set_status


def _home(client, person):
    client.force_login(person.user)
    return client.get(reverse("home")).content.decode()


def test_the_home_page_lists_a_plan_waiting_for_the_supervisor(client, plan, supervisor, employee):
    set_status(plan, Plan.Status.SUBMITTED)
    page = _home(client, supervisor)
    assert 'data-testid="awaiting-plans"' in page
    assert plan.get_absolute_url() in page
    assert "Lihat semua (1)" in page


def test_the_home_page_lists_evaluations_to_write(client, evaluation, supervisor):
    page = _home(client, supervisor)
    assert 'data-testid="awaiting-to-rate"' in page and evaluation.get_absolute_url() in page


def test_the_home_page_lists_results_to_approve_and_objections_to_decide(client, sent, head, employee):
    assert 'data-testid="awaiting-to-approve"' not in _home(client, head)
    objection_file(evaluation=sent, reason="Rating tidak sesuai bukti", acting_user=employee.user)
    page = _home(client, head)
    assert 'data-testid="awaiting-objections"' in page and sent.get_absolute_url() in page


def test_the_home_page_counts_exactly_what_the_lists_behind_it_show(client, submitted, head):
    waiting = awaiting(head)
    assert [e.pk for e in waiting.to_approve] == [submitted.pk]
    client.force_login(head.user)
    evaluations = client.get(reverse("appraisal:evaluation-list")).content.decode()
    assert submitted.get_absolute_url() in evaluations
    assert waiting.total == 1


def test_a_supervisor_with_nothing_waiting_is_told_so(client, supervisor, employee):
    assert "Tidak ada SKP, evaluasi, atau keberatan yang menunggu tindakan Anda." in _home(client, supervisor)


def test_an_employee_without_waiting_work_sees_no_panel(client, employee):
    assert 'data-testid="panel-awaiting"' not in _home(client, employee)


def test_the_evaluation_list_keeps_evaluations_once_delivered(client, sent, supervisor, head):
    for official in (supervisor, head):
        client.force_login(official.user)
        page = client.get(reverse("appraisal:evaluation-list")).content.decode()
        assert 'data-testid="done-evaluations"' in page
        assert sent.get_absolute_url() in page


def test_the_monitoring_page_narrows_to_the_people_one_assesses(client, period, head, supervisor, employee):
    client.force_login(head.user)
    url = reverse("appraisal:plan-monitoring")
    everyone = client.get(url)
    assessed = client.get(url, {"lingkup": "dinilai"})
    assert everyone.context["total"] == 2
    assert assessed.context["total"] == 1
    assert [row.employee for row in assessed.context["page"].object_list] == [supervisor]
    assert "Yang Anda nilai (1)" in assessed.content.decode()


READERS = [("hr_user", 200), ("employee", 200), ("supervisor", 200), ("head", 200), ("outsider", 404)]


@pytest.mark.parametrize(("role", "status"), READERS)
def test_the_record_page_shows_a_person_to_whoever_may_see_them(request, client, approved_plan, employee, role, status):
    persona = request.getfixturevalue(role)
    client.force_login(getattr(persona, "user", persona))
    assert client.get(reverse("appraisal:employee-record", args=[employee.pk])).status_code == status


def test_the_record_page_lists_plans_evaluations_and_history(client, sent, hr_user, employee):
    client.force_login(hr_user)
    page = client.get(reverse("appraisal:employee-record", args=[employee.pk])).content.decode()
    assert sent.plan.get_absolute_url() in page
    assert sent.get_absolute_url() in page
    assert reverse("appraisal:evaluation-history", args=[sent.pk]) in page
    assert "Disetujui dan disampaikan" in page  # the approval step in the history
    assert 'id="riwayat"' in page
