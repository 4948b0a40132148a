"""Reads of survey results; the public entry points are ``unit_ikm``, ``employee_ikm`` and ``complaint_metrics``.

Sums and counts per element are additive, so the database does the grouping and a unit's
subtree is rolled up from per-unit totals; the formula itself is ``ikm.compute_ikm`` (domain.md §2.2).
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
from .models import OVERDUE, Complaint, QrScanDay, Response, ResponseQuerySet, Service
from .periods import QUARTER_BOUNDS, moments, quarter

INCLUDED = Q(excluded_at__isnull=True)


def _answer_aggregates(condition: Q | None = None) -> dict:
    """The sum and count of answers per element, optionally over the rows meeting ``condition`` only."""
    return {
        **{f"{code.lower()}_sum": Sum(code.lower(), filter=condition) for code in ELEMENT_CODES},
        **{f"{code.lower()}_n": Count(code.lower(), filter=condition) for code in ELEMENT_CODES},
    }


ANSWER_AGGREGATES = _answer_aggregates()
# The index's inputs and the number of excluded responses, from one read of the responses.
COUNTED_AGGREGATES = {
    "n": Count("pk", filter=INCLUDED),
    "excluded": Count("pk", filter=~INCLUDED),
    **_answer_aggregates(INCLUDED),
}
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


def ikm_of(responses: ResponseQuerySet) -> IkmResult:
    """The index of the responses that are not excluded; the excluded ones are only counted (one scan)."""
    row = responses.aggregate(**COUNTED_AGGREGATES)
    return compute_ikm(_totals(row), responses=row["n"], excluded=row["excluded"])


def unit_ikm(
    *, unit: Unit, start: date, end: date, include_subunits: bool = True, service: Service | None = None
) -> IkmResult:
    """A unit's IKM for a period (domain.md §2.2); the selector later scores and indicators call."""
    responses = responses_in(unit=unit, start=start, end=end, include_subunits=include_subunits)
    return ikm_of(responses.filter(service=service) if service else responses)


def employee_ikm(*, employee: Employee, start: date, end: date) -> IkmResult:
    """The IKM of responses that named the employee (``?petugas=``). Callers compare ``responses``
    with ``settings.SKM_MIN_RESPONSES_PER_EMPLOYEE`` before using it (domain.md §7.2, §7.4)."""
    return ikm_of(Response.objects.filter(officer=employee).between(start, end))


def ikm_grouped(responses: ResponseQuerySet, key: str) -> list[tuple[object, IkmResult]]:
    """One IKM per value of ``key`` (a field or an annotation), in that value's order."""
    rows = responses.included().values(key).annotate(n=Count("pk"), **ANSWER_AGGREGATES).order_by(key)
    return [(row[key], compute_ikm(_totals(row), responses=row["n"])) for row in rows]


def ikm_by_service(responses: ResponseQuerySet) -> list[tuple[Service | None, IkmResult]]:
    services = Service.objects.select_related("unit").in_bulk()
    return [(services.get(pk), result) for pk, result in ikm_grouped(responses, "service")]


def officer_totals(responses: ResponseQuerySet) -> QuerySet:
    """Per named officer, by name: the response count and answer totals, grouped in the database.

    A large OPD has tens of thousands of officers; callers page through these rows and turn only
    the rows they show into results (``officer_results``).
    """
    return (
        responses.included()
        .filter(officer__isnull=False)
        .values("officer")
        .annotate(n=Count("pk"), **ANSWER_AGGREGATES)
        .order_by("officer__name", "officer")
    )


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


def ikm_by_month(responses: ResponseQuerySet) -> list[tuple[date, IkmResult]]:
    return ikm_grouped(responses.annotate(month=TruncMonth("submitted_at")), "month")


def ikm_by_quarter(*, unit: Unit, year: int, include_subunits: bool = True) -> list[tuple[str, IkmResult]]:
    """The four quarters of a year side by side, for comparison across periods (one grouped query)."""
    responses = responses_in(
        unit=unit, start=quarter(year, 1).start, end=quarter(year, 4).end, include_subunits=include_subunits
    )
    rows = {
        row["quarter"]: row
        for row in responses.annotate(quarter=ExtractQuarter("submitted_at"))
        .values("quarter")
        .annotate(**COUNTED_AGGREGATES)
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
        for row in Response.objects.included()
        .between(start, end)
        .filter(unit_id__in=[pk for ids in subtrees.values() for pk in ids])
        .values("unit")
        .annotate(n=Count("pk"), **ANSWER_AGGREGATES)
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


def profile_breakdown(responses: ResponseQuerySet) -> dict[str, list[Share]]:
    """The respondent profile (domain.md §2.5) as counts and shares, blanks shown as "not stated".

    Every category is a filtered count of one aggregate, so the responses are read once.
    """
    categories = {name: _choice_categories(name) for name in PROFILE_CHOICES}
    categories["age"] = [(label, Q(age__range=(low, high))) for low, high, label in AGE_BANDS]
    categories["age"].append((NOT_STATED, Q(age__isnull=True)))
    keys = {(name, index): f"{name}_{index}" for name, rows in categories.items() for index in range(len(rows))}
    counts = responses.included().aggregate(
        **{key: Count("pk", filter=categories[name][index][1]) for (name, index), key in keys.items()}
    )
    return {
        str(Response._meta.get_field(name).verbose_name): _shares(
            [(label, count) for index, (label, _q) in enumerate(rows) if (count := counts[keys[name, index]])]
        )
        for name, rows in categories.items()
    }


def _choice_categories(name: str) -> list[tuple[str, Q]]:
    """A choice field's labels in their order, then the blank answer as "not stated"."""
    labels = dict(Response._meta.get_field(name).choices)
    return [(label, Q(**{name: value})) for value, label in labels.items() if value] + [(NOT_STATED, Q(**{name: ""}))]


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
    responses = responses_in(unit=unit, start=start, end=end, include_subunits=include_subunits)
    counts = responses.aggregate(qr=Count("pk", filter=Q(source=Response.Source.QR)), all=Count("pk"))
    return QrFunnel(scans or 0, counts["qr"], counts["all"])


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
