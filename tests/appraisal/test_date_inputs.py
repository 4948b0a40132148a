"""Date inputs carry ISO dates in every language: ``<input type="date">`` rejects ``15-05-2026``."""

from __future__ import annotations

import re
from datetime import date

from django.urls import reverse
from django.utils import translation

from appraisal.forms.progress import ActivityForm
from appraisal.models import CoreValue
from surveys.forms.results import PeriodForm

from .factories import YEAR

ISO_TODAY = f'value="{YEAR}-05-15"'


def _date_inputs(page: str) -> list[str]:
    return re.findall(r'<input[^>]*type="date"[^>]*>', page)


def test_it_prefills_the_activity_date_in_iso_form_in_indonesian(client, employee, indicator):
    client.force_login(employee.user)
    page = client.get(reverse("appraisal:indicator-progress", args=[indicator.pk])).content.decode()
    assert ISO_TODAY in "".join(_date_inputs(page))


def test_it_prefills_the_feedback_date_in_iso_form_in_indonesian(client, approved_plan, supervisor):
    client.force_login(supervisor.user)
    page = client.get(reverse("appraisal:feedback-list", args=[approved_plan.pk])).content.decode()
    assert ISO_TODAY in "".join(_date_inputs(page))


def test_it_keeps_the_iso_value_when_a_bound_form_is_shown_again(client, approved_plan, supervisor):
    client.force_login(supervisor.user)
    value = CoreValue.objects.order_by("order").first()
    data = {"date": f"{YEAR}-05-10", "about": f"value-{value.pk}", "text": ""}
    page = client.post(reverse("appraisal:feedback-create", args=[approved_plan.pk]), data).content.decode()
    assert f'value="{YEAR}-05-10"' in "".join(_date_inputs(page))


def test_every_date_field_of_the_forms_renders_iso_in_indonesian(db):
    with translation.override("id"):
        activity = str(ActivityForm(initial={"date": date(YEAR, 11, 29)})["date"])
        surveys_start = str(PeriodForm(initial={"start": date(YEAR, 11, 29)})["start"])
    assert f'value="{YEAR}-11-29"' in activity
    assert f'value="{YEAR}-11-29"' in surveys_start
