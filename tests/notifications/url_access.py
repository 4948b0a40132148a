"""Access expectations for the ``notifications`` URLs (collected by ``tests/url_access.py``)."""

from __future__ import annotations

from tests.notifications.factories import NotificationFactory
from tests.url_access import EMPLOYEE, LOGGED_IN, Access

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
}
