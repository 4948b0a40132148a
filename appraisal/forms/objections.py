"""The employee's objection and the superior's decision."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..predikat import Rating
from .common import text_field


class ObjectionForm(forms.Form):
    reason = text_field(_("Alasan keberatan"), 5, required=True)


class DecisionForm(forms.Form):
    upheld = forms.TypedChoiceField(
        label=_("Putusan"),
        choices=[("1", _("Keberatan diterima: rating diubah")), ("0", _("Keberatan ditolak"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    reason = text_field(_("Pertimbangan"), 4, required=True)
    work_rating = forms.ChoiceField(label=_("Rating hasil kerja"), choices=Rating.choices)
    behaviour_rating = forms.ChoiceField(label=_("Rating perilaku kerja"), choices=Rating.choices)
