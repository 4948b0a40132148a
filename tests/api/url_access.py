"""Access expectations for the ``api`` URLs (collected by ``tests/url_access.py``).

The data endpoints take an API client's token only: a browser session, HR's included, is refused with
401 like a missing token, so a logged-in page can never be used to read the API. Token access itself
is tested in ``tests/api/test_api.py``.
"""

from __future__ import annotations

from api.services import client_create
from tests.url_access import HR_ROLES, ROLES, Access, Refusal


def _client(personas):
    client, _token = client_create(name="Klien uji", unit=None, all_units=True, acting_user=personas.hr_user)
    return {"pk": client.pk}


URL_ACCESS = {
    "api:employee-list": Access(allowed=(), refusal=Refusal.TOKEN),
    "api:score-list": Access(allowed=(), refusal=Refusal.TOKEN),
    "api:ikm-list": Access(allowed=(), refusal=Refusal.TOKEN),
    # The description holds no data: whoever builds a tool may read it.
    "api:schema": Access(allowed=ROLES),
    "api:docs": Access(allowed=ROLES),
    # An empty POST re-renders the form with its errors (200) for HR.
    "api:client-list": Access(allowed=HR_ROLES, methods=("get", "post")),
    "api:client-revoke": Access(allowed=HR_ROLES, methods=("post",), kwargs=_client),
    "api:client-rate": Access(allowed=HR_ROLES, methods=("post",), kwargs=_client),
    "api:call-list": Access(allowed=HR_ROLES),
}
