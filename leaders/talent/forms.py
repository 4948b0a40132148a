"""Forms of the talent map: HR's calibration of one person (the filters are the AKPK page's)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from . import rules
from .services import BOX_INVALID, REASON_REQUIRED

REASON_MAX = 2000


class CalibrationForm(forms.Form):
    to_box = forms.TypedChoiceField(
        label=_("Pindahkan ke kotak"),
        coerce=int,
        choices=[],
        error_messages={"required": BOX_INVALID, "invalid_choice": BOX_INVALID},
    )
    reason = forms.CharField(
        label=_("Alasan (hasil rapat kalibrasi)"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": REASON_REQUIRED},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_box"].choices = [("", "—"), *((box, rules.box_label(box)) for box in rules.BEST_FIRST)]
