"""Pieces the appraisal forms share: the reason asked for a state change, a sized text box."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


def text_field(label, rows: int = 2, *, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, max_length=4000, widget=forms.Textarea({"rows": rows, "class": "form-control"})
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
