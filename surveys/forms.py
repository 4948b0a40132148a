"""Forms: the public questionnaire (in steps), complaints, and the staff pages' inputs.

Forms validate and normalise only; the rules live in ``services``.
"""

from __future__ import annotations

import re

from django import forms
from django.core.validators import EmailValidator
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput
from org.models import Employee, Unit

from . import periods
from .elements import ordered_elements
from .models import (
    AGE_MAX,
    AGE_MIN,
    COMPLAINT_MAX_LENGTH,
    OVERDUE,
    SUGGESTION_MAX_LENGTH,
    Complaint,
    KioskDevice,
    Response,
    Service,
)

ELEMENT_REQUIRED = _("Silakan pilih salah satu jawaban untuk pertanyaan ini.")
ANSWER_OUT_OF_RANGE = _("Jawaban tidak dikenal: pilih salah satu dari empat pilihan.")
CHOICE_INVALID = _("Pilihan tidak dikenal; pilih dari daftar atau kosongkan.")
AGE_RANGE = _("Isi usia dalam tahun, antara 15 dan 100, atau kosongkan.")
HONEYPOT_FILLED = _("Pengiriman ditolak. Jika Anda bukan program otomatis, muat ulang halaman dan coba lagi.")
TOO_LONG = _("Terlalu panjang: paling banyak %(limit_value)d karakter (sekarang %(show_value)d).")
CONSENT_REQUIRED = _("Centang persetujuan jika Anda ingin meninggalkan nama atau kontak, atau kosongkan keduanya.")
CONTACT_INVALID = _("Isi nomor telepon (8–15 angka) atau alamat e-mail yang benar.")
BODY_TOO_SHORT = _("Tuliskan pengaduan atau saran Anda (paling sedikit %(limit_value)d karakter).")
SLUG_RESERVED = _("Kode URL ini dipakai oleh sistem; pilih yang lain.")
PERIOD_ORDER = _("Tanggal akhir tidak boleh sebelum tanggal awal.")
REFERENCE_REQUIRED = _("Ketik nomor pengaduan Anda.")
REFERENCE_MALFORMED = _(
    "Nomor pengaduan hanya berisi huruf dan angka, seperti yang tertulis di halaman tanda terima. "
    "Periksa kembali ketikan Anda."
)
QUESTIONS_PER_STEP = 3
RESERVED_SLUGS = {"terima-kasih", "aduan", "lacak", "qr", "poster"}
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


class ServiceForm(forms.ModelForm):
    class Meta:
        model = Service
        fields = ["name", "slug", "description", "is_active"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Muncul di tautan dan kode QR; kosongkan agar dibuat dari nama.")
        if self.instance.pk:
            self.fields["slug"].disabled = True
            self.fields["slug"].help_text = _("Tidak dapat diubah: kode QR yang sudah dicetak memakainya.")

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("name", ""))[:60]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(SLUG_RESERVED, code="reserved")
        return slug


class KioskForm(forms.ModelForm):
    class Meta:
        model = KioskDevice
        fields = ["name", "service"]

    def __init__(self, *args, unit, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = Service.objects.filter(unit=unit, is_active=True)
        self.fields["service"].required = False
        self.fields["service"].empty_label = _("Semua layanan")


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), max_length=300, error_messages={"max_length": TOO_LONG})


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Tanggapan"),
        max_length=COMPLAINT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": TOO_LONG},
    )
    resolves = forms.BooleanField(label=_("Pengaduan selesai ditangani"), required=False)


QUARTERS = [("", _("Setahun penuh")), ("1", _("Triwulan I")), ("2", _("Triwulan II"))]
QUARTERS += [("3", _("Triwulan III")), ("4", _("Triwulan IV"))]
SCOPES = [("subtree", _("Unit dan sub-unit")), ("unit", _("Unit ini saja"))]


class PeriodForm(forms.Form):
    """The results' period: a year, a quarter of it, or an explicit date range (which wins)."""

    year = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100, required=False)
    quarter = forms.ChoiceField(label=_("Triwulan"), choices=QUARTERS, required=False)
    start = forms.DateField(label=_("Dari tanggal"), required=False, widget=DateInput())
    end = forms.DateField(label=_("Sampai tanggal"), required=False, widget=DateInput())
    scope = forms.ChoiceField(label=_("Cakupan"), choices=SCOPES, required=False)
    population = forms.IntegerField(
        label=_("Pengguna layanan (N)"),
        min_value=1,
        required=False,
        help_text=_("Untuk sampel minimum Krejcie & Morgan; kosong: populasi besar."),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", PERIOD_ORDER)
        return cleaned

    def period(self) -> periods.Period:
        data = self.cleaned_data if self.is_valid() else {}
        year = data.get("year") or timezone.localdate().year
        chosen = periods.quarter(year, int(data["quarter"])) if data.get("quarter") else periods.whole_year(year)
        return periods.Period(data.get("start") or chosen.start, data.get("end") or chosen.end)

    def include_subunits(self) -> bool:
        return not (self.is_valid() and self.cleaned_data.get("scope") == "unit")

    def population_size(self) -> int | None:
        return self.cleaned_data.get("population") if self.is_valid() else None
