"""Continuous feedback, private notes, expectations, development actions and anonymised peer input."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from appraisal.models import CoreValue, DevelopmentAction, PeerAnswer
from appraisal.selectors import peer_summary
from appraisal.services import feedback as services
from appraisal.services.evaluations import evaluation_start
from notifications.models import Notification
from tests.factories import EmployeeFactory, UserFactory

from .conftest import rate


def note(plan, user, *, private=False, day=date(2026, 5, 2), text="Layanan cepat", **about):
    about = about or {"value": CoreValue.objects.get(code="BERORIENTASI_PELAYANAN")}
    return services.feedback_note_add(
        plan=plan, day=day, work_result=about.get("work_result"), value=about.get("value"), text=text,
        is_private=private, evidence=None, acting_user=user,
    )  # fmt: skip


def test_it_records_a_dated_note_and_tells_the_employee(approved_plan, supervisor, employee):
    created = note(approved_plan, supervisor.user, work_result=approved_plan.work_results.get())
    assert created.date == date(2026, 5, 2) and created.author == supervisor.user
    assert Notification.objects.filter(recipient=employee.user, note="Layanan cepat").exists()


def test_it_keeps_private_notes_from_the_employee_and_the_head(
    client, approved_plan, supervisor, employee, head, hr_user
):
    note(approved_plan, supervisor.user, text="Terbuka untuk pegawai")
    note(approved_plan, supervisor.user, private=True, text="Catatan rahasia atasan")
    assert not Notification.objects.filter(note="Catatan rahasia atasan").exists()
    url = reverse("appraisal:feedback-list", args=[approved_plan.pk])
    for user, sees_private in [(employee.user, False), (head.user, False), (supervisor.user, True), (hr_user, True)]:
        client.force_login(user)
        html = client.get(url).content.decode()
        assert "Terbuka untuk pegawai" in html
        assert ("Catatan rahasia atasan" in html) is sees_private
        assert ("Catatan pribadi · hanya pejabat penilai dan BKPSDM" in html) is sees_private


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"day": date(2026, 6, 1)}, "masa depan"),
        ({"day": date(2025, 12, 31)}, "masa depan"),
    ],
)
def test_it_refuses_a_note_dated_outside_the_period_or_in_the_future(approved_plan, supervisor, kwargs, message):
    with pytest.raises(ValidationError, match=message):
        note(approved_plan, supervisor.user, **kwargs)


def test_it_refuses_a_note_about_two_things_or_none(approved_plan, supervisor):
    value = CoreValue.objects.first()
    for about in ({"work_result": approved_plan.work_results.get(), "value": value}, {"work_result": None}):
        with pytest.raises(ValidationError, match="Pilih satu"):
            note(approved_plan, supervisor.user, **about)


@pytest.mark.parametrize("role", ["employee", "head"])
def test_it_lets_only_the_assessor_write_notes(request, approved_plan, role):
    with pytest.raises(PermissionDenied):
        note(approved_plan, request.getfixturevalue(role).user)


def test_it_adds_a_note_through_the_page(client, approved_plan, supervisor):
    client.force_login(supervisor.user)
    wr = approved_plan.work_results.get()
    data = {"date": "2026-05-10", "about": f"result-{wr.pk}", "text": "Target triwulan tercapai", "is_private": "on"}
    assert client.post(reverse("appraisal:feedback-create", args=[approved_plan.pk]), data).status_code == 302
    assert approved_plan.feedback_notes.get().is_private


def test_it_saves_the_leaders_expectations_and_shows_them_on_the_rating_form(client, evaluation, supervisor):
    value = CoreValue.objects.get(code="AKUNTABEL")
    client.force_login(supervisor.user)
    url = reverse("appraisal:plan-expectations", args=[evaluation.plan_id])
    assert client.post(url, {f"value_{value.pk}": "Laporan keuangan tanpa temuan"}).status_code == 302
    evaluation_start(evaluation=evaluation, acting_user=supervisor.user)
    html = client.get(reverse("appraisal:evaluation-rate", args=[evaluation.pk])).content.decode()
    assert "Laporan keuangan tanpa temuan" in html


def test_it_stores_development_actions_as_rows_until_submission(evaluation, supervisor):
    value = CoreValue.objects.get(code="KOMPETEN")
    action = services.development_action_add(
        evaluation=evaluation, kind="PELATIHAN", description="Pelatihan analisis data", value=value,
        work_result=None, acting_user=supervisor.user,
    )  # fmt: skip
    assert DevelopmentAction.objects.get().value == value and action.created_by == supervisor.user
    from appraisal.services.evaluations import evaluation_submit

    evaluation_submit(evaluation=rate(evaluation), acting_user=supervisor.user)
    with pytest.raises(ValidationError, match="sebelum evaluasi diajukan"):
        services.development_action_delete(action=action, acting_user=supervisor.user)


@pytest.fixture
def colleagues(unit, supervisor):
    return [
        EmployeeFactory(name=f"Rekan {n}", position=supervisor.position, supervisor=supervisor,
                        user=UserFactory(username=f"rekan{n}"))
        for n in range(3)
    ]  # fmt: skip


def answer(request, peer, score: int, comment: str = ""):
    scores = dict.fromkeys(CoreValue.objects.values_list("pk", flat=True), score)
    return services.peer_answer(request=request, scores=scores, comment=comment, acting_user=peer.user)


def test_it_refuses_to_invite_someone_who_is_not_a_colleague(evaluation, supervisor, outsider, employee):
    for person in (outsider, employee, supervisor):
        with pytest.raises(ValidationError):
            services.peer_invite(evaluation=evaluation, peer=person, acting_user=supervisor.user)


def test_it_shows_peer_answers_only_anonymised_and_from_the_minimum(client, evaluation, supervisor, colleagues):
    requests = [services.peer_invite(evaluation=evaluation, peer=p, acting_user=supervisor.user) for p in colleagues]
    assert Notification.objects.filter(recipient=colleagues[0].user, title__contains="masukan rekan").exists()
    answer(requests[0], colleagues[0], 4, "Sangat membantu tim")
    assert not peer_summary(evaluation).shown  # one answer would reveal who said it
    answer(requests[1], colleagues[1], 3, "Kadang terlambat")
    summary = peer_summary(evaluation)
    assert summary.shown and summary.answered == 2
    assert set(summary.means.values()) == {3.5}
    assert summary.comments == ["Kadang terlambat", "Sangat membantu tim"]
    evaluation_start(evaluation=evaluation, acting_user=supervisor.user)
    client.force_login(supervisor.user)
    html = client.get(reverse("appraisal:evaluation-rate", args=[evaluation.pk])).content.decode()
    assert "Sangat membantu tim" in html and "3,50" in html


def test_it_takes_a_peer_answer_once_and_only_from_the_peer(client, evaluation, supervisor, colleagues, employee):
    request = services.peer_invite(evaluation=evaluation, peer=colleagues[0], acting_user=supervisor.user)
    with pytest.raises(PermissionDenied):
        answer(request, colleagues[1], 3)
    answer(request, colleagues[0], 2)
    with pytest.raises(ValidationError, match="sudah terkirim"):
        answer(request, colleagues[0], 4)
    assert PeerAnswer.objects.count() == 7
    for user in (employee.user, supervisor.user, colleagues[1].user):
        client.force_login(user)
        assert client.get(reverse("appraisal:peer-answer", args=[request.pk])).status_code == 404


def test_it_requires_a_score_for_every_value(evaluation, supervisor, colleagues):
    request = services.peer_invite(evaluation=evaluation, peer=colleagues[0], acting_user=supervisor.user)
    with pytest.raises(ValidationError, match="ketujuh nilai"):
        services.peer_answer(request=request, scores={}, comment="", acting_user=colleagues[0].user)
