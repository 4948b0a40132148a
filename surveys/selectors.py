"""Reads of survey results; the public entry points are ``unit_ikm``, ``employee_ikm`` and ``complaint_metrics``.

Sums and counts per element are additive, so the results read the stored daily tallies
(``ResponseTally``, ``OfficerTally``: docs/surveys.md, "Tallies") instead of the responses, and a
unit's subtree is rolled up from per-unit totals; the formula itself is ``ikm.compute_ikm`` (domain.md §2.2).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from itertools import islice

from django.conf import settings
from django.db import connection
from django.db.models import Avg, BooleanField, Count, ExpressionWrapper, F, Q, QuerySet, Sum
from django.db.models.functions import ExtractQuarter, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.numbers import round_half_up
from org.models import Employee, Unit, User
from org.selectors import unit_subtree_ids, unit_subtrees

from .access import managed_unit_ids
from .elements import ELEMENT_CODES, ELEMENTS
from .ikm import IkmResult, compute_ikm
from .models import OVERDUE, Complaint, OfficerTally, QrScanDay, Response, ResponseQuerySet, ResponseTally, Service
from .periods import QUARTER_BOUNDS, moments, quarter

# The sum and count of answers per element, read from the responses (training's per-unit groups).
ANSWER_AGGREGATES = {
    **{f"{code.lower()}_sum": Sum(code.lower()) for code in ELEMENT_CODES},
    **{f"{code.lower()}_n": Count(code.lower()) for code in ELEMENT_CODES},
}
# The same figures from the tallies, which already hold the answers of counted responses only.
TALLY_SUMS = {
    "n": Sum("responses"),
    **{f"{code.lower()}_{part}": Sum(f"{code.lower()}_{part}") for code in ELEMENT_CODES for part in ("sum", "n")},
}
COUNTED_TALLY_SUMS = {**TALLY_SUMS, "excluded": Sum("excluded")}
AGE_BANDS = [(15, 24, "15–24"), (25, 34, "25–34"), (35, 44, "35–44"), (45, 54, "45–54"), (55, 64, "55–64")]
AGE_BANDS += [(65, 200, "65+")]
PROFILE_CHOICES = ("gender", "education", "occupation")
NOT_STATED = _("Tidak diisi")
SECONDS_PER_HOUR = 3600
EMPTY_ROW = {"n": 0, "excluded": 0}
OFFICER_CHUNK = 1000


def _totals(row: dict) -> dict[str, tuple[int, int]]:
    return {code: (row.get(f"{code.lower()}_sum") or 0, row.get(f"{code.lower()}_n") or 0) for code in ELEMENT_CODES}


def _unit_ids(unit: Unit, *, include_subunits: bool) -> list[int]:
    return unit_subtree_ids(unit) if include_subunits else [unit.pk]


def responses_in(*, unit: Unit, start: date, end: date, include_subunits: bool = True) -> ResponseQuerySet:
    """All responses (excluded ones too) to a unit, optionally with its sub-units, on local dates start..end."""
    return Response.objects.filter(unit_id__in=_unit_ids(unit, include_subunits=include_subunits)).between(start, end)


def tallies_in(
    *, unit: Unit, start: date, end: date, include_subunits: bool = True, service: Service | None = None
) -> QuerySet[ResponseTally]:
    """The daily tallies of a unit, optionally with its sub-units and for one service, on local dates start..end."""
    tallies = ResponseTally.objects.filter(
        unit_id__in=_unit_ids(unit, include_subunits=include_subunits), day__range=(start, end)
    )
    return tallies.filter(service=service) if service else tallies


def officer_tallies_in(
    *, unit: Unit, start: date, end: date, include_subunits: bool = True, service: Service | None = None
) -> QuerySet[OfficerTally]:
    """The officers' daily tallies in the same scope as ``tallies_in``."""
    tallies = OfficerTally.objects.filter(
        unit_id__in=_unit_ids(unit, include_subunits=include_subunits), day__range=(start, end)
    )
    return tallies.filter(service=service) if service else tallies


