"""Forms of the SKP pages: a new plan, its work results (RHK) and indicators (IKI) with targets."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from org.models import Employee

from ..achievement import Target
from ..models import AppraisalPeriod, Indicator, Plan, WorkResult

RANGE_NEEDS_BOTH = _("Isi batas bawah dan batas atas untuk target rentang.")
SINGLE_NEEDS_VALUE = _("Isi nilai target.")


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
