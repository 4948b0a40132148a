"""Filters for the HR employee browser (django-filter)."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Employee, Unit
from .selectors import unit_subtree_ids

ALL = _("Semua")
UNIT_WITH_SUB_UNITS = _("%(unit)s beserta sub-unit")


def unit_filter_empty_label(home: Unit | None) -> str:
    """The empty choice of a unit filter scoped to the reader: every unit for HR (``home`` is
    ``None``), else the unit the reader heads with its sub-units, which is all a unit head's page
    shows; "Semua" there would claim figures for every unit."""
    return ALL if home is None else UNIT_WITH_SUB_UNITS % {"unit": home.name}


class EmployeeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari nama atau NIP"), method="filter_search")
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit kerja (beserta sub-unit)"),
        queryset=Unit.objects.order_by("code"),
        method="filter_unit",
        empty_label=ALL,
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Employee.Status.choices, empty_label=ALL)
    employment_type = django_filters.ChoiceFilter(
        label=_("Jenis"), choices=Employee.EmploymentType.choices, empty_label=ALL
    )

    class Meta:
        model = Employee
        fields = ["q", "unit", "status", "employment_type"]

    def filter_search(self, queryset, name, value):
        digits = value.replace(" ", "")
        return queryset.filter(name__icontains=value) | queryset.filter(nip__startswith=digits)

    def filter_unit(self, queryset, name, value):
        return queryset.filter(unit_id__in=unit_subtree_ids(value))
