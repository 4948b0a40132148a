from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from org.models import Unit

from .models import ApiClient


class ClientForm(forms.Form):
    name = forms.CharField(label=_("Nama aplikasi"), max_length=100, help_text=_("Mis. Dasbor Bappeda, e-TPP."))
    unit = forms.ModelChoiceField(
        label=_("Unit yang boleh dibaca"),
        queryset=Unit.objects.order_by("code"),
        required=False,
        help_text=_("Unit ini beserta semua sub-unitnya."),
    )
    all_units = forms.BooleanField(label=_("Semua unit"), required=False)


class ClientFilterForm(forms.Form):
    client = forms.ModelChoiceField(label=_("Klien"), queryset=ApiClient.objects.all(), required=False)