def tallied_ikm(tallies: QuerySet) -> IkmResult:
    """The index of the tallied responses, with the excluded ones counted when the tallies hold them."""
    sums = COUNTED_TALLY_SUMS if tallies.model is ResponseTally else TALLY_SUMS
    row = tallies.aggregate(**sums)
    return compute_ikm(_totals(row), responses=row["n"] or 0, excluded=row.get("excluded") or 0)


def unit_ikm(
    *, unit: Unit, start: date, end: date, include_subunits: bool = True, service: Service | None = None
) -> IkmResult:
    """A unit's IKM for a period (domain.md §2.2); the selector later scores and indicators call."""
    return tallied_ikm(tallies_in(unit=unit, start=start, end=end, include_subunits=include_subunits, service=service))


def employee_ikm(*, employee: Employee, start: date, end: date) -> IkmResult:
    """The IKM of responses that named the employee (``?petugas=``). Callers compare ``responses``
    with ``settings.SKM_MIN_RESPONSES_PER_EMPLOYEE`` before using it (domain.md §7.2, §7.4)."""
    return tallied_ikm(OfficerTally.objects.filter(officer=employee, day__range=(start, end)))


def ikm_grouped(responses: ResponseQuerySet, key: str) -> list[tuple[object, IkmResult]]:
    """One IKM per value of ``key`` (a field or an annotation), in that value's order."""
    rows = responses.included().values(key).annotate(n=Count("pk"), **ANSWER_AGGREGATES).order_by(key)
    return [(row[key], compute_ikm(_totals(row), responses=row["n"])) for row in rows]


def tallied_ikm_grouped(tallies: QuerySet, key: str) -> list[tuple[object, IkmResult]]:
    """One IKM per value of ``key`` over tallies, in that value's order."""
    rows = tallies.values(key).annotate(**TALLY_SUMS).order_by(key)
    return [(row[key], compute_ikm(_totals(row), responses=row["n"])) for row in rows]


def ikm_by_service(tallies: QuerySet[ResponseTally]) -> list[tuple[Service | None, IkmResult]]:
    services = Service.objects.select_related("unit").in_bulk()
    return [(services.get(pk), result) for pk, result in tallied_ikm_grouped(tallies, "service")]


def officer_totals(officer_tallies: QuerySet[OfficerTally]) -> QuerySet:
    """Per named officer, by name: the response count and answer totals, grouped in the database.

    A large OPD has tens of thousands of officers; callers page through these rows and turn only
    the rows they show into results (``officer_results``).
    """
    return officer_tallies.values("officer").annotate(**TALLY_SUMS).order_by("officer__name", "officer")


def officer_results(rows: Iterable[dict]) -> Iterator[tuple[Employee, IkmResult]]:
    """Each officer's own IKM, computed only with enough responses (domain.md §7.2); else the count alone.

    Employees are read a thousand rows at a time, so an export of every officer stays bounded.
    """
    minimum = settings.SKM_MIN_RESPONSES_PER_EMPLOYEE
    rows = iter(rows)
    while chunk := list(islice(rows, OFFICER_CHUNK)):
        employees = Employee.objects.in_bulk([row["officer"] for row in chunk])
        for row in chunk:
            totals = _totals(row) if row["n"] >= minimum else {}
            yield employees[row["officer"]], compute_ikm(totals, responses=row["n"])


def ikm_by_month(tallies: QuerySet[ResponseTally]) -> list[tuple[date, IkmResult]]:
    return tallied_ikm_grouped(tallies.annotate(month=TruncMonth("day")), "month")


def ikm_by_quarter(*, unit: Unit, year: int, include_subunits: bool = True) -> list[tuple[str, IkmResult]]:
    """The four quarters of a year side by side, for comparison across periods (one grouped query)."""
    tallies = tallies_in(
        unit=unit, start=quarter(year, 1).start, end=quarter(year, 4).end, include_subunits=include_subunits
    )
    rows = {
        row["quarter"]: row
        for row in tallies.annotate(quarter=ExtractQuarter("day"))
        .values("quarter")
        .annotate(**COUNTED_TALLY_SUMS)
        .order_by("quarter")
    }
    return [
        (f"TW {number}", compute_ikm(_totals(row), responses=row["n"], excluded=row["excluded"]))
        for number in QUARTER_BOUNDS
        for row in [rows.get(number, EMPTY_ROW)]
    ]


