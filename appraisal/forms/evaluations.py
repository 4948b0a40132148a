"""Forms of the evaluation pages: opening one, the self-assessment and the official's ratings."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Evaluation, Plan
from ..predikat import Rating
from ..services.evaluations import RatingInput
from .common import text_field

RATING_CHOICES = [("", _("Belum dipilih")), *Rating.choices]


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

    action_plan = text_field(_("Rencana aksi"), 3)

    def __init__(self, *args, evaluation: Evaluation, results: list, values: list, **kwargs):
        super().__init__(*args, **kwargs)
        for row in results:
            self.fields[f"result_{row.work_result_id}"] = text_field(row.work_result.text)
            self.initial.setdefault(f"result_{row.work_result_id}", row.self_assessment)
        for row in values:
            self.fields[f"value_{row.value_id}"] = text_field(row.value.name)
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
    strengths = text_field(_("Kekuatan"), 3)
    improvements = text_field(_("Hal yang perlu ditingkatkan"), 3)
    place = forms.CharField(label=_("Tempat penandatanganan"), max_length=100, required=False)

    def __init__(self, *args, evaluation: Evaluation, results: list, values: list, **kwargs):
        super().__init__(*args, **kwargs)
        for row in values:
            self.fields[f"value_{row.value_id}"] = _rating(row.value.name)
            self.fields[f"value_{row.value_id}_feedback"] = text_field(_("Umpan balik"))
            self.initial.setdefault(f"value_{row.value_id}", row.rating)
            self.initial.setdefault(f"value_{row.value_id}_feedback", row.feedback)
        for row in results:
            self.fields[f"result_{row.work_result_id}"] = text_field(_("Umpan balik berdasarkan bukti dukung"))
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
