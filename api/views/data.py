"""The read-only endpoints: each call is scoped to the client's units, paginated and logged."""

from __future__ import annotations

import time

from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.response import Response

from .. import selectors, serializers
from ..services import call_record
from ..throttling import ClientRateThrottle, throttled


class LoggedListView(ListAPIView):
    """A paginated list; every call, refused (401, 429) or not, leaves one row in the call log."""

    filter_class = serializers.FilterSerializer
    throttle_classes = [ClientRateThrottle]
    rows: int | None = None

    def dispatch(self, request, *args, **kwargs):
        started = time.monotonic()
        response = None
        try:
            response = super().dispatch(request, *args, **kwargs)
            return response
        finally:
            call_record(
                client=getattr(request, "api_client", None),
                method=request.method,
                path=request.get_full_path(),
                status=response.status_code if response is not None else 500,
                rows=self.rows,
                duration_ms=round((time.monotonic() - started) * 1000),
            )

    def throttled(self, request, wait: float):
        raise throttled(request.auth, wait)

    def filters(self) -> dict:
        query = self.filter_class(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        values = query.validated_data
        values["ids"] = selectors.unit_ids(self.request.auth, values.pop("unit", None))
        return values

    def list(self, request, *args, **kwargs) -> Response:
        page = self.paginate_queryset(self.rows_for(**self.filters()))
        self.rows = len(page)
        context = {**self.get_serializer_context(), **self.page_context(page)}
        return self.get_paginated_response(self.serializer_class(page, many=True, context=context).data)

    def page_context(self, page: list) -> dict:
        return {}


class EmployeeList(LoggedListView):
    serializer_class = serializers.EmployeeSerializer
    filter_class = serializers.EmployeeFilterSerializer

    @extend_schema(
        summary="Employees with their official predikat per year",
        parameters=[serializers.EmployeeFilterSerializer],
    )
    def get(self, request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    def rows_for(self, *, ids, year=None):
        self.year = year
        return selectors.employees(ids=ids, year=year)

    def page_context(self, page: list) -> dict:
        return {"results": selectors.annual_results(page, year=self.year)}


class ScoreList(LoggedListView):
    serializer_class = serializers.ScoreSerializer

    @extend_schema(
        summary="Kinerja's own composite score per checkpoint (not the official predikat)",
        parameters=[serializers.FilterSerializer],
    )
    def get(self, request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    def rows_for(self, *, ids, year=None, checkpoint=None):
        return selectors.employee_scores(ids=ids, year=year, checkpoint=checkpoint)


class IkmList(LoggedListView):
    serializer_class = serializers.IkmSerializer

    @extend_schema(summary="Unit IKM (25-100) per checkpoint", parameters=[serializers.FilterSerializer])
    def get(self, request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    def rows_for(self, *, ids, year=None, checkpoint=None):
        return selectors.unit_ikm(ids=ids, year=year, checkpoint=checkpoint)
