"""Access expectations for the ``notifications`` URLs (collected by ``tests/url_access.py``)."""

from __future__ import annotations

from notifications.reminders import registered
from tests.notifications.factories import NotificationFactory
from tests.url_access import EMPLOYEE, HR_ROLES, LOGGED_IN, Access


def schedule_data(personas=None, **changes) -> dict[str, str]:
    """A valid POST of HR's reminder schedule page: every kind on, daily at 07:00, 7 days ahead."""
    data = {}
    for kind in registered():
        data |= {f"{kind.code}-enabled": "on", f"{kind.code}-interval": "DAILY", f"{kind.code}-hour": "7"}
        data[f"{kind.code}-lead_days"] = "7"
    return data | changes


URL_ACCESS = {
    "notifications:notification-list": Access(allowed=LOGGED_IN),
    # Only the recipient may open a notification; everyone else gets 404.
    "notifications:notification-open": Access(
        allowed={EMPLOYEE},
        outsiders=LOGGED_IN - {EMPLOYEE},
        methods=("post",),
        kwargs=lambda personas: {"pk": NotificationFactory(recipient=personas.employee.user).pk},
    ),
    "notifications:notification-mark-all-read": Access(allowed=LOGGED_IN, methods=("post",)),
    # Everyone chooses how their own reminders arrive; only HR sets when reminders go out.
    "notifications:preference-edit": Access(
        allowed=LOGGED_IN, methods=("get", "post"), data=lambda personas: {"delivery": "WEEKLY"}
    ),
    "notifications:reminder-schedule": Access(allowed=HR_ROLES, methods=("get", "post"), data=schedule_data),
}
