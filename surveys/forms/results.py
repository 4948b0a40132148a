"""Forms of the result pages: the reporting period and the reason for excluding a response."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput

from .. import periods
from .common import TOO_LONG

PERIOD_ORDER = _("Tanggal akhir tidak boleh sebelum tanggal awal.")


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), max_length=300, error_messages={"max_length": TOO_LONG})


QUARTERS = [("", _("Setahun penuh")), ("1", _("Triwulan I")), ("2", _("Triwulan II"))]
QUARTERS += [("3", _("Triwulan III")), ("4", _("Triwulan IV"))]
SCOPES = [("subtree", _("Unit dan sub-unit")), ("unit", _("Unit ini saja"))]


class PeriodForm(forms.Form):
    """The results' period: a year, a quarter of it, or an explicit date range (which wins)."""

    year = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100, required=False)
    quarter = forms.ChoiceField(label=_("Triwulan"), choices=QUARTERS, required=False)
    start = forms.DateField(label=_("Dari tanggal"), required=False, widget=DateInput())
    end = forms.DateField(label=_("Sampai tanggal"), required=False, widget=DateInput())
    scope = forms.ChoiceField(label=_("Cakupan"), choices=SCOPES, required=False)
    population = forms.IntegerField(
        label=_("Pengguna layanan (N)"),
        min_value=1,
        required=False,
        help_text=_("Untuk sampel minimum Krejcie & Morgan; kosong: populasi besar."),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", PERIOD_ORDER)
        return cleaned

    def period(self) -> periods.Period:
        data = self.cleaned_data if self.is_valid() else {}
        year = data.get("year") or timezone.localdate().year
        chosen = periods.quarter(year, int(data["quarter"])) if data.get("quarter") else periods.whole_year(year)
        return periods.Period(data.get("start") or chosen.start, data.get("end") or chosen.end)

    def include_subunits(self) -> bool:
        return not (self.is_valid() and self.cleaned_data.get("scope") == "unit")

    def population_size(self) -> int | None:
        return self.cleaned_data.get("population") if self.is_valid() else None