def unit_comparison(*, units: list[Unit], start: date, end: date) -> list[tuple[Unit, IkmResult]]:
    """Each unit's IKM with its sub-units, from one grouped query rolled up over the unit tree."""
    subtrees = unit_subtrees(units)
    rows = {
        row["unit"]: row
        for row in ResponseTally.objects.filter(
            day__range=(start, end), unit_id__in=[pk for ids in subtrees.values() for pk in ids]
        )
        .values("unit")
        .annotate(**TALLY_SUMS)
        .order_by("unit")
    }
    return [(unit, _rolled_up(rows, subtrees[unit.pk])) for unit in units]


def _rolled_up(rows: dict[int, dict], unit_ids: list[int]) -> IkmResult:
    total: Counter = Counter()
    for unit_id in unit_ids:
        total.update({key: value or 0 for key, value in rows.get(unit_id, {}).items() if key != "unit"})
    return compute_ikm(_totals(total), responses=total["n"])


def comparison_units(user: User, *, root: Unit | None) -> list[Unit]:
    """The units to compare side by side: the children of ``root``, or the user's top units."""
    ids = managed_unit_ids(user)
    if root is not None:
        return list(root.children.filter(is_active=True).order_by("code"))
    units = Unit.objects.filter(is_active=True).order_by("code")
    if ids is None:
        return list(units.filter(parent__isnull=True))
    return [unit for unit in units.filter(pk__in=ids) if unit.parent_id not in ids]


@dataclass(frozen=True)
class Share:
    label: str
    count: int
    percent: Decimal


def _shares(counts: list[tuple[str, int]]) -> list[Share]:
    total = sum(count for _label, count in counts)
    return [Share(str(label), count, round_half_up(Fraction(100 * count, total or 1))) for label, count in counts]


PROFILE_SQL = "SELECT key, sum(value::int) FROM ({tallies}) AS t, jsonb_each_text(t.profile) GROUP BY key"


def profile_breakdown(tallies: QuerySet[ResponseTally]) -> dict[str, list[Share]]:
    """The respondent profile (domain.md §2.5) as counts and shares, blanks shown as "not stated".

    The tallies count the counted responses per ``field:value`` (age by year); one query sums them.
    """
    sql, params = tallies.values("profile").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(PROFILE_SQL.format(tallies=sql), params)
        counts = dict(cursor.fetchall())
    categories = {name: _choice_categories(name) for name in PROFILE_CHOICES}
    ages = {int(key[4:]): count for key, count in counts.items() if key.startswith("age:") and key != "age:"}
    return {
        **{
            _field_label(name): _shares(
                [(label, count) for label, value in rows if (count := counts.get(f"{name}:{value}", 0))]
            )
            for name, rows in categories.items()
        },
        _field_label("age"): _shares(
            [
                (label, count)
                for low, high, label in AGE_BANDS
                if (count := sum(n for age, n in ages.items() if low <= age <= high))
            ]
            + ([(NOT_STATED, counts["age:"])] if counts.get("age:") else [])
        ),
    }


def _field_label(name: str) -> str:
    return str(Response._meta.get_field(name).verbose_name)


def _choice_categories(name: str) -> list[tuple[str, str]]:
    """A choice field's labels and values in their order, then the blank answer as "not stated"."""
    labels = dict(Response._meta.get_field(name).choices)
    return [(label, value) for value, label in labels.items() if value] + [(NOT_STATED, "")]


@dataclass(frozen=True)
class QrFunnel:
    scans: int
    qr_submissions: int
    submissions: int

    @property
    def conversion(self) -> Decimal | None:
        return round_half_up(Fraction(100 * self.qr_submissions, self.scans)) if self.scans else None


