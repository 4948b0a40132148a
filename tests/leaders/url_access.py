"""Access expectations for the ``leaders`` URLs (collected by ``tests/url_access.py``)."""

from __future__ import annotations

from tests.url_access import Access

URL_ACCESS: dict[str, Access] = {}
