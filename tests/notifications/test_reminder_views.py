"""HR's reminder schedule page and a person's notification settings: saving, bad input, nothing half-saved."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from notifications.models import ReminderPreference, ReminderSchedule, SentReminder
from tests.conftest import login
from tests.factories import UserFactory
from tests.notifications.url_access import schedule_data
from tests.queries import counts_at_two_sizes

pytestmark = pytest.mark.django_db
SCHEDULE = reverse("notifications:reminder-schedule")
SETTINGS = reverse("notifications:preference-edit")


def test_hr_sees_every_kind_with_its_defaults(client, hr_user):
    response = login(client, hr_user).get(SCHEDULE)
    assert response.status_code == 200
    for label in ("Batas penetapan SKP", "Keberatan menunggu putusan", "JP di bawah 20 setahun"):
        assert label in response.text
    assert 'name="jp_below_minimum-lead_days"' in response.text and 'type="hidden"' in response.text


def test_hr_saves_the_schedule_and_the_beat_follows(client, hr_user):
    data = schedule_data(**{"complaints_near_target-hour": "13", "complaints_near_target-interval": "WEEKLY"})
    del data["objections_pending-enabled"]
    response = login(client, hr_user).post(SCHEDULE, data, follow=True)
    assert "Jadwal pengingat disimpan." in response.text
    complaints = ReminderSchedule.objects.get(kind="complaints_near_target")
    assert (complaints.hour, complaints.interval, complaints.updated_by) == (13, "WEEKLY", hr_user)
    assert PeriodicTask.objects.get(name="Pengingat complaints_near_target").crontab.hour == "13"
    assert PeriodicTask.objects.get(name="Pengingat objections_pending").enabled is False


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("plan_deadline-hour", "24", "Jam kirim harus bilangan bulat 0 sampai 23 (WIB)."),
        ("plan_deadline-hour", "-1", "Jam kirim harus bilangan bulat 0 sampai 23 (WIB)."),
        ("plan_deadline-hour", "", "Jam kirim harus bilangan bulat 0 sampai 23 (WIB)."),
        ("evaluations_due-lead_days", "61", "Jumlah hari harus bilangan bulat 0 sampai 60."),
        ("evaluations_due-lead_days", "tujuh", "Isi dengan bilangan bulat."),
        ("plan_deadline-interval", "HOURLY", "HOURLY bukan salah satu dari pilihan yang tersedia."),
    ],
)
def test_bad_input_says_why_and_saves_nothing(client, hr_user, field, value, message):
    data = schedule_data(**{"complaints_near_target-hour": "13", field: value})
    response = login(client, hr_user).post(SCHEDULE, data)
    assert response.status_code == 400
    assert message in response.text
    assert "Jadwal belum disimpan: periksa isian yang ditandai." in response.text
    assert 'value="13"' in response.text  # what HR typed stays
    assert not ReminderSchedule.objects.exists()
    assert not PeriodicTask.objects.filter(name__startswith="Pengingat").exists()


def test_a_kind_without_a_deadline_keeps_its_days_whatever_is_posted(client, hr_user):
    login(client, hr_user).post(SCHEDULE, schedule_data(**{"objections_pending-lead_days": "99"}))
    assert ReminderSchedule.objects.get(kind="objections_pending").lead_days == 7


def test_a_person_switches_to_the_weekly_digest(client, employee):
    login(client, employee.user)
    assert "Segera, satu e-mail per pengingat" in client.get(SETTINGS).text
    response = client.post(SETTINGS, {"delivery": "WEEKLY"}, follow=True)
    assert "Pengaturan notifikasi disimpan." in response.text
    assert ReminderPreference.objects.get(user=employee.user).delivery == "WEEKLY"


def test_a_bad_choice_is_refused_and_nothing_saved(client, employee):
    response = login(client, employee.user).post(SETTINGS, {"delivery": "HOURLY"})
    assert response.status_code == 400
    assert "HOURLY bukan salah satu dari pilihan yang tersedia." in response.text
    assert not ReminderPreference.objects.exists()


def test_each_person_changes_only_their_own_setting(client, employee, supervisor):
    ReminderPreference.objects.create(user=supervisor.user, delivery="WEEKLY")
    login(client, employee.user).post(SETTINGS, {"delivery": "IMMEDIATE"})
    assert ReminderPreference.objects.get(user=supervisor.user).delivery == "WEEKLY"
    assert ReminderPreference.objects.get(user=employee.user).delivery == "IMMEDIATE"


def test_hr_sees_what_each_kind_sent_and_who_changed_it(client, hr_user, employee):
    SentReminder.objects.create(
        kind="plan_deadline", item="x", recipient=employee.user, bucket="b", sent_at=timezone.now()
    )
    login(client, hr_user).post(SCHEDULE, schedule_data(**{"plan_deadline-hour": "8"}))
    response = client.get(SCHEDULE)
    assert "1 pengingat terkirim dalam 7 hari terakhir" in response.text
    assert "Belum ada pengingat terkirim dalam 7 hari terakhir." in response.text  # the other kinds
    assert "Jadwal diubah oleh hr" in response.text


def test_the_schedule_page_costs_the_same_queries_at_two_sizes(client, hr_user):
    people = []

    def grow(size: int) -> None:
        while len(people) < size:
            person = UserFactory()
            for kind in ("plan_deadline", "jp_below_minimum"):
                SentReminder.objects.create(kind=kind, item="x", recipient=person, bucket="b", sent_at=timezone.now())
            people.append(person)

    login(client, hr_user).post(SCHEDULE, schedule_data())
    small, large = counts_at_two_sizes(client, SCHEDULE, grow)
    assert small == large
