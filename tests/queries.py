"""Query counts of a page, to show that they do not grow with the data (issue 13: pages at Pemda scale)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext


def page_queries(client, url: str, params: dict | None = None) -> int:
    """The number of SQL statements one GET of a page runs; it must answer 200."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200, response.status_code
    return len(queries)


def counts_at_two_sizes(client, url: str, grow, params: dict | None = None) -> tuple[int, int]:
    """Query counts of ``url`` after ``grow(3)`` and again after ``grow(30)`` (grow adds up to that size).

    A warm-up request first, so a cache filled on the first visit does not count as growth.
    """
    grow(3)
    client.get(url, params or {})
    small = page_queries(client, url, params)
    grow(30)
    return small, page_queries(client, url, params)


def statements(run) -> int:
    """The number of SQL statements ``run()`` executes."""
    with CaptureQueriesContext(connection) as queries:
        run()
    return len(queries)
