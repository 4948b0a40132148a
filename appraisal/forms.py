"""Forms validate and normalise input only; rules live in the services."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput
from org.models import Employee

from .achievement import Target
from .evidence import allowed_extensions
from .models import AppraisalPeriod, Indicator, Plan, WorkResult

RANGE_NEEDS_BOTH = _("Isi batas bawah dan batas atas untuk target rentang.")
SINGLE_NEEDS_VALUE = _("Isi nilai target.")


class PeriodForm(forms.ModelForm):
    class Meta:
        model = AppraisalPeriod
        fields = ["year", "checkpoint_type"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        latest = AppraisalPeriod.objects.order_by("-year").values_list("year", flat=True).first()
        self.fields["year"].initial = latest + 1 if latest else timezone.localdate().year
        self.fields["checkpoint_type"].initial = AppraisalPeriod.CheckpointType.TRIWULANAN


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class PlanCreateForm(forms.Form):
    period = forms.ModelChoiceField(label=_("Periode"), queryset=AppraisalPeriod.objects.none(), empty_label=None)
    approach = forms.ChoiceField(label=_("Pendekatan"), choices=Plan.Approach.choices)
    from_template = forms.BooleanField(label=_("Mulai dari templat jabatan saya"), required=False, initial=True)

    def __init__(self, *args, employee: Employee, **kwargs):
        super().__init__(*args, **kwargs)
        taken = Plan.objects.filter(employee=employee, position=employee.position_id).values("period")
        open_periods = AppraisalPeriod.objects.filter(status=AppraisalPeriod.Status.OPEN).exclude(pk__in=taken)
        self.fields["period"].queryset = open_periods.order_by("-year")


class WorkResultForm(forms.ModelForm):
    class Meta:
        model = WorkResult
        fields = ["section", "text", "parent", "order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        parents = WorkResult.objects.filter(plan__employee=plan.assessor_id, plan__period=plan.period_id)
        self.fields["parent"].queryset = parents.select_related("plan").order_by("plan", "order", "pk")
        self.fields["parent"].help_text = _("RHK pejabat penilai yang didukung oleh RHK ini (cascading).")


class TargetFormMixin:
    """A target typed as a single number or a low–high range (domain.md §7.1)."""

    KIND_CHOICES = [("single", _("Nilai tunggal")), ("range", _("Rentang"))]

    @staticmethod
    def target_from(kind: str, value: Decimal | None, low: Decimal | None, high: Decimal | None) -> Target:
        if kind == "range":
            if low is None or high is None:
                raise forms.ValidationError(RANGE_NEEDS_BOTH)
            return Target(low=low, high=high)
        if value is None:
            raise forms.ValidationError(SINGLE_NEEDS_VALUE)
        return Target(value=value)


class IndicatorForm(TargetFormMixin, forms.ModelForm):
    """An IKI plus one optional target field per checkpoint of the period."""

    target_kind = forms.ChoiceField(label=_("Jenis target"), choices=TargetFormMixin.KIND_CHOICES, initial="single")

    class Meta:
        model = Indicator
        fields = [
            "aspect",
            "description",
            "target_kind",
            "target_value",
            "target_low",
            "target_high",
            "unit",
            "direction",
            "weight",
            "source",
            "order",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.checkpoints = plan.period.checkpoints()
        if self.instance.pk and self.instance.target.is_range:
            self.initial["target_kind"] = "range"
        existing = {row.checkpoint: row for row in self.instance.checkpoint_targets.all()} if self.instance.pk else {}
        for checkpoint in self.checkpoints:
            row = existing.get(checkpoint.number)
            self.fields[self.checkpoint_field(checkpoint.number)] = forms.DecimalField(
                label=checkpoint.label,
                required=False,
                min_value=Decimal("0.0001"),
                max_digits=14,
                decimal_places=4,
                initial=row.target_value if row else None,
            )

    @staticmethod
    def checkpoint_field(number: int) -> str:
        return f"checkpoint_{number}"

    def checkpoint_fields(self):
        return [self[self.checkpoint_field(c.number)] for c in self.checkpoints]

    def clean(self):
        data = super().clean()
        target = self.target_from(
            data.get("target_kind"), data.get("target_value"), data.get("target_low"), data.get("target_high")
        )
        data["target_value"], data["target_low"], data["target_high"] = target.value, target.low, target.high
        return data

    def checkpoint_targets(self) -> dict[int, Target | None]:
        """Per-checkpoint targets as typed; an empty field removes a target set before."""
        values = {c.number: self.cleaned_data.get(self.checkpoint_field(c.number)) for c in self.checkpoints}
        return {number: Target(value=value) if value is not None else None for number, value in values.items()}


class SyncForm(forms.Form):
    """A checkpoint of the period; checkpoints in ``locked`` (already rated) are not offered."""

    checkpoint = forms.TypedChoiceField(label=_("Titik pantau"), coerce=int)

    def __init__(self, *args, period: AppraisalPeriod, locked: set[int] | frozenset[int] = frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        checkpoints = [c for c in period.checkpoints() if c.number not in locked]
        self.fields["checkpoint"].choices = [(c.number, c.label) for c in checkpoints]


class RealisationForm(SyncForm):
    value = forms.DecimalField(label=_("Realisasi s.d. titik pantau"), min_value=0, max_digits=14, decimal_places=4)
    note = forms.CharField(label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ActivityForm(forms.Form):
    date = forms.DateField(label=_("Tanggal"), widget=DateInput())
    description = forms.CharField(label=_("Kegiatan"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)

    def __init__(self, *args, **kwargs):
        # Its own ids: the evidence form on the same page also has a ``description``, and a label
        # pointing at the wrong field leaves this one unnamed for screen readers (and browser tests).
        kwargs.setdefault("auto_id", "activity_%s")
        super().__init__(*args, **kwargs)


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Berkas bukti dukung"))
    description = forms.CharField(label=_("Keterangan"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        accept = ",".join(f".{ext}" for ext in allowed_extensions())
        self.fields["file"].widget.attrs["accept"] = accept