def qr_funnel(*, unit: Unit, start: date, end: date, include_subunits: bool = True) -> QrFunnel:
    """QR scans (counted per day) against the responses that came through a QR code."""
    ids = _unit_ids(unit, include_subunits=include_subunits)
    scans = QrScanDay.objects.filter(unit_id__in=ids, day__range=(start, end)).aggregate(s=Sum("count"))["s"]
    tallies = tallies_in(unit=unit, start=start, end=end, include_subunits=include_subunits)
    counts = tallies.aggregate(qr=Sum("qr"), counted=Sum("responses"), excluded=Sum("excluded"))
    return QrFunnel(scans or 0, counts["qr"] or 0, (counts["counted"] or 0) + (counts["excluded"] or 0))


@dataclass(frozen=True)
class ComplaintMetrics:
    """Complaint handling of a unit in a period: a service metric indicators can use (e.g. "answered in 3 days")."""

    received: int
    answered: int
    answered_within: int
    resolved: int
    within_days: int
    mean_hours_to_first_response: Decimal | None
    mean_hours_to_resolution: Decimal | None

    @property
    def open(self) -> int:
        return self.received - self.resolved

    @property
    def answered_within_percent(self) -> Decimal | None:
        """Share of the complaints received that were answered within the deadline (unanswered count as late)."""
        return round_half_up(Fraction(100 * self.answered_within, self.received)) if self.received else None


def complaint_metrics(
    *, unit: Unit, start: date, end: date, include_subunits: bool = True, within_days: int | None = None
) -> ComplaintMetrics:
    """Times to first response and to resolution for complaints received on local dates start..end."""
    days = within_days if within_days is not None else settings.SKM_COMPLAINT_RESPONSE_DAYS
    since, until = moments(start, end)
    complaints = Complaint.objects.filter(
        unit_id__in=_unit_ids(unit, include_subunits=include_subunits), submitted_at__gte=since, submitted_at__lt=until
    )
    row = complaints.aggregate(
        received=Count("pk"),
        answered=Count("first_response_at"),
        resolved=Count("resolved_at"),
        to_first=Avg(F("first_response_at") - F("submitted_at")),
        to_resolution=Avg(F("resolved_at") - F("submitted_at")),
    )
    within = complaints.filter(first_response_at__lte=F("submitted_at") + timedelta(days=days)).count()
    return ComplaintMetrics(
        received=row["received"],
        answered=row["answered"],
        answered_within=within,
        resolved=row["resolved"],
        within_days=days,
        mean_hours_to_first_response=_hours(row["to_first"]),
        mean_hours_to_resolution=_hours(row["to_resolution"]),
    )


def _hours(duration: timedelta | None) -> Decimal | None:
    if duration is None:
        return None
    return round_half_up(Fraction(duration // timedelta(microseconds=1), SECONDS_PER_HOUR * 1_000_000))


def complaints_visible_to(
    user: User, *, unit: Unit | None = None, status: str = "", at: datetime | None = None
) -> QuerySet[Complaint]:
    """HR sees every complaint; a unit head those of their subtree (without contacts, see ``access``).

    Optionally only ``unit`` and its sub-units, and only one ``status`` or the overdue ones
    (``OVERDUE``). Each row carries ``overdue``: unanswered past the response target at ``at``.
    """
    now = at or timezone.now()
    deadline = now - timedelta(days=settings.SKM_COMPLAINT_RESPONSE_DAYS)
    late = Q(first_response_at__isnull=True, submitted_at__lt=deadline)
    complaints = Complaint.objects.select_related("unit", "service").annotate(
        overdue=ExpressionWrapper(late, output_field=BooleanField())
    )
    ids = managed_unit_ids(user)
    if ids is not None:
        complaints = complaints.filter(unit_id__in=ids)
    if unit is not None:
        complaints = complaints.filter(unit_id__in=unit_subtree_ids(unit))
    if status == OVERDUE:
        return complaints.overdue(at=now)
    return complaints.filter(status=status) if status else complaints


def complaint_units_visible_to(user: User) -> QuerySet[Unit]:
    """The units a user may filter the complaint list by: all for HR, their subtree for a head."""
    ids = managed_unit_ids(user)
    units = Unit.objects.filter(is_active=True).order_by("code")
    return units if ids is None else units.filter(pk__in=ids)


def element_names() -> dict[str, str]:
    return {code: str(element.name) for code, element in ELEMENTS.items()}
