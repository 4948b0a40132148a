"""The rating page keeps what the official typed (issue point 15) and explains an empty peer list (16).

The development and peer panels answer htmx with themselves alone, so the rating form around them is
never reloaded; a plain POST still works and goes back to the form. The rating form keeps a draft in
the browser (``static/js/form-draft.js``) for an expired form or a reload; the browser journey in
``test_journey_supervisor.py`` checks that in Chromium.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from appraisal.forms.feedback import ALL_INVITED, NO_COLLEAGUE
from appraisal.models import DevelopmentAction, PeerRequest
from appraisal.services.evaluations import evaluation_start
from org.models import Employee
from tests.factories import EmployeeFactory, UserFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def rating(evaluation, supervisor):
    return evaluation_start(evaluation=evaluation, acting_user=supervisor.user)


def _add(client, evaluation, **extra):
    data = {"kind": "PELATIHAN", "description": "Pelatihan analisis data"}
    return client.post(reverse("appraisal:developmentaction-create", args=[evaluation.pk]), data, **extra)


def test_it_adds_a_development_item_and_answers_htmx_with_the_panel_alone(client, rating, supervisor):
    client.force_login(supervisor.user)
    response = _add(client, rating, **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="development-panel"' in page and "Pelatihan analisis data" in page
    assert "rating-form" not in page and "<html" not in page
    assert DevelopmentAction.objects.filter(evaluation=rating).count() == 1


def test_it_keeps_a_refused_development_item_in_its_form(client, rating, supervisor):
    client.force_login(supervisor.user)
    data = {"kind": "", "description": "Magang di dinas lain"}
    response = client.post(reverse("appraisal:developmentaction-create", args=[rating.pk]), data, **HTMX)
    page = response.content.decode()
    assert "Pilih bentuk dan isi uraian rencana pengembangan." in page
    assert "Magang di dinas lain" in page
    assert not DevelopmentAction.objects.exists()


def test_it_deletes_a_development_item_within_the_panel(client, rating, supervisor):
    client.force_login(supervisor.user)
    _add(client, rating)
    action = DevelopmentAction.objects.get()
    response = client.post(reverse("appraisal:developmentaction-delete", args=[action.pk]), **HTMX)
    assert response.status_code == 200 and 'id="development-panel"' in response.content.decode()
    assert not DevelopmentAction.objects.exists()


def test_a_plain_post_still_goes_back_to_the_rating_form(client, rating, supervisor):
    client.force_login(supervisor.user)
    response = _add(client, rating)
    assert response.status_code == 302
    assert response.url == reverse("appraisal:evaluation-rate", args=[rating.pk])


def test_the_rating_page_posts_panels_with_htmx_and_keeps_a_draft(client, rating, supervisor):
    client.force_login(supervisor.user)
    page = client.get(reverse("appraisal:evaluation-rate", args=[rating.pk])).content.decode()
    assert f'hx-post="{reverse("appraisal:developmentaction-create", args=[rating.pk])}"' in page
    assert f'hx-post="{reverse("appraisal:peer-invite", args=[rating.pk])}"' in page
    assert f'data-draft-key="evaluation-{rating.pk}"' in page
    assert "js/form-draft.js" in page
    assert " onsubmit=" not in page and "<script>" not in page


def test_a_refused_rating_save_keeps_the_browser_draft(client, rating, supervisor):
    client.force_login(supervisor.user)
    data = {"version": rating.version + 5, "strengths": "Teliti dan cepat"}
    response = client.post(reverse("appraisal:evaluation-rate", args=[rating.pk]), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "data-draft-keep" in page and "Teliti dan cepat" in page


def test_it_explains_why_nobody_can_be_invited(client, rating, supervisor, head):
    Employee.objects.filter(pk=head.pk).update(status=Employee.Status.PENSIUN)  # the unit's only other person
    client.force_login(supervisor.user)
    page = client.get(reverse("appraisal:evaluation-rate", args=[rating.pk])).content.decode()
    assert str(NO_COLLEAGUE) in page
    assert 'name="peer"' not in page


def test_it_says_when_every_colleague_is_already_invited(client, rating, supervisor, head):
    Employee.objects.filter(pk=head.pk).update(status=Employee.Status.PENSIUN)
    colleague = EmployeeFactory(
        name="Rekan", position=supervisor.position, supervisor=supervisor, user=UserFactory(username="rekan")
    )
    client.force_login(supervisor.user)
    response = client.post(reverse("appraisal:peer-invite", args=[rating.pk]), {"peer": colleague.pk}, **HTMX)
    page = response.content.decode()
    assert PeerRequest.objects.filter(evaluation=rating, peer=colleague).exists()
    assert str(ALL_INVITED) in page and 'id="peer-panel"' in page


def test_it_refuses_an_outsider_and_a_reader_on_the_panels(client, rating, outsider, head):
    client.force_login(outsider.user)
    assert _add(client, rating, **HTMX).status_code == 404
    client.force_login(head.user)
    assert _add(client, rating, **HTMX).status_code == 403
    assert not DevelopmentAction.objects.exists()
