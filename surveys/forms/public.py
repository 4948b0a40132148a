"""Forms of the public pages: the questionnaire (in steps), a complaint, and looking one up.

Forms validate and normalise only; the rules live in ``services``.
"""

from __future__ import annotations

import re

from django import forms
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _

from org.models import Employee

from ..elements import ordered_elements
from ..models import AGE_MAX, AGE_MIN, COMPLAINT_MAX_LENGTH, SUGGESTION_MAX_LENGTH, Complaint, Response
from .common import CHOICE_INVALID, TOO_LONG

ELEMENT_REQUIRED = _("Silakan pilih salah satu jawaban untuk pertanyaan ini.")
ANSWER_OUT_OF_RANGE = _("Jawaban tidak dikenal: pilih salah satu dari empat pilihan.")
AGE_RANGE = _("Isi usia dalam tahun, antara 15 dan 100, atau kosongkan.")
HONEYPOT_FILLED = _("Pengiriman ditolak. Jika Anda bukan program otomatis, muat ulang halaman dan coba lagi.")
CONSENT_REQUIRED = _("Centang persetujuan jika Anda ingin meninggalkan nama atau kontak, atau kosongkan keduanya.")
CONTACT_INVALID = _("Isi nomor telepon (8–15 angka) atau alamat e-mail yang benar.")
BODY_TOO_SHORT = _("Tuliskan pengaduan atau saran Anda (paling sedikit %(limit_value)d karakter).")
REFERENCE_REQUIRED = _("Ketik nomor pengaduan Anda.")
REFERENCE_MALFORMED = _(
    "Nomor pengaduan hanya berisi huruf dan angka, seperti yang tertulis di halaman tanda terima. "
    "Periksa kembali ketikan Anda."
)

QUESTIONS_PER_STEP = 3
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 \-]{6,18}[0-9]$")
COMPLAINT_MIN_LENGTH = 10
REFERENCE_PATTERN = re.compile(r"[a-z0-9]{4,16}")  # what the model's reference field may hold
HONEYPOT_FIELD = "website"
PROFILE_FIELDS = ("gender", "age", "education", "occupation", "occupation_other", "suggestion", HONEYPOT_FIELD)


def survey_steps() -> list[tuple[str, ...]]:
    """Field names per screen: the elements a few at a time, then the optional profile and suggestion."""
    codes = [element.field for element in ordered_elements()]
    chunks = [tuple(codes[i : i + QUESTIONS_PER_STEP]) for i in range(0, len(codes), QUESTIONS_PER_STEP)]
    return [*chunks, PROFILE_FIELDS]


def _blank(label) -> list[tuple[str, object]]:
    return [("", label)]


class HoneypotMixin(forms.Form):
    website = forms.CharField(label=_("Jangan isi kolom ini"), required=False, max_length=200)

    def clean_website(self) -> str:
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(HONEYPOT_FILLED, code="honeypot")
        return ""


class SurveyForm(HoneypotMixin):
    """The whole questionnaire; the view shows it a step at a time, earlier answers as hidden fields."""

    gender = forms.ChoiceField(
        label=_("Jenis kelamin"),
        required=False,
        choices=Employee.Gender.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": CHOICE_INVALID},
    )
    age = forms.IntegerField(
        label=_("Usia (tahun)"),
        required=False,
        min_value=AGE_MIN,
        max_value=AGE_MAX,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"min_value": AGE_RANGE, "max_value": AGE_RANGE, "invalid": AGE_RANGE},
    )
    education = forms.ChoiceField(
        label=_("Pendidikan terakhir"),
        required=False,
        choices=_blank(_("— pilih —")) + Response.Education.choices,
        error_messages={"invalid_choice": CHOICE_INVALID},
    )
    occupation = forms.ChoiceField(
        label=_("Pekerjaan"),
        required=False,
        choices=_blank(_("— pilih —")) + Response.Occupation.choices,
        error_messages={"invalid_choice": CHOICE_INVALID},
    )
    occupation_other = forms.CharField(
        label=_("Pekerjaan lainnya"), required=False, max_length=60, error_messages={"max_length": TOO_LONG}
    )
    suggestion = forms.CharField(
        label=_("Saran dan masukan"),
        required=False,
        max_length=SUGGESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": TOO_LONG},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for element in ordered_elements():
            self.fields[element.field] = forms.TypedChoiceField(
                label=element.question,
                choices=element.choices(),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": ELEMENT_REQUIRED, "invalid_choice": ANSWER_OUT_OF_RANGE},
            )

    def first_step_with_errors(self) -> int | None:
        """Index of the first screen holding an invalid field, to show the citizen where to fix it."""
        return next((i for i, names in enumerate(survey_steps()) if any(n in self.errors for n in names)), None)

    def errors_up_to(self, step: int) -> bool:
        names = {name for names in survey_steps()[: step + 1] for name in names}
        return any(name in self.errors for name in names)

    def answers(self) -> dict[str, int]:
        return {element.code: self.cleaned_data[element.field] for element in ordered_elements()}

    def profile(self) -> dict[str, object]:
        return {name: self.cleaned_data[name] for name in PROFILE_FIELDS if name != HONEYPOT_FIELD}


class ComplaintForm(HoneypotMixin):
    kind = forms.ChoiceField(
        label=_("Jenis"), choices=Complaint.Kind.choices, initial=Complaint.Kind.COMPLAINT, widget=forms.RadioSelect
    )
    body = forms.CharField(
        label=_("Isi pengaduan atau saran"),
        min_length=COMPLAINT_MIN_LENGTH,
        max_length=COMPLAINT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"max_length": TOO_LONG, "min_length": BODY_TOO_SHORT, "required": BODY_TOO_SHORT},
    )
    contact_name = forms.CharField(
        label=_("Nama (boleh dikosongkan)"), required=False, max_length=100, error_messages={"max_length": TOO_LONG}
    )
    contact = forms.CharField(
        label=_("Nomor telepon atau e-mail (boleh dikosongkan)"),
        required=False,
        max_length=120,
        error_messages={"max_length": TOO_LONG},
    )
    consent = forms.BooleanField(required=False)

    def clean_contact(self) -> str:
        contact = self.cleaned_data["contact"].strip()
        if contact and not PHONE_PATTERN.match(contact):
            try:
                EmailValidator()(contact)
            except forms.ValidationError:
                raise forms.ValidationError(CONTACT_INVALID, code="contact") from None
        return contact

    def clean(self) -> dict:
        cleaned = super().clean()
        wants_contact = cleaned.get("contact") or cleaned.get("contact_name")
        if wants_contact and not cleaned.get("consent"):
            self.add_error("consent", forms.ValidationError(CONSENT_REQUIRED, code="consent"))
        return cleaned


class ComplaintLookupForm(forms.Form):
    """A complaint number as the citizen typed it: any case, spaces and dashes allowed, nothing else."""

    nomor = forms.CharField(
        label=_("Nomor pengaduan"),
        max_length=40,
        error_messages={"required": REFERENCE_REQUIRED, "max_length": REFERENCE_MALFORMED},
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_nomor(self) -> str:
        reference = normalise_reference(self.cleaned_data["nomor"])
        if reference is None:
            raise forms.ValidationError(REFERENCE_MALFORMED, code="malformed")
        return reference


def normalise_reference(typed: str) -> str | None:
    """The stored form of a typed complaint number (lower case, no spaces or dashes), or None if it cannot be one."""
    reference = re.sub(r"[\s\-]", "", typed).lower()
    return reference if REFERENCE_PATTERN.fullmatch(reference) else None
