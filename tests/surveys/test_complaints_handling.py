"""Complaint handling for staff: the overdue flag, the unit filter, and the citizen e-mailed on a reply."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from core.models import OutboxJob
from surveys.models import OVERDUE, Complaint, ComplaintReply
from surveys.selectors import complaints_visible_to
from surveys.services import complaint_reply, complaint_reply_email_send
from surveys.tasks import complaint_reply_email_send as email_task
from tests.surveys.factories import ComplaintFactory

NOW = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)
LIST = reverse("surveys:complaint-list")


def _complaint(unit, *, days_ago: float, answered: bool = False, **fields) -> Complaint:
    submitted = NOW - timedelta(days=days_ago)
    answer = {"first_response_at": submitted + timedelta(hours=5), "status": "DIJAWAB"} if answered else {}
    return ComplaintFactory(unit=unit, submitted_at=submitted, **answer, **fields)


@time_machine.travel(NOW, tick=False)
def test_an_unanswered_complaint_past_the_target_is_overdue(unit):
    late = _complaint(unit, days_ago=3.5)
    assert late.is_overdue(at=NOW)
    assert not _complaint(unit, days_ago=2.5).is_overdue(at=NOW)
    assert not _complaint(unit, days_ago=10, answered=True).is_overdue(at=NOW)
    assert list(Complaint.objects.overdue(at=NOW)) == [late]


@time_machine.travel(NOW, tick=False)
def test_the_list_marks_and_filters_the_overdue_ones(client, hr_user, unit):
    late = _complaint(unit, days_ago=4)
    _complaint(unit, days_ago=1)
    client.force_login(hr_user)
    page = client.get(LIST)
    assert "Target tanggapan pertama: 3 hari setelah pengaduan diterima." in page.content.decode()
    rows = page.content.decode().split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert [late.reference.upper() in row for row in rows if 'data-testid="overdue"' in row] == [True]
    only_late = client.get(LIST, {"status": OVERDUE})
    assert [c.pk for c in only_late.context["page"].object_list] == [late.pk]


@time_machine.travel(NOW, tick=False)
def test_the_detail_page_says_when_the_answer_was_due(client, unit_head, unit):
    late = _complaint(unit, days_ago=4)
    client.force_login(unit_head.user)
    html = client.get(reverse("surveys:complaint-detail", args=[late.pk])).content.decode()
    assert 'data-testid="overdue"' in html
    assert "paling lambat 9 Mar 2026 10:00" in html  # three days after it arrived, Jakarta time


def test_the_list_filters_by_unit_with_its_subunits(client, hr_user, unit, subunit, other_unit):
    in_subunit = ComplaintFactory(unit=subunit)
    in_unit = ComplaintFactory(unit=unit)
    ComplaintFactory(unit=other_unit)
    client.force_login(hr_user)
    shown = client.get(LIST, {"unit": unit.pk}).context["page"].object_list
    assert {c.pk for c in shown} == {in_unit.pk, in_subunit.pk}
    assert [c.pk for c in client.get(LIST, {"unit": subunit.pk}).context["page"].object_list] == [in_subunit.pk]


def test_a_head_cannot_filter_by_a_unit_outside_their_subtree(client, unit_head, unit, other_unit):
    ComplaintFactory(unit=other_unit)
    mine = ComplaintFactory(unit=unit)
    client.force_login(unit_head.user)
    page = client.get(LIST, {"unit": other_unit.pk})
    assert page.status_code == 200
    assert [c.pk for c in page.context["page"].object_list] == [mine.pk]
    assert "Filter tidak dikenal diabaikan" in page.content.decode()
    assert other_unit.name not in page.content.decode()


@pytest.mark.parametrize("params", [{"unit": "abc"}, {"unit": "99999999999999999999"}, {"status": "<x>"}])
def test_hostile_filters_are_ignored_with_a_message(client, hr_user, unit, params):
    ComplaintFactory(unit=unit)
    client.force_login(hr_user)
    page = client.get(LIST, params)
    assert page.status_code == 200
    assert page.context["page"].paginator.count == 1
    assert "Filter tidak dikenal diabaikan" in page.content.decode()


def test_the_selector_combines_unit_and_state(hr_user, unit, other_unit):
    ComplaintFactory(unit=unit, status="DIJAWAB", first_response_at=NOW)
    wanted = ComplaintFactory(unit=unit)
    ComplaintFactory(unit=other_unit)
    assert list(complaints_visible_to(hr_user, unit=unit, status="BARU")) == [wanted]


# --- The citizen is told by e-mail -------------------------------------------------------------


@pytest.fixture
def eager(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True


def _reply(complaint, head, django_capture_on_commit_callbacks) -> ComplaintReply:
    with django_capture_on_commit_callbacks(execute=True):
        return complaint_reply(
            complaint=complaint, body="Loket kini buka 08.00.", resolves=False, acting_user=head.user
        )


def test_the_complaint_form_says_an_email_brings_the_reply(client, unit):
    html = client.get(reverse("surveys:complaint-form", args=[unit.code])).content.decode()
    assert "kami memberi tahu Anda lewat e-mail saat unit menanggapi" in html


def test_a_reply_is_emailed_to_a_consenting_citizen(unit_head, unit, eager, django_capture_on_commit_callbacks):
    complaint = ComplaintFactory(unit=unit, contact="warga@example.com", consent_version="2024-1")
    reply = _reply(complaint, unit_head, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.to == ["warga@example.com"]
    assert complaint.reference.upper() in message.subject
    assert "Loket kini buka 08.00." in message.body
    assert f"/survei/lacak/{complaint.reference}/" in message.body
    reply.refresh_from_db()
    assert reply.emailed_at is not None


@pytest.mark.parametrize("contact", ["", "0812 3456 7890"])
def test_no_email_without_an_email_address(unit_head, unit, eager, django_capture_on_commit_callbacks, contact):
    complaint = ComplaintFactory(unit=unit, contact=contact, consent_version="2024-1" if contact else "")
    _reply(complaint, unit_head, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_no_email_without_stored_consent(unit_head, unit):
    complaint = ComplaintFactory(unit=unit, contact="", consent_version="")
    complaint.contact = "warga@example.com"  # as if the consent were missing: never sent
    reply = ComplaintReply.objects.create(complaint=complaint, body="Ya.", author=unit_head.user)
    assert complaint.reply_email() == ""
    assert complaint_reply_email_send(reply=reply) is False
    assert mail.outbox == []


def test_the_email_goes_once_even_if_the_task_runs_twice(unit_head, unit, eager):
    complaint = ComplaintFactory(unit=unit, contact="warga@example.com", consent_version="2024-1")
    reply = ComplaintReply.objects.create(complaint=complaint, body="Sudah.", author=unit_head.user)
    email_task.delay(reply.pk)
    email_task.delay(reply.pk)
    assert len(mail.outbox) == 1


def test_a_failed_send_releases_the_reply_for_a_retry(unit_head, unit, monkeypatch):
    complaint = ComplaintFactory(unit=unit, contact="warga@example.com", consent_version="2024-1")
    reply = ComplaintReply.objects.create(complaint=complaint, body="Sudah.", author=unit_head.user)

    def refused(**kwargs):
        raise ConnectionError("mail server down")

    monkeypatch.setattr("surveys.services.send_mail", refused)
    with pytest.raises(ConnectionError):
        complaint_reply_email_send(reply=reply)
    reply.refresh_from_db()
    assert reply.emailed_at is None


def test_the_reply_is_stored_when_the_broker_is_down(
    client, unit_head, unit, broker_down, django_capture_on_commit_callbacks
):
    complaint = ComplaintFactory(unit=unit, contact="warga@example.com", consent_version="2024-1")
    client.force_login(unit_head.user)
    url = reverse("surveys:complaint-reply", args=[complaint.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"body": "Sudah kami perbaiki."})
    assert response.status_code == 302
    assert ComplaintReply.objects.get().emailed_at is None
    assert broker_down == []  # the request never asked the broker
    job = OutboxJob.objects.pending().get()
    assert (job.task, job.args) == (email_task.name, [ComplaintReply.objects.get().pk])
    assert "diberi tahu lewat e-mail" in client.get(response["Location"]).content.decode()


def test_page_links_keep_the_unit_and_state_filter(client, monkeypatch, hr_user, unit):
    monkeypatch.setattr("surveys.views.complaints.COMPLAINTS_PER_PAGE", 1)
    _complaint(unit, days_ago=1)
    _complaint(unit, days_ago=2)
    client.force_login(hr_user)
    first = client.get(LIST, {"unit": unit.pk, "status": "BARU"})
    assert first.context["page"].paginator.num_pages == 2
    assert f"?unit={unit.pk}&amp;status=BARU&amp;page=2" in first.content.decode()
    second = client.get(LIST, {"unit": unit.pk, "status": "BARU", "page": 2})
    assert f"?unit={unit.pk}&amp;status=BARU&amp;page=1" in second.content.decode()
