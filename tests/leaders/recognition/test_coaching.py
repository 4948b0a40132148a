"""Coaching plans: written by a supervisor or HR for someone on the list, followed up, seen by the employee."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from leaders.models import CoachingPlan
from leaders.recognition import services
from notifications.models import Notification
from tests.conftest import login
from tests.factories import UserFactory

from .factories import CoachingPlanFactory, scored

TODAY = date(2026, 5, 15)  # tests/clock.py


@pytest.fixture
def coachee(employee, period, supervisor):
    """The ``employee`` persona on the coaching list: predikat Butuh Perbaikan."""
    scored(employee, period=period, score="55", predikat="BUTUH_PERBAIKAN", results="80")
    return employee


def write(period, employee, user, *, coach, follow_up_on=TODAY + timedelta(days=14)):
    return services.coaching_plan_create(
        period=period,
        employee=employee,
        goal="Capaian sesuai target.",
        actions="Dialog kinerja dua mingguan.",
        coach=coach,
        follow_up_on=follow_up_on,
        acting_user=user,
    )


def test_a_supervisor_writes_a_plan_with_the_reasons_and_the_employee_is_told(coachee, period, supervisor):
    plan = write(period, coachee, supervisor.user, coach=supervisor)
    assert plan.reason_lines == [
        "Predikat Butuh Perbaikan: Butuh Perbaikan atau lebih rendah",
        "R (capaian hasil kerja) 80,00",
    ]
    assert (plan.created_by, plan.coach, plan.is_done) == (supervisor.user, supervisor, False)
    notice = Notification.objects.get(recipient=coachee.user)
    assert notice.url == reverse("leaders:coaching-plan-detail", args=[plan.pk])


@pytest.mark.parametrize("persona", ["supervisor", "head", "hr_user"])
def test_both_supervisors_and_hr_may_write(coachee, period, supervisor, persona, request):
    found = request.getfixturevalue(persona)
    assert write(period, coachee, getattr(found, "user", found), coach=supervisor).pk


@pytest.mark.parametrize("persona", ["employee", "outsider"])
def test_the_employee_and_outsiders_may_not_write(coachee, period, supervisor, persona, request):
    with pytest.raises(PermissionDenied):
        write(period, coachee, request.getfixturevalue(persona).user, coach=supervisor)
    assert not CoachingPlan.objects.exists()


def test_it_refuses_someone_not_on_the_coaching_list(employee, period, supervisor):
    scored(employee, period=period, score="80", predikat="BAIK", results="70")
    with pytest.raises(ValidationError) as refusal:
        write(period, employee, supervisor.user, coach=supervisor)
    assert "tidak termasuk daftar pembinaan" in refusal.value.messages[0]


def test_the_follow_up_date_must_be_in_the_future(coachee, period, supervisor):
    with pytest.raises(ValidationError) as refusal:
        write(period, coachee, supervisor.user, coach=supervisor, follow_up_on=TODAY)
    assert refusal.value.message_dict == {"follow_up_on": ["Tanggal tindak lanjut harus setelah hari ini."]}
    assert not CoachingPlan.objects.exists()


def test_the_form_refuses_bad_input_in_indonesian_and_saves_nothing(client, coachee, period, supervisor):
    url = reverse("leaders:coaching-plan-create", args=[period.pk, coachee.pk])
    response = login(client, supervisor.user).post(
        url, {"goal": "", "actions": " ", "coach": "999999", "follow_up_on": "2026-05-15"}
    )
    assert response.status_code == 400
    for message in (
        "Tujuan pembinaan wajib diisi.",
        "Tindakan yang disepakati wajib diisi.",
        "Pilih pembina dari daftar.",
        "Tanggal tindak lanjut harus setelah hari ini.",
    ):
        assert message in response.text
    response = client.post(url, {"goal": "x", "actions": "y", "coach": supervisor.pk, "follow_up_on": "31-02-2026"})
    assert "Tanggal tidak dikenal; pilih tanggal dari kalender." in response.text
    assert not CoachingPlan.objects.exists()


def test_the_form_saves_a_plan_and_shows_it(client, coachee, period, supervisor):
    url = reverse("leaders:coaching-plan-create", args=[period.pk, coachee.pk])
    data = {"goal": "Naik ke Baik.", "actions": "Pendampingan.", "coach": supervisor.pk, "follow_up_on": "2026-06-01"}
    response = login(client, supervisor.user).post(url, data, follow=True)
    plan = CoachingPlan.objects.get()
    assert response.redirect_chain[-1][0] == reverse("leaders:coaching-plan-detail", args=[plan.pk])
    assert "Rencana pembinaan disimpan." in response.text
    assert login(client, coachee.user).get(reverse("leaders:my-recognition")).text.count("Naik ke Baik.") == 1


def test_a_follow_up_that_is_not_the_last_moves_the_date_on(coachee, period, supervisor):
    plan = CoachingPlanFactory(period=period, employee=coachee)
    services.coaching_follow_up(
        plan=plan,
        outcome="Ada kemajuan.",
        is_done=False,
        next_follow_up_on=TODAY + timedelta(days=30),
        acting_user=supervisor.user,
    )
    plan.refresh_from_db()
    assert (plan.follow_up_on, plan.is_done, plan.outcome) == (
        TODAY + timedelta(days=30),
        False,
        "15-05-2026: Ada kemajuan.",
    )
    services.coaching_follow_up(
        plan=plan, outcome="Target tercapai.", is_done=True, next_follow_up_on=None, acting_user=supervisor.user
    )
    plan.refresh_from_db()
    assert plan.is_done and plan.outcome.splitlines() == ["15-05-2026: Ada kemajuan.", "15-05-2026: Target tercapai."]
    with pytest.raises(ValidationError):
        services.coaching_follow_up(
            plan=plan, outcome="Lagi.", is_done=True, next_follow_up_on=None, acting_user=supervisor.user
        )


def test_the_follow_up_form_wants_a_next_date_unless_done(client, coachee, period, supervisor):
    plan = CoachingPlanFactory(period=period, employee=coachee)
    url = reverse("leaders:coaching-follow-up", args=[plan.pk])
    response = login(client, supervisor.user).post(url, {"outcome": "", "next_follow_up_on": ""})
    assert response.status_code == 400
    assert "Hasil tindak lanjut wajib diisi." in response.text
    assert "Pembinaan belum selesai: isi tanggal tindak lanjut berikutnya." in response.text
    plan.refresh_from_db()
    assert plan.outcome == "" and plan.followed_up_at is None


def test_the_employee_may_read_but_not_follow_up(client, coachee, period):
    plan = CoachingPlanFactory(period=period, employee=coachee)
    login(client, coachee.user)
    assert client.get(reverse("leaders:coaching-plan-detail", args=[plan.pk])).status_code == 200
    assert client.get(reverse("leaders:coaching-follow-up", args=[plan.pk])).status_code == 403
    assert (
        client.post(
            reverse("leaders:coaching-follow-up", args=[plan.pk]), {"outcome": "x", "is_done": "on"}
        ).status_code
        == 403
    )


def test_an_overdue_plan_is_marked_until_followed_up(coachee, period):
    plan = CoachingPlanFactory(period=period, employee=coachee, follow_up_on=TODAY - timedelta(days=1))
    assert plan.is_overdue(today=TODAY)
    assert not plan.is_overdue(today=TODAY - timedelta(days=1))
    plan.is_done = True
    assert not plan.is_overdue(today=TODAY)
    assert timezone.localdate() == TODAY


def test_the_team_page_lists_the_supervisors_people_to_coach(client, coachee, period, supervisor):
    response = login(client, supervisor.user).get(reverse("leaders:coaching-team"))
    assert response.status_code == 200
    assert f'data-testid="plan-{coachee.pk}"' in response.text
    assert "Predikat Butuh Perbaikan: Butuh Perbaikan atau lebih rendah" in response.text


def test_a_writer_without_an_employee_record_picks_a_coach_from_the_unit(client, coachee, period, supervisor):
    hr = UserFactory(username="hr2", is_superuser=True)
    response = login(client, hr).get(reverse("leaders:coaching-plan-create", args=[period.pk, coachee.pk]))
    choices = list(response.context["form"].fields["coach"].queryset)
    assert supervisor in choices and coachee not in choices
