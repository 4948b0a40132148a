"""Forms of the AKPK page: the filters (period, unit with sub-units, position kind) and the JP budget."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from appraisal.models import AppraisalPeriod
from org.filters import ALL, unit_filter_empty_label
from org.models import Position, Unit

BUDGET_INVALID = _("Anggaran harus berupa bilangan bulat JP yang lebih dari 0, misalnya 480.")
BUDGET_LIMIT = 10_000_000  # far above any Pemda's year; keeps a typo from planning with an absurd number
BUDGET_TOO_LARGE = _("Anggaran paling banyak %(limit_value)s JP.")


class AkpkFilterForm(forms.Form):
    """Choices list only the units the reader may see (``scope``; ``None``: every unit); the empty
    choice names ``home``, the unit a unit head reads by default (``None`` for HR: "Semua")."""

    periode = forms.ModelChoiceField(
        label=_("Periode"), queryset=AppraisalPeriod.objects.order_by("-year"), required=False, empty_label=None
    )
    unit = forms.ModelChoiceField(
        label=_("Unit kerja (beserta sub-unit)"), queryset=Unit.objects.none(), required=False, empty_label=ALL
    )
    jenis = forms.ChoiceField(label=_("Jenis jabatan"), choices=[("", ALL), *Position.Kind.choices], required=False)

    def __init__(self, *args, scope: set[int] | None, home: Unit | None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        units = Unit.objects.order_by("code")
        self.fields["unit"].queryset = units if scope is None else units.filter(pk__in=scope)
        self.fields["unit"].empty_label = unit_filter_empty_label(home)


class BudgetForm(forms.Form):
    anggaran = forms.IntegerField(
        label=_("Anggaran JP"),
        help_text=_("JP peserta: JP program × jumlah peserta. Kosongkan untuk rencana tanpa batas."),
        required=False,
        min_value=1,
        max_value=BUDGET_LIMIT,
        error_messages={"invalid": BUDGET_INVALID, "min_value": BUDGET_INVALID, "max_value": BUDGET_TOO_LARGE},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
