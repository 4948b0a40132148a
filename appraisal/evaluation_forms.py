"""Forms of the evaluation pages; they validate and normalise only, the services hold the rules."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput
from org.models import Employee

from .distribution import OrgResult
from .models import PEER_SCALE, CoreValue, DevelopmentAction, Evaluation, Evidence, Plan, WorkResult
from .predikat import Rating
from .services.evaluations import RatingInput

RATING_CHOICES = [("", _("Belum dipilih")), *Rating.choices]
ABOUT_REQUIRED = _("Pilih hasil kerja atau nilai perilaku yang dibahas.")
ALL_INVITED = _("Semua rekan kerja yang dapat diundang sudah diundang.")
NO_COLLEAGUE = _(
    "Belum ada rekan kerja yang dapat diundang: rekan kerja harus pegawai aktif yang memiliki akun, di unit "
    "yang sama atau dengan pejabat penilai yang sama."
)


def _text(label, rows: int = 2, *, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, max_length=4000, widget=forms.Textarea({"rows": rows, "class": "form-control"})
    )


def _rating(label) -> forms.ChoiceField:
    widget = forms.RadioSelect(attrs={"class": "btn-check"})
    return forms.ChoiceField(label=label, choices=RATING_CHOICES, required=False, widget=widget)


class VersionedForm(forms.Form):
    """Carries the version the user saw; the service refuses a save made on an older one."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class EvaluationOpenForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis"), choices=Evaluation.Kind.choices, initial=Evaluation.Kind.PERIODIC)
    checkpoint = forms.TypedChoiceField(label=_("Titik pantau"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["checkpoint"].choices = [(c.number, c.label) for c in plan.period.checkpoints()]


class SelfAssessmentForm(VersionedForm):
    """One text per work result and per value, and the action plan (issue point 2)."""

    action_plan = _text(_("Rencana aksi"), 3)

    def __init__(self, *args, evaluation: Evaluation, results: list, values: list, **kwargs):
        super().__init__(*args, **kwargs)
        for row in results:
            self.fields[f"result_{row.work_result_id}"] = _text(row.work_result.text)
            self.initial.setdefault(f"result_{row.work_result_id}", row.self_assessment)
        for row in values:
            self.fields[f"value_{row.value_id}"] = _text(row.value.name)
            self.fields[f"value_{row.value_id}"].help_text = "; ".join(row.value.guides)
            self.initial.setdefault(f"value_{row.value_id}", row.self_assessment)
        self.initial.setdefault("action_plan", evaluation.self_action_plan)
        self.initial.setdefault("version", evaluation.version)

    def texts(self, prefix: str) -> dict[int, str]:
        return {
            int(name.removeprefix(prefix)): value
            for name, value in self.cleaned_data.items()
            if name.startswith(prefix) and name.removeprefix(prefix).isdigit()
        }


class RatingForm(VersionedForm):
    """The official's ratings: overall, per value with feedback, feedback per work result (issue point 1)."""

    work_rating = _rating(_("Rating hasil kerja"))
    behaviour_rating = _rating(_("Rating perilaku kerja"))
    strengths = _text(_("Kekuatan"), 3)
    improvements = _text(_("Hal yang perlu ditingkatkan"), 3)
    place = forms.CharField(label=_("Tempat penandatanganan"), max_length=100, required=False)

    def __init__(self, *args, evaluation: Evaluation, results: list, values: list, **kwargs):
        super().__init__(*args, **kwargs)
        for row in values:
            self.fields[f"value_{row.value_id}"] = _rating(row.value.name)
            self.fields[f"value_{row.value_id}_feedback"] = _text(_("Umpan balik"))
            self.initial.setdefault(f"value_{row.value_id}", row.rating)
            self.initial.setdefault(f"value_{row.value_id}_feedback", row.feedback)
        for row in results:
            self.fields[f"result_{row.work_result_id}"] = _text(_("Umpan balik berdasarkan bukti dukung"))
            self.initial.setdefault(f"result_{row.work_result_id}", row.feedback)
        names = ["work_rating", "behaviour_rating", "strengths", "improvements", "place", "version"]
        for name in names:
            self.initial.setdefault(name, getattr(evaluation, name))
        self.value_ids = [row.value_id for row in values]
        self.result_ids = [row.work_result_id for row in results]

    def rating_input(self) -> RatingInput:
        data = self.cleaned_data
        return RatingInput(
            work_rating=data["work_rating"],
            behaviour_rating=data["behaviour_rating"],
            values={pk: (data[f"value_{pk}"], data[f"value_{pk}_feedback"]) for pk in self.value_ids},
            results={pk: data[f"result_{pk}"] for pk in self.result_ids},
            strengths=data["strengths"],
            improvements=data["improvements"],
            place=data["place"],
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
    comment = _text(_("Komentar singkat (opsional)"), 3)

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


class ObjectionForm(forms.Form):
    reason = _text(_("Alasan keberatan"), 5, required=True)


class DecisionForm(forms.Form):
    upheld = forms.TypedChoiceField(
        label=_("Putusan"),
        choices=[("1", _("Keberatan diterima: rating diubah")), ("0", _("Keberatan ditolak"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    reason = _text(_("Pertimbangan"), 4, required=True)
    work_rating = forms.ChoiceField(label=_("Rating hasil kerja"), choices=Rating.choices)
    behaviour_rating = forms.ChoiceField(label=_("Rating perilaku kerja"), choices=Rating.choices)


class FeedbackNoteForm(forms.Form):
    """A dated note about one work result or one value; ``about`` is ``result-<pk>`` or ``value-<pk>``."""

    date = forms.DateField(label=_("Tanggal"), widget=DateInput())
    about = forms.ChoiceField(label=_("Tentang"))
    text = _text(_("Umpan balik"), 3, required=True)
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
            self.fields[f"value_{value.pk}"] = _text(value.name, 2)
            self.fields[f"value_{value.pk}"].help_text = "; ".join(value.guides)
            self.initial.setdefault(f"value_{value.pk}", current.get(value.pk, ""))
        self.values = values

    def texts(self) -> dict[int, str]:
        return {value.pk: self.cleaned_data[f"value_{value.pk}"] for value in self.values}


class OrgResultForm(forms.Form):
    result = forms.ChoiceField(label=_("Capaian kinerja organisasi"), choices=OrgResult.choices)
    note = _text(_("Catatan"), 2)
