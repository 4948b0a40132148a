"""The form that opens an appraisal year."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from ..models import AppraisalPeriod


class PeriodForm(forms.ModelForm):
    class Meta:
        model = AppraisalPeriod
        fields = ["year", "checkpoint_type"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        latest = AppraisalPeriod.objects.order_by("-year").values_list("year", flat=True).first()
        self.fields["year"].initial = latest + 1 if latest else timezone.localdate().year
        self.fields["checkpoint_type"].initial = AppraisalPeriod.CheckpointType.TRIWULANAN
