"""Forms of the staff complaint pages: the list filter and a reply."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from org.models import Unit

from ..models import COMPLAINT_MAX_LENGTH, OVERDUE, Complaint
from .common import CHOICE_INVALID, TOO_LONG


class ComplaintFilterForm(forms.Form):
    """The staff complaint list's filters: a unit (with its sub-units) and a state, "overdue" included."""

    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("Semua unit"),
        error_messages={"invalid_choice": CHOICE_INVALID},
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua")), *Complaint.Status.choices, (OVERDUE, _("Terlambat ditanggapi"))],
        error_messages={"invalid_choice": CHOICE_INVALID},
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )

    def __init__(self, *args, units: QuerySet[Unit], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Tanggapan"),
        max_length=COMPLAINT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": TOO_LONG},
    )
    resolves = forms.BooleanField(label=_("Pengaduan selesai ditangani"), required=False)
