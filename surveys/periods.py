"""Calendar periods for survey results: a year, a quarter of it, or a date range (domain.md §2: the
agency chooses how often it runs the survey, so the page lets the reader choose)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.formats import date_format

QUARTER_BOUNDS = {1: ((1, 1), (3, 31)), 2: ((4, 1), (6, 30)), 3: ((7, 1), (9, 30)), 4: ((10, 1), (12, 31))}


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def label(self) -> str:
        return f"{date_format(self.start, 'j M Y')} – {date_format(self.end, 'j M Y')}"


def quarter(year: int, number: int) -> Period:
    (first_month, first_day), (last_month, last_day) = QUARTER_BOUNDS[number]
    return Period(date(year, first_month, first_day), date(year, last_month, last_day))


def whole_year(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31))


def moments(start: date, end: date) -> tuple[datetime, datetime]:
    """Local dates start..end (inclusive) as an aware [from, to) range, so indexes on timestamps apply."""
    return (
        timezone.make_aware(datetime.combine(start, time.min)),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min)),
    )
