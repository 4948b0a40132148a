"""Evaluation services: opening, self-assessment, rating, the derived predikat, required feedback, approval."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from appraisal.models import BehaviourRating, Evaluation, RatingChange
from appraisal.services import evaluations as services
from notifications.models import Notification

from .conftest import rate
from .factories import open_evaluation, rating_input

S = Evaluation.Status


def test_it_opens_an_evaluation_with_a_row_per_value_and_work_result(evaluation, employee):
    assert evaluation.status == S.SELF_ASSESSMENT
    assert evaluation.checkpoint == 4  # the annual evaluation uses the last quarter
    assert evaluation.behaviour_ratings.count() == 7
    assert evaluation.result_assessments.count() == 1
    assert Notification.objects.filter(recipient=employee.user, title__contains="Penilaian diri").exists()


def test_it_refuses_to_open_before_the_plan_is_approved(plan):
    with pytest.raises(ValidationError, match="setelah SKP disetujui"):
        open_evaluation(plan)


def test_it_refuses_to_open_the_same_evaluation_twice(approved_plan):
    open_evaluation(approved_plan, kind="PERIODIC", checkpoint=1)
    open_evaluation(approved_plan, kind="PERIODIC", checkpoint=2)
    with pytest.raises(ValidationError, match="sudah dibuka"):
        open_evaluation(approved_plan, kind="PERIODIC", checkpoint=1)


def test_it_refuses_a_checkpoint_outside_the_period(approved_plan):
    with pytest.raises(ValidationError):
        open_evaluation(approved_plan, kind="PERIODIC", checkpoint=9)


def test_it_lets_only_the_assessor_open(approved_plan, head, employee):
    for user in (head.user, employee.user):
        with pytest.raises(PermissionDenied):
            services.evaluation_open(plan=approved_plan, kind="ANNUAL", checkpoint=None, acting_user=user)


def test_it_stores_the_self_assessment_and_hands_it_over(evaluation, employee, supervisor):
    value = evaluation.behaviour_ratings.first().value
    result = evaluation.result_assessments.get().work_result
    services.evaluation_self_assess(
        evaluation=evaluation,
        version=evaluation.version,
        results={result.pk: " Target tercapai "},
        values={value.pk: "Saya melayani dengan ramah"},
        action_plan="Ikut pelatihan layanan prima",
        acting_user=employee.user,
    )
    done = services.evaluation_self_submit(evaluation=evaluation, acting_user=employee.user)
    assert done.status == S.RATING and done.self_submitted_at
    assert done.result_assessments.get().self_assessment == "Target tercapai"
    assert BehaviourRating.objects.get(evaluation=done, value=value).self_assessment == "Saya melayani dengan ramah"
    assert Notification.objects.filter(recipient=supervisor.user, title__contains="Penilaian diri dikirim").exists()


def test_it_closes_the_self_assessment_once_rating_starts(evaluation, employee, supervisor):
    started = services.evaluation_start(evaluation=evaluation, acting_user=supervisor.user)
    with pytest.raises(ValidationError, match="sebelum pejabat penilai mulai menilai"):
        services.evaluation_self_assess(
            evaluation=started, version=started.version, results={}, values={}, action_plan="x",
            acting_user=employee.user,
        )  # fmt: skip


def test_it_derives_the_predikat_and_never_takes_it_from_input(evaluation):
    rated = rate(evaluation, work="DI_ATAS_EKSPEKTASI", behaviour="SESUAI_EKSPEKTASI")
    assert rated.predikat == "BAIK"  # example A
    rated = rate(rated, work="DI_BAWAH_EKSPEKTASI", behaviour="DI_BAWAH_EKSPEKTASI", strengths="a", improvements="b")
    assert Evaluation.objects.get(pk=rated.pk).predikat == "SANGAT_KURANG"  # example D


def test_it_keeps_every_rating_change_in_the_history(evaluation, supervisor):
    rated = rate(evaluation, work="SESUAI_EKSPEKTASI", behaviour="SESUAI_EKSPEKTASI")
    rate(rated, work="DI_ATAS_EKSPEKTASI", behaviour="SESUAI_EKSPEKTASI")
    work = RatingChange.objects.filter(evaluation=evaluation, field="WORK").order_by("pk")
    assert [(c.old, c.new) for c in work] == [("", "SESUAI_EKSPEKTASI"), ("SESUAI_EKSPEKTASI", "DI_ATAS_EKSPEKTASI")]
    assert all(c.actor == supervisor.user for c in work)
    assert RatingChange.objects.filter(evaluation=evaluation, field="VALUE").count() == 7  # only the first save
    assert RatingChange.objects.filter(evaluation=evaluation, field="PREDIKAT").count() == 1  # Baik both times


def test_it_refuses_the_second_of_two_concurrent_saves(evaluation, supervisor):
    services.evaluation_start(evaluation=evaluation, acting_user=supervisor.user)
    opened = Evaluation.objects.get(pk=evaluation.pk)  # two browser tabs read the same version
    first = services.evaluation_rate(
        evaluation=opened, version=opened.version, ratings=rating_input(work="DI_ATAS_EKSPEKTASI"),
        acting_user=supervisor.user,
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        services.evaluation_rate(
            evaluation=opened, version=opened.version, ratings=rating_input(work="DI_BAWAH_EKSPEKTASI"),
            acting_user=supervisor.user,
        )  # fmt: skip
    assert refused.value.code == "stale"
    assert "Atasan" in refused.value.messages[0]  # says who changed it
    assert Evaluation.objects.get(pk=evaluation.pk).work_rating == first.work_rating == "DI_ATAS_EKSPEKTASI"


def test_it_refuses_an_unknown_rating(evaluation):
    with pytest.raises(ValidationError):
        rate(evaluation, work="LUAR_BIASA")


def test_it_requires_every_rating_before_submitting(evaluation, supervisor):
    started = services.evaluation_start(evaluation=evaluation, acting_user=supervisor.user)
    with pytest.raises(ValidationError, match="Pilih rating"):
        services.evaluation_submit(evaluation=started, acting_user=supervisor.user)


@pytest.mark.parametrize(
    "ratings",
    [
        {"work": "DI_BAWAH_EKSPEKTASI"},
        {"behaviour": "DI_BAWAH_EKSPEKTASI"},
        {"value": "DI_BAWAH_EKSPEKTASI"},
    ],
)
def test_it_requires_strengths_and_improvements_when_a_rating_is_below(evaluation, supervisor, ratings):
    rated = rate(evaluation, strengths="Teliti", **ratings)
    with pytest.raises(ValidationError, match="kekuatan dan hal yang perlu ditingkatkan"):
        services.evaluation_submit(evaluation=rated, acting_user=supervisor.user)
    rated = rate(rated, strengths="Teliti", improvements="Ketepatan waktu", **ratings)
    assert services.evaluation_submit(evaluation=rated, acting_user=supervisor.user).status == S.SUBMITTED


def test_it_does_not_require_feedback_when_nothing_is_below(evaluation, supervisor):
    rated = rate(evaluation)
    assert services.evaluation_submit(evaluation=rated, acting_user=supervisor.user).status == S.SUBMITTED


def test_it_stores_the_achievement_and_asks_the_superior_to_approve(submitted, head):
    assert submitted.status == S.SUBMITTED
    assert submitted.achievement is not None
    assert Notification.objects.filter(recipient=head.user, title__contains="menunggu persetujuan").exists()


def test_it_sends_the_approved_result_and_opens_the_objection_window(sent, employee, head):
    assert sent.status == S.SENT and sent.approved_by == head.user and sent.sent_at
    assert str(sent.objection_deadline()) == "2026-05-29"  # 15 May + 14 days
    note = Notification.objects.get(recipient=employee.user, title__contains="disampaikan")
    assert "29 Mei 2026" in note.body_text()


def test_it_returns_to_the_assessor_with_a_reason(submitted, head, supervisor):
    with pytest.raises(ValidationError):
        services.evaluation_return(evaluation=submitted, reason=" ", acting_user=head.user)
    back = services.evaluation_return(evaluation=submitted, reason="Perilaku perlu ditinjau", acting_user=head.user)
    assert back.status == S.RATING
    assert back.logs.first().reason == "Perilaku perlu ditinjau"
    assert Notification.objects.filter(recipient=supervisor.user, note="Perilaku perlu ditinjau").exists()


def test_it_sends_a_periodic_evaluation_straight_to_the_employee(approved_plan, supervisor, employee):
    periodic = rate(open_evaluation(approved_plan, kind="PERIODIC", checkpoint=1))
    sent = services.evaluation_submit(evaluation=periodic, acting_user=supervisor.user)
    assert sent.status == S.SENT and sent.objection_deadline() is None
    assert Notification.objects.filter(recipient=employee.user, title__contains="disampaikan").exists()


def test_it_sends_an_annual_result_without_a_superior_directly(approved_plan, supervisor):
    approved_plan.assessor_superior = None
    approved_plan.save()
    rated = rate(open_evaluation(approved_plan))
    assert services.evaluation_submit(evaluation=rated, acting_user=supervisor.user).status == S.SENT


def test_it_refuses_changes_in_a_closed_period(evaluation, supervisor):
    evaluation.plan.period.status = "CLOSED"
    evaluation.plan.period.save()
    with pytest.raises(ValidationError, match="sudah ditutup"):
        services.evaluation_start(evaluation=evaluation, acting_user=supervisor.user)


def test_it_writes_a_log_row_for_every_step(sent):
    actions = list(sent.logs.order_by("pk").values_list("action", flat=True))
    assert actions == ["OPEN", "START", "SUBMIT", "APPROVE"]
