"""HR's reminder schedules and a person's choice of how reminders reach them by e-mail."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import HOUR_RANGE, LEAD_RANGE, ReminderPreference, ReminderSchedule
from .reminders import ReminderKind

WHOLE_NUMBER = _("Isi dengan bilangan bulat.")


class ReminderScheduleForm(forms.ModelForm):
    """One kind's schedule; the kind's code is the prefix, so one page holds them all."""

    class Meta:
        model = ReminderSchedule
        fields = ["enabled", "interval", "hour", "lead_days"]
        error_messages = {
            "hour": {"invalid": WHOLE_NUMBER, "required": HOUR_RANGE, "min_value": HOUR_RANGE},
            "lead_days": {"invalid": WHOLE_NUMBER, "required": LEAD_RANGE, "min_value": LEAD_RANGE},
        }
        widgets = {"hour": forms.NumberInput(attrs={"min": 0, "max": 23}), "interval": forms.RadioSelect}

    def __init__(self, *args, kind: ReminderKind, **kwargs) -> None:
        super().__init__(*args, prefix=kind.code, **kwargs)
        self.kind = kind
        self.fields["lead_days"].widget.attrs.update(min=0, max=60)
        if kind.lead is None:
            # The kind has no deadline to approach: the number is kept, never asked.
            self.fields["lead_days"].disabled = True
            self.fields["lead_days"].widget = forms.HiddenInput()
        else:
            self.fields["lead_days"].label = kind.lead


class ReminderPreferenceForm(forms.ModelForm):
    class Meta:
        model = ReminderPreference
        fields = ["delivery"]
        widgets = {"delivery": forms.RadioSelect}
