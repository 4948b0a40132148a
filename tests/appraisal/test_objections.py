"""Objections: filed within the window (§7.4) by the employee, decided by the Atasan Pejabat Penilai."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from appraisal.models import Evaluation, Objection, RatingChange
from appraisal.services import evaluations as evaluation_services
from appraisal.services.objections import objection_decide, objection_file
from notifications.models import Notification

from .conftest import rate
from .factories import YEAR, open_evaluation


def file(evaluation, user, reason="Capaian saya 110%, bukti dukung terlampir"):
    return objection_file(evaluation=evaluation, reason=reason, acting_user=user)


def test_it_files_an_objection_and_tells_the_superior(sent, employee, head):
    objection = file(sent, employee.user)
    assert Evaluation.objects.get(pk=sent.pk).status == "OBJECTED"
    assert (objection.old_work_rating, objection.old_predikat) == ("SESUAI_EKSPEKTASI", "BAIK")
    assert Notification.objects.filter(recipient=head.user, title__contains="Keberatan").exists()


def test_it_accepts_an_objection_on_the_last_day_of_the_window(sent, employee):
    with time_machine.travel(datetime(YEAR, 5, 29, 16, 0, tzinfo=UTC), tick=False):  # 29 May 23:00 WIB
        assert file(sent, employee.user).pk


@pytest.mark.parametrize("moment", [datetime(YEAR, 5, 29, 17, 0, tzinfo=UTC), datetime(YEAR, 7, 1, tzinfo=UTC)])
def test_it_refuses_an_objection_after_the_window(sent, employee, moment):
    with time_machine.travel(moment, tick=False), pytest.raises(ValidationError) as refused:  # 30 May 00:00 WIB
        file(sent, employee.user)
    assert refused.value.code == "window_closed"
    assert not Objection.objects.exists()


def test_it_reads_the_window_from_the_settings(sent, employee, settings):
    settings.APPRAISAL_OBJECTION_DAYS = 3
    with time_machine.travel(datetime(YEAR, 5, 19, 3, 0, tzinfo=UTC), tick=False), pytest.raises(ValidationError):
        file(sent, employee.user)


def test_it_refuses_an_objection_before_the_result_is_sent(submitted, employee):
    with pytest.raises(ValidationError, match="tidak dapat dilakukan"):
        file(submitted, employee.user)


def test_it_refuses_an_objection_against_a_periodic_evaluation(approved_plan, supervisor, employee):
    periodic = rate(open_evaluation(approved_plan, kind="PERIODIC", checkpoint=1))
    sent = evaluation_services.evaluation_submit(evaluation=periodic, acting_user=supervisor.user)
    with pytest.raises(ValidationError, match="evaluasi tahunan"):
        file(sent, employee.user)


def test_it_requires_reasons(sent, employee):
    with pytest.raises(ValidationError):
        file(sent, employee.user, reason="  ")


@pytest.mark.parametrize("role", ["supervisor", "head", "hr_user"])
def test_it_lets_only_the_employee_object(request, sent, role):
    persona = request.getfixturevalue(role)
    with pytest.raises(PermissionDenied):
        file(sent, getattr(persona, "user", persona))


def test_it_refuses_a_second_objection(sent, employee, head):
    objection = file(sent, employee.user)
    objection_decide(
        objection=objection, upheld=False, reason="Bukti tidak mendukung", work_rating="", behaviour_rating="",
        acting_user=head.user,
    )  # fmt: skip
    with pytest.raises(ValidationError):
        file(sent, employee.user)


def test_it_upholds_with_a_changed_rating_and_derives_the_predikat_again(sent, employee, head, supervisor):
    objection = file(sent, employee.user)
    decided = objection_decide(
        objection=objection, upheld=True, reason="Capaian terbukti di atas target",
        work_rating="DI_ATAS_EKSPEKTASI", behaviour_rating="DI_ATAS_EKSPEKTASI", acting_user=head.user,
    )  # fmt: skip
    evaluation = Evaluation.objects.get(pk=sent.pk)
    assert (evaluation.status, evaluation.predikat) == ("DECIDED", "SANGAT_BAIK")
    assert (decided.status, decided.old_predikat, decided.new_predikat) == ("UPHELD", "BAIK", "SANGAT_BAIK")
    changes = RatingChange.objects.filter(evaluation=evaluation, context="OBJECTION", actor=head.user)
    assert set(changes.values_list("field", flat=True)) == {"WORK", "BEHAVIOUR", "PREDIKAT"}
    assert Notification.objects.filter(recipient=employee.user, note="Capaian terbukti di atas target").exists()
    assert Notification.objects.filter(recipient=supervisor.user, title__contains="diputus").exists()


def test_it_refuses_to_uphold_without_changing_a_rating(sent, employee, head):
    objection = file(sent, employee.user)
    with pytest.raises(ValidationError, match="ubah minimal satu rating"):
        objection_decide(
            objection=objection, upheld=True, reason="Diterima", work_rating="SESUAI_EKSPEKTASI",
            behaviour_rating="SESUAI_EKSPEKTASI", acting_user=head.user,
        )  # fmt: skip


def test_it_rejects_with_reasons_and_keeps_the_ratings(sent, employee, head):
    objection = file(sent, employee.user)
    decided = objection_decide(
        objection=objection, upheld=False, reason="Bukti tidak mendukung", work_rating="DI_ATAS_EKSPEKTASI",
        behaviour_rating="DI_ATAS_EKSPEKTASI", acting_user=head.user,
    )  # fmt: skip
    evaluation = Evaluation.objects.get(pk=sent.pk)
    assert (decided.status, evaluation.predikat, evaluation.work_rating) == ("REJECTED", "BAIK", "SESUAI_EKSPEKTASI")
    assert decided.decision_reason == "Bukti tidak mendukung"


@pytest.mark.parametrize("role", ["employee", "supervisor", "hr_user"])
def test_it_lets_only_the_superior_decide(request, sent, employee, role):
    objection = file(sent, employee.user)
    persona = request.getfixturevalue(role)
    with pytest.raises(PermissionDenied):
        objection_decide(
            objection=objection, upheld=False, reason="x", work_rating="", behaviour_rating="",
            acting_user=getattr(persona, "user", persona),
        )  # fmt: skip


def test_it_shows_the_objection_and_the_decision_to_the_employee(client, sent, employee, head):
    objection = file(sent, employee.user, reason="Mohon ditinjau ulang")
    objection_decide(
        objection=objection, upheld=False, reason="Sesuai bukti dukung", work_rating="", behaviour_rating="",
        acting_user=head.user,
    )  # fmt: skip
    client.force_login(employee.user)
    page = client.get(reverse("appraisal:evaluation-detail", args=[sent.pk])).content.decode()
    assert "Mohon ditinjau ulang" in page and "Sesuai bukti dukung" in page and "Ditolak" in page


def test_it_lets_the_employee_object_through_the_page_and_refuses_after_the_window(client, sent, employee):
    url = reverse("appraisal:objection-create", args=[sent.pk])
    with time_machine.travel(datetime(YEAR, 6, 15, tzinfo=UTC), tick=False):
        client.force_login(employee.user)  # a session from May would have expired by June
        page = client.post(url, {"reason": "Terlambat"}, follow=True).content.decode()
    client.force_login(employee.user)
    assert "sudah lewat" in page and not Objection.objects.exists()
    client.post(url, {"reason": "Tepat waktu"})
    assert Objection.objects.get().reason == "Tepat waktu"
