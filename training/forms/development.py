"""Forms of the development pages: recording an activity, and the reviewers' decisions."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from appraisal.evidence import allowed_extensions, check_evidence_file
from appraisal.models import AppraisalPeriod
from core.widgets import DateInput
from core.workflow import REASON_REQUIRED
from org.models import Unit

from ..models import Competency, DevelopmentForm, DevelopmentRecord, DevelopmentRecordCompetency, Programme

NOT_FINISHED = _("Catat kegiatan yang sudah selesai: tanggal selesai tidak boleh setelah hari ini.")
OUTCOME_TWICE = _("Setiap kompetensi cukup disebut sekali.")


class DevelopmentRecordForm(forms.ModelForm):
    """A completed activity with its certificate, checked like appraisal evidence."""

    class Meta:
        model = DevelopmentRecord
        fields = ["programme", "form", "title", "organiser", "starts_on", "ends_on", "jp", "certificate"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.filter(is_active=True).order_by("code")
        self.fields["programme"].help_text = _("Pilih bila kegiatan ini program dari katalog.")
        self.fields["form"].queryset = DevelopmentForm.objects.filter(is_active=True).order_by("order", "name")
        certificate = self.fields["certificate"]
        certificate.required = True
        certificate.help_text = _("Jenis berkas: %(types)s.") % {"types": ", ".join(allowed_extensions())}
        certificate.widget.attrs["accept"] = ",".join(f".{ext}" for ext in allowed_extensions())
        self.certificate_type = ""

    def clean_certificate(self):
        upload = self.cleaned_data["certificate"]
        self.certificate_type = check_evidence_file(upload)
        return upload

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if ends_on > timezone.localdate():
            raise forms.ValidationError(NOT_FINISHED)
        return ends_on


class OutcomeFormSet(forms.BaseInlineFormSet):
    """The competencies the activity developed, each with the level the certificate shows, if any."""

    def clean(self) -> None:
        named = [form.cleaned_data["competency"] for form in self.forms if form.cleaned_data.get("competency")]
        if len(named) != len(set(named)):
            raise forms.ValidationError(OUTCOME_TWICE)
        super().clean()

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["competency"].queryset = Competency.objects.filter(is_active=True).order_by("code")


RecordOutcomeFormSet = forms.inlineformset_factory(
    DevelopmentRecord,
    DevelopmentRecordCompetency,
    formset=OutcomeFormSet,
    fields=["competency", "achieved_level"],
    extra=2,
    can_delete=False,
)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": REASON_REQUIRED},
    )


class OptionalReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Catatan (tidak wajib)"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000, required=False
    )

    def reason_or_refusal(self) -> str:
        """The note as typed; an invalid one refuses the decision (``core.outcomes.Outcome`` shows why)
        instead of taking it without the note."""
        if not self.is_valid():
            raise forms.ValidationError([error for errors in self.errors.values() for error in errors])
        return self.cleaned_data["reason"]


class ReplaceForm(ReasonForm):
    programme = forms.ModelChoiceField(label=_("Program pengganti"), queryset=Programme.objects.none())
    field_order = ["programme", "reason"]

    def __init__(self, *args, exclude: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = (
            Programme.objects.filter(is_active=True).exclude(pk=exclude).select_related("form").order_by("code")
        )


class ShortfallFilterForm(forms.Form):
    """The below-20-JP list's filter: the period (its year and accepted programmes) and a unit with its sub-units."""

    period = forms.ModelChoiceField(
        label=_("Periode"), queryset=AppraisalPeriod.objects.order_by("-year"), required=False, empty_label=None
    )
    unit = forms.ModelChoiceField(
        label=_("Unit kerja"), queryset=Unit.objects.order_by("code"), required=False, empty_label=_("Semua unit")
    )

    def chosen(self) -> tuple[AppraisalPeriod | None, Unit | None]:
        """The period asked for, else the latest; the unit asked for, else none. A bad value is ignored."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        period = data.get("period") or self.fields["period"].queryset.first()
        return period, data.get("unit")
