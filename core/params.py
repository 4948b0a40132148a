"""One way to read numbers from a request: a clean value, or a 400 for hostile input.

``str.isdigit()`` says yes to "²" and "٣", which ``int()`` then refuses with a 500. Views read their
numeric parameters here instead. A NUL byte never gets this far (``core.middleware``).
"""

from __future__ import annotations

import re

from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest

# At most nine digits: every such number fits a PostgreSQL integer.
ASCII_NUMBER = re.compile(r"[0-9]{1,9}")


class BadParameter(SuspiciousOperation):
    """A query-string parameter no page of the app could have sent; Django answers 400."""


def parse_int(value: str) -> int | None:
    """The non-negative number written in ASCII digits, else ``None``."""
    return int(value) if ASCII_NUMBER.fullmatch(value) else None


def int_param(request: HttpRequest, name: str, *, default: int | None = None) -> int | None:
    """The query parameter as a number, ``default`` when it is missing or empty, else a 400."""
    value = request.GET.get(name, "")
    if not value:
        return default
    number = parse_int(value)
    if number is None:
        raise BadParameter(f"Query parameter {name!r} is not a number")
    return number
