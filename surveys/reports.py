"""Everything one unit's results page and its XLSX report show, gathered once (domain.md §2)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import QuerySet

from org.models import Unit

from .ikm import IkmResult, minimum_sample
from .models import Service
from .periods import Period
from .selectors import (
    ComplaintMetrics,
    QrFunnel,
    Share,
    complaint_metrics,
    ikm_by_month,
    ikm_by_quarter,
    ikm_by_service,
    officer_tallies_in,
    officer_totals,
    profile_breakdown,
    qr_funnel,
    tallied_ikm,
    tallies_in,
    unit_comparison,
)


@dataclass(frozen=True)
class UnitReport:
    unit: Unit
    period: Period
    include_subunits: bool
    service: Service | None
    population: int | None
    result: IkmResult
    minimum_sample: int
    by_service: list[tuple[Service | None, IkmResult]]
    officers: QuerySet  # per-officer totals (``officer_totals``), paged by the page, read whole by the export
    by_month: list[tuple[date, IkmResult]]
    by_quarter: list[tuple[str, IkmResult]]
    subunits: list[tuple[Unit, IkmResult]]
    profile: dict[str, list[Share]]
    qr: QrFunnel
    complaints: ComplaintMetrics
    officer_minimum: int

    @property
    def sample_reached(self) -> bool:
        return self.result.responses >= self.minimum_sample

    @property
    def sample_percent(self) -> Decimal:
        return min(Decimal(100), Decimal(100 * self.result.responses) / Decimal(self.minimum_sample or 1))


def unit_report(
    *, unit: Unit, period: Period, include_subunits: bool, service: Service | None, population: int | None
) -> UnitReport:
    scope = {"unit": unit, "start": period.start, "end": period.end, "include_subunits": include_subunits}
    tallies = tallies_in(**scope, service=service)
    subunits = list(unit.children.filter(is_active=True).order_by("code")) if include_subunits else []
    return UnitReport(
        unit=unit,
        period=period,
        include_subunits=include_subunits,
        service=service,
        population=population,
        result=tallied_ikm(tallies),
        minimum_sample=minimum_sample(population),
        by_service=ikm_by_service(tallies),
        officers=officer_totals(officer_tallies_in(**scope, service=service)),
        by_month=ikm_by_month(tallies),
        by_quarter=ikm_by_quarter(unit=unit, year=period.start.year, include_subunits=include_subunits),
        subunits=unit_comparison(units=subunits, start=period.start, end=period.end),
        profile=profile_breakdown(tallies),
        qr=qr_funnel(unit=unit, start=period.start, end=period.end, include_subunits=include_subunits),
        complaints=complaint_metrics(unit=unit, start=period.start, end=period.end, include_subunits=include_subunits),
        officer_minimum=settings.SKM_MIN_RESPONSES_PER_EMPLOYEE,
    )
