"""The organisation result a unit head sets for the distribution of predikat."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..distribution import OrgResult
from .common import text_field


class OrgResultForm(forms.Form):
    result = forms.ChoiceField(label=_("Capaian kinerja organisasi"), choices=OrgResult.choices)
    note = text_field(_("Catatan"), 2)
