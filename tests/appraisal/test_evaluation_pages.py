"""The evaluation pages: what each role sees, the rating form, concurrency and history through the views."""

from __future__ import annotations

import pytest
from django.urls import reverse

from appraisal.models import Evaluation, RatingChange
from appraisal.services.evaluations import evaluation_start

from .conftest import rate
from .factories import RealisationFactory


def page(client, user, url_name, pk, **params):
    client.force_login(user)
    response = client.get(reverse(f"appraisal:{url_name}", args=[pk]), params)
    assert response.status_code == 200
    return response.content.decode()


def test_it_hides_ratings_from_the_employee_until_the_result_is_sent(client, submitted, employee, supervisor):
    mine = page(client, employee.user, "evaluation-detail", submitted.pk)
    assert 'data-testid="not-released"' in mine and 'data-testid="predikat"' not in mine
    theirs = page(client, supervisor.user, "evaluation-detail", submitted.pk)
    assert 'data-testid="predikat"' in theirs


def test_it_shows_the_result_and_the_objection_form_once_sent(client, sent, employee):
    mine = page(client, employee.user, "evaluation-detail", sent.pk)
    assert ">Baik<" in mine and 'action="/kinerja/evaluasi/' in mine and "29 Mei 2026" in mine


def test_it_refuses_the_employee_the_pdf_before_the_result_is_sent(client, submitted, employee):
    client.force_login(employee.user)
    assert client.get(reverse("appraisal:evaluation-pdf", args=[submitted.pk])).status_code == 403


def test_it_shows_achievement_hint_guides_and_self_assessment_beside_the_ratings(
    client, evaluation, supervisor, indicator
):
    RealisationFactory(indicator=indicator, checkpoint=4, value=60)  # 60 of 50: capped at 120
    row = evaluation.result_assessments.get()
    row.self_assessment = "Semua berkas selesai tepat waktu"
    row.save()
    evaluation_start(evaluation=evaluation, acting_user=supervisor.user)
    html = page(client, supervisor.user, "evaluation-rate", evaluation.pk)
    assert "120,00" in html and "Di Atas Ekspektasi" in html.split('data-testid="hint"')[1][:300]
    assert "Semua berkas selesai tepat waktu" in html
    assert "Ramah, cekatan, solutif, dan dapat diandalkan" in html  # a behavioural guide
    assert Evaluation.objects.get(pk=evaluation.pk).work_rating == ""  # the hint never sets the rating


def test_it_saves_ratings_through_the_form_and_derives_the_predikat(client, evaluation, supervisor):
    started = evaluation_start(evaluation=evaluation, acting_user=supervisor.user)
    client.force_login(supervisor.user)
    data = {"version": started.version, "work_rating": "DI_ATAS_EKSPEKTASI", "behaviour_rating": "DI_ATAS_EKSPEKTASI",
            "predikat": "SANGAT_KURANG"}  # fmt: skip
    response = client.post(reverse("appraisal:evaluation-rate", args=[evaluation.pk]), data)
    assert response.status_code == 302
    assert Evaluation.objects.get(pk=evaluation.pk).predikat == "SANGAT_BAIK"  # typed predikat is ignored


def test_it_refuses_a_stale_form_with_a_clear_message(client, evaluation, supervisor):
    started = evaluation_start(evaluation=evaluation, acting_user=supervisor.user)
    client.force_login(supervisor.user)
    url = reverse("appraisal:evaluation-rate", args=[evaluation.pk])
    client.post(url, {"version": started.version, "work_rating": "SESUAI_EKSPEKTASI"})
    response = client.post(url, {"version": started.version, "work_rating": "DI_BAWAH_EKSPEKTASI"})
    assert response.status_code == 400
    assert "tidak disimpan agar tidak menimpa perubahan itu" in response.content.decode()
    assert Evaluation.objects.get(pk=evaluation.pk).work_rating == "SESUAI_EKSPEKTASI"


def test_it_explains_missing_feedback_when_submitting(client, evaluation, supervisor):
    rated = rate(evaluation, work="DI_BAWAH_EKSPEKTASI")
    client.force_login(supervisor.user)
    response = client.post(reverse("appraisal:evaluation-submit", args=[rated.pk]), follow=True)
    assert "isi kekuatan dan hal yang perlu ditingkatkan" in response.content.decode()
    assert Evaluation.objects.get(pk=rated.pk).status == "RATING"


def test_it_saves_the_self_assessment_through_the_form(client, evaluation, employee):
    value = evaluation.behaviour_ratings.first()
    data = {"version": evaluation.version, "action_plan": "Belajar Excel", f"value_{value.value_id}": "Saya disiplin"}
    html = page(client, employee.user, "evaluation-self", evaluation.pk)
    assert value.value.guides[0] in html
    assert client.post(reverse("appraisal:evaluation-self", args=[evaluation.pk]), data).status_code == 302
    value.refresh_from_db()
    assert value.self_assessment == "Saya disiplin"


def test_it_shows_hr_every_rating_change(client, sent, hr_user, supervisor):
    html = page(client, hr_user, "evaluation-history", sent.pk)
    assert RatingChange.objects.filter(evaluation=sent).count() >= 10
    assert "Rating hasil kerja" in html and "Sesuai Ekspektasi" in html and "Atasan" in html


def test_it_refuses_the_history_to_everyone_but_hr(client, sent, supervisor, head, employee):
    for person in (supervisor, head, employee):
        client.force_login(person.user)
        assert client.get(reverse("appraisal:evaluation-history", args=[sent.pk])).status_code == 403


def test_it_opens_an_evaluation_from_the_plan_page(client, approved_plan, supervisor):
    html = page(client, supervisor.user, "plan-detail", approved_plan.pk)
    assert 'data-testid="plan-evaluations"' in html and "Buka evaluasi" in html
    response = client.post(reverse("appraisal:evaluation-create", args=[approved_plan.pk]), {"kind": "ANNUAL"})
    evaluation = Evaluation.objects.get()
    assert response.url == reverse("appraisal:evaluation-detail", args=[evaluation.pk])


def test_it_lists_what_each_person_must_do(client, submitted, employee, head):
    client.force_login(head.user)
    html = client.get(reverse("appraisal:evaluation-list")).content.decode()
    assert "Menunggu tindakan Anda" in html and "Pegawai" in html
    client.force_login(employee.user)
    assert "Evaluasi tahunan 2026" in client.get(reverse("appraisal:evaluation-list")).content.decode()


@pytest.mark.parametrize("url_name", ["evaluation-pdf", "plan-pdf"])
def test_it_renders_the_documents_as_pdf(client, sent, head, url_name):
    client.force_login(head.user)
    pk = sent.pk if url_name == "evaluation-pdf" else sent.plan_id
    response = client.get(reverse(f"appraisal:{url_name}", args=[pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
