"""A user's own notifications: list, open (mark read and follow a local link), mark all read."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from notifications.views import NOTIFICATIONS_PER_PAGE
from tests.notifications.factories import NotificationFactory

LIST_URL = reverse("notifications:notification-list")
READ_AT = datetime(2025, 1, 1, tzinfo=UTC)


def _open_url(notification) -> str:
    return reverse("notifications:notification-open", args=[notification.pk])


def test_it_lists_only_the_users_own_notifications(client, employee, outsider):
    mine = NotificationFactory(recipient=employee.user, title="Untuk saya")
    NotificationFactory(recipient=outsider.user, title="Untuk orang lain")
    client.force_login(employee.user)
    response = client.get(LIST_URL)
    assert list(response.context["page"].object_list) == [mine]
    assert "Untuk orang lain" not in response.content.decode()


def test_it_paginates_the_list(client, employee):
    NotificationFactory.create_batch(NOTIFICATIONS_PER_PAGE + 1, recipient=employee.user)
    client.force_login(employee.user)
    assert client.get(LIST_URL).context["page"].paginator.num_pages == 2
    assert len(client.get(LIST_URL, {"page": 2}).context["page"].object_list) == 1


def test_it_shows_the_unread_count_in_the_navbar(client, employee):
    NotificationFactory.create_batch(3, recipient=employee.user)
    NotificationFactory(recipient=employee.user, read_at=READ_AT)
    client.force_login(employee.user)
    content = client.get(reverse("home")).content.decode()
    assert 'data-testid="unread-count">3<' in content


def test_it_shows_an_empty_state(client, employee):
    client.force_login(employee.user)
    content = client.get(LIST_URL).content.decode()
    assert "Belum ada notifikasi." in content
    assert 'data-testid="unread-count"' not in content


def test_it_marks_read_and_follows_a_local_link(client, employee):
    notification = NotificationFactory(recipient=employee.user, url="/org/pegawai/1/")
    client.force_login(employee.user)
    response = client.post(_open_url(notification))
    assert response["Location"] == "/org/pegawai/1/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_it_keeps_the_first_read_time(client, employee):
    notification = NotificationFactory(recipient=employee.user, read_at=READ_AT)
    client.force_login(employee.user)
    client.post(_open_url(notification))
    notification.refresh_from_db()
    assert notification.read_at == READ_AT


@pytest.mark.parametrize(
    "url", ["https://evil.example/x", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"]
)
def test_it_never_redirects_off_site(client, employee, url):
    notification = NotificationFactory(recipient=employee.user, url=url)
    client.force_login(employee.user)
    assert client.post(_open_url(notification))["Location"] == LIST_URL


def test_it_returns_404_for_another_users_notification(client, employee, outsider):
    notification = NotificationFactory(recipient=outsider.user)
    client.force_login(employee.user)
    assert client.post(_open_url(notification)).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_it_opens_only_on_post(client, employee):
    notification = NotificationFactory(recipient=employee.user)
    client.force_login(employee.user)
    assert client.get(_open_url(notification)).status_code == 405


def test_it_sends_anonymous_visitors_to_login(client, employee):
    notification = NotificationFactory(recipient=employee.user)
    assert client.get(LIST_URL)["Location"].startswith(reverse("login"))
    assert client.post(_open_url(notification))["Location"].startswith(reverse("login"))


def test_it_marks_all_of_the_users_own_notifications_read(client, employee, outsider):
    NotificationFactory.create_batch(2, recipient=employee.user)
    other = NotificationFactory(recipient=outsider.user)
    client.force_login(employee.user)
    response = client.post(reverse("notifications:notification-mark-all-read"))
    assert response["Location"] == LIST_URL
    assert not employee.user.notifications.unread().exists()
    assert outsider.user.notifications.unread().get() == other
