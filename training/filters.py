"""Filters for HR's dictionary, standards and catalogue lists (django-filter)."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from org.filters import ALL
from org.models import Unit
from org.selectors import unit_subtree_ids

from .models import Competency, DevelopmentForm, PositionStandard, Programme


class CompetencyFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari kode atau nama"), method="filter_search")
    kind = django_filters.ChoiceFilter(label=_("Jenis"), choices=Competency.Kind.choices, empty_label=ALL)

    class Meta:
        model = Competency
        fields = ["q", "kind"]

    def filter_search(self, queryset, name, value):
        return queryset.filter(Q(code__icontains=value) | Q(name__icontains=value))


class StandardFilter(django_filters.FilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit kerja (beserta sub-unit)"),
        queryset=Unit.objects.order_by("code"),
        method="filter_unit",
        empty_label=ALL,
    )
    competency = django_filters.ModelChoiceFilter(
        label=_("Kompetensi"), queryset=Competency.objects.order_by("code"), empty_label=ALL
    )

    class Meta:
        model = PositionStandard
        fields = ["unit", "competency"]

    def filter_unit(self, queryset, name, value):
        return queryset.filter(position__unit_id__in=unit_subtree_ids(value))


class ProgrammeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari kode atau judul"), method="filter_search")
    form = django_filters.ModelChoiceFilter(
        label=_("Bentuk"), queryset=DevelopmentForm.objects.order_by("order", "name"), empty_label=ALL
    )
    competency = django_filters.ModelChoiceFilter(
        label=_("Kompetensi"),
        field_name="competencies",
        queryset=Competency.objects.order_by("code"),
        empty_label=ALL,
        distinct=True,
    )
    is_active = django_filters.BooleanFilter(label=_("Aktif"))

    class Meta:
        model = Programme
        fields = ["q", "form", "competency", "is_active"]

    def filter_search(self, queryset, name, value):
        return queryset.filter(Q(code__icontains=value) | Q(title__icontains=value))
