"""Forms for continuous feedback, the leader's expectations, development actions and peer input."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput
from org.models import Employee

from ..models import PEER_SCALE, CoreValue, DevelopmentAction, Evaluation, Evidence, Plan, WorkResult
from .common import text_field

ABOUT_REQUIRED = _("Pilih hasil kerja atau nilai perilaku yang dibahas.")
ALL_INVITED = _("Semua rekan kerja yang dapat diundang sudah diundang.")
NO_COLLEAGUE = _(
    "Belum ada rekan kerja yang dapat diundang: rekan kerja harus pegawai aktif yang memiliki akun, di unit "
    "yang sama atau dengan pejabat penilai yang sama."
)


class DevelopmentActionForm(forms.ModelForm):
    class Meta:
        model = DevelopmentAction
        fields = ["kind", "description", "value", "work_result"]
        widgets = {"description": forms.Textarea({"rows": 2})}

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["work_result"].queryset = WorkResult.objects.filter(plan=plan)


class PeerInviteForm(forms.Form):
    """A colleague to invite: active, with a login, in the plan's unit or under the same official."""

    peer = forms.ModelChoiceField(
        label=_("Rekan kerja"), queryset=Employee.objects.none(), widget=forms.Select({"class": "form-select"})
    )

    def __init__(self, *args, evaluation: Evaluation, **kwargs):
        super().__init__(*args, **kwargs)
        plan = evaluation.plan
        near = Q(unit=plan.unit_id) | Q(supervisor=plan.assessor_id) if plan.assessor_id else Q(unit=plan.unit_id)
        invited = evaluation.peer_requests.values("peer")
        self.fields["peer"].queryset = (
            Employee.objects.active()
            .filter(near, user__isnull=False)
            .exclude(pk__in=[plan.employee_id, plan.assessor_id or 0])
            .exclude(pk__in=invited)
            .select_related("position")
            .order_by("name")
        )
        self.evaluation = evaluation

    @property
    def unavailable_reason(self) -> str:
        """Why the list is empty, so an empty choice never goes unexplained; blank when there is someone."""
        if self.fields["peer"].queryset.exists():
            return ""
        return str(ALL_INVITED if self.evaluation.peer_requests.exists() else NO_COLLEAGUE)


class PeerAnswerForm(forms.Form):
    comment = text_field(_("Komentar singkat (opsional)"), 3)

    def __init__(self, *args, values: list[CoreValue], **kwargs):
        super().__init__(*args, **kwargs)
        for value in values:
            self.fields[f"score_{value.pk}"] = forms.TypedChoiceField(
                label=value.name,
                choices=PEER_SCALE,
                coerce=int,
                widget=forms.RadioSelect({"class": "form-check-input"}),
                help_text="; ".join(value.guides),
            )
        self.values = values

    def scores(self) -> dict[int, int]:
        return {value.pk: self.cleaned_data[f"score_{value.pk}"] for value in self.values}


class FeedbackNoteForm(forms.Form):
    """A dated note about one work result or one value; ``about`` is ``result-<pk>`` or ``value-<pk>``."""

    date = forms.DateField(label=_("Tanggal"), widget=DateInput())
    about = forms.ChoiceField(label=_("Tentang"))
    text = text_field(_("Umpan balik"), 3, required=True)
    evidence = forms.ModelChoiceField(label=_("Bukti dukung terkait"), queryset=Evidence.objects.none(), required=False)
    is_private = forms.BooleanField(label=_("Catatan pribadi (hanya pejabat penilai dan BKPSDM)"), required=False)

    def __init__(self, *args, plan: Plan, values: list[CoreValue], **kwargs):
        super().__init__(*args, **kwargs)
        results = [(f"result-{wr.pk}", wr.text[:90]) for wr in plan.work_results.all()]
        behaviour = [(f"value-{value.pk}", value.name) for value in values]
        self.fields["about"].choices = [
            ("", "—"),
            (_("Hasil kerja"), results),
            (_("Perilaku kerja"), behaviour),
        ]
        self.fields["evidence"].queryset = Evidence.objects.filter(indicator__work_result__plan=plan)
        self.plan, self.values = plan, {value.pk: value for value in values}

    def subject(self) -> tuple[WorkResult | None, CoreValue | None]:
        kind, _sep, pk = self.cleaned_data["about"].partition("-")
        if kind == "result":
            return self.plan.work_results.get(pk=int(pk)), None
        return None, self.values[int(pk)]


class ExpectationsForm(forms.Form):
    def __init__(self, *args, values: list[CoreValue], current: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        for value in values:
            self.fields[f"value_{value.pk}"] = text_field(value.name, 2)
            self.fields[f"value_{value.pk}"].help_text = "; ".join(value.guides)
            self.initial.setdefault(f"value_{value.pk}", current.get(value.pk, ""))
        self.values = values

    def texts(self) -> dict[int, str]:
        return {value.pk: self.cleaned_data[f"value_{value.pk}"] for value in self.values}
