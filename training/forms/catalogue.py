"""Forms of the training app: the import upload and the catalogue editor."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput
from org.forms import ImportUploadForm

from ..imports.columns import COMPETENCIES, STANDARDS
from ..models import Batch, DevelopmentForm, Programme, ProgrammeCompetency

IMPORT_LAYOUTS = (COMPETENCIES, STANDARDS)
DUPLICATE_TARGET = _("Setiap kompetensi cukup disebut sekali.")
NO_TARGET = _("Sebutkan setidaknya satu kompetensi yang dikembangkan program ini.")


class TrainingImportForm(ImportUploadForm):
    """The org upload form (file type and size checks) offering the training files."""

    kind = forms.ChoiceField(
        label=_("Jenis data"),
        choices=[(layout.kind, layout.label) for layout in IMPORT_LAYOUTS],
        initial=COMPETENCIES.kind,
        widget=forms.RadioSelect,
    )


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["code", "title", "form", "provider", "jp", "cost", "description", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form"].queryset = DevelopmentForm.objects.filter(is_active=True).order_by("order", "name")


class TargetFormSet(forms.BaseInlineFormSet):
    """A programme develops at least one competency, or no need could ever lead to it (domain.md §7.3).

    A competency named twice is refused before the formset's own unique check, whose message names
    the field in English.
    """

    def clean(self) -> None:
        kept = [form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        competencies = [form.cleaned_data["competency"] for form in kept if form.cleaned_data.get("competency")]
        if len(competencies) != len(set(competencies)):
            raise forms.ValidationError(DUPLICATE_TARGET)
        super().clean()
        if not competencies:
            raise forms.ValidationError(NO_TARGET)


class BatchForm(forms.ModelForm):
    class Meta:
        model = Batch
        fields = ["starts_on", "ends_on", "capacity", "place"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}


ProgrammeTargetFormSet = forms.inlineformset_factory(
    Programme, ProgrammeCompetency, formset=TargetFormSet, fields=["competency", "target_level"], extra=2
)
ProgrammeBatchFormSet = forms.inlineformset_factory(Programme, Batch, form=BatchForm, extra=1)
