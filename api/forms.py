from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from org.models import Unit

from .models import MAX_RATE_PER_MINUTE, ApiClient


def rate_field() -> forms.IntegerField:
    return forms.IntegerField(
        label=_("Batas panggilan per menit"),
        required=False,
        min_value=1,
        max_value=MAX_RATE_PER_MINUTE,
        help_text=_("Kosongkan untuk memakai batas bawaan."),
    )


class ClientForm(forms.Form):
    name = forms.CharField(label=_("Nama aplikasi"), max_length=100, help_text=_("Mis. Dasbor Bappeda, e-TPP."))
    unit = forms.ModelChoiceField(
        label=_("Unit yang boleh dibaca"),
        queryset=Unit.objects.order_by("code"),
        required=False,
        help_text=_("Unit ini beserta semua sub-unitnya."),
    )
    all_units = forms.BooleanField(label=_("Semua unit"), required=False)
    rate_per_minute = rate_field()


class ClientRateForm(forms.Form):
    rate_per_minute = rate_field()

    def rate(self) -> int | None:
        """The limit HR typed, or the form's errors as a refusal (the list has no room to re-render it)."""
        if not self.is_valid():
            raise ValidationError([error for errors in self.errors.values() for error in errors])
        return self.cleaned_data["rate_per_minute"]


class ClientFilterForm(forms.Form):
    client = forms.ModelChoiceField(label=_("Klien"), queryset=ApiClient.objects.all(), required=False)
