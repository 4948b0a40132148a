"""Forms of the org app."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib.auth.forms import SetPasswordMixin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .imports.columns import LAYOUTS
from .models import Unit

FILE_EXTENSIONS = (".xlsx", ".csv")
FILE_WRONG_TYPE = _("Unggah berkas .xlsx atau .csv. Berkas .xls lama: buka di Excel lalu simpan sebagai .xlsx.")
FILE_TOO_LARGE = _("Berkas lebih dari %(limit)d MB; bagi menjadi beberapa berkas.")


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Jenis data"),
        choices=[(layout.kind, layout.label) for layout in LAYOUTS.values()],
        initial="pegawai",
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=_("Berkas"),
        help_text=_("Format .xlsx atau .csv, baris pertama berisi judul kolom."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(FILE_EXTENSIONS)}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in FILE_EXTENSIONS:
            raise ValidationError(FILE_WRONG_TYPE, code="type")
        limit = settings.ORG_IMPORT_MAX_UPLOAD_MB
        if upload.size > limit * 1024 * 1024:
            raise ValidationError(FILE_TOO_LARGE, code="size", params={"limit": limit})
        return upload


# --- Mapping a source file's units and headers (docs/import-export.md, "SIASN") ---------------

NEW_UNIT = ""
UNIT_NEEDS_NEW_FIELDS = _("Untuk unit baru, isi nama, kode dan jenis unit.")
UNIT_CODE_TAKEN = _("Kode unit “%(code)s” sudah dipakai; pilih kode lain atau pilih unit yang ada.")
COLUMN_TAKEN = _("Kolom %(column)s sudah diisi oleh kolom “%(header)s” di berkas.")
COLUMN_TWICE = _("Kolom %(column)s dipilih untuk lebih dari satu judul kolom.")


class UnitMappingForm(forms.Form):
    """One unknown UNOR: an existing unit, or a new unit (name, code, kind, parent)."""

    unit = forms.TypedChoiceField(label=_("Petakan ke"), coerce=int, empty_value=None, required=False)
    name = forms.CharField(label=_("Nama unit baru"), max_length=200, required=False)
    code = forms.CharField(label=_("Kode unit baru"), max_length=32, required=False)
    kind = forms.ChoiceField(label=_("Jenis unit baru"), choices=[("", "—"), *Unit.Kind.choices], required=False)
    parent = forms.TypedChoiceField(
        label=_("Unit induk"), coerce=int, empty_value=None, required=False, help_text=_("Kosong: Perangkat Daerah.")
    )

    def __init__(self, *args, unit_choices: list[tuple[object, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(NEW_UNIT, _("— Buat unit baru —")), *unit_choices]
        self.fields["parent"].choices = [("", _("— Tanpa induk —")), *unit_choices]

    def clean(self):
        data = super().clean()
        if data.get("unit") is None and not (data.get("name") and data.get("code") and data.get("kind")):
            raise ValidationError(UNIT_NEEDS_NEW_FIELDS, code="new")
        return data


class BaseUnitMappingFormSet(forms.BaseFormSet):
    def clean(self):
        """New codes must be free, in the database and among the forms themselves."""
        if any(self.errors):
            return
        codes = [form.cleaned_data["code"] for form in self.forms if form.cleaned_data.get("unit") is None]
        taken = set(Unit.objects.filter(code__in=codes).values_list("code", flat=True))
        seen: set[str] = set()
        for form in self.forms:
            code = form.cleaned_data["code"]
            if form.cleaned_data.get("unit") is None and (code in taken or code in seen):
                form.add_error("code", ValidationError(UNIT_CODE_TAKEN, params={"code": code}))
            seen.add(code)


class HeaderMappingForm(forms.Form):
    """One unknown header: the import column it fills, or ignored."""

    column = forms.ChoiceField(label=_("Isi kolom"), required=False)

    def __init__(self, *args, columns: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["column"].choices = [("", _("— Abaikan kolom ini —")), *((column, column) for column in columns)]


class BaseHeaderMappingFormSet(forms.BaseFormSet):
    def __init__(self, *args, taken: dict[str, str], **kwargs):
        self.taken = taken
        super().__init__(*args, **kwargs)

    def clean(self):
        """A column is filled by one header of the file only."""
        if any(self.errors):
            return
        seen: set[str] = set()
        for form in self.forms:
            column = form.cleaned_data["column"]
            if column in self.taken:
                form.add_error(
                    "column", ValidationError(COLUMN_TAKEN, params={"column": column, "header": self.taken[column]})
                )
            elif column and column in seen:
                form.add_error("column", ValidationError(COLUMN_TWICE, params={"column": column}))
            seen.add(column)


def mapping_formsets(*, mappings: dict, columns: list[str], unit_choices: list, data=None):
    """The two formsets of the mapping screen, one form per pending UNOR and per pending header.

    The forms' number is fixed by the stored report, not by what the browser sends.
    """
    units, headers = mappings["units"], mappings["headers"]
    if data is not None:
        data = data.copy()
        for prefix, count in (("unor", len(units)), ("kolom", len(headers))):
            data[f"{prefix}-TOTAL_FORMS"] = data[f"{prefix}-INITIAL_FORMS"] = str(count)
    unit_set = forms.formset_factory(UnitMappingForm, formset=BaseUnitMappingFormSet, extra=0)
    header_set = forms.formset_factory(HeaderMappingForm, formset=BaseHeaderMappingFormSet, extra=0)
    fields = ("unit", "name", "code", "kind", "parent")
    unit_initial = [{name: item[name] for name in fields} for item in units]
    return (
        unit_set(data, prefix="unor", initial=unit_initial, form_kwargs={"unit_choices": unit_choices}),
        header_set(
            data,
            prefix="kolom",
            initial=[{"column": ""} for _ in headers],
            form_kwargs={"columns": columns},
            taken=mappings["taken"],
        ),
    )


class ActivationForm(forms.Form):
    """The one-time code (typed from the letter, or taken from the e-mail link) and the first password."""

    code = forms.CharField(
        label=_("Kode aktivasi"),
        max_length=40,
        help_text=_("12 huruf dan angka pada surat aktivasi; tanda hubung boleh ditulis atau tidak."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "characters"}),
    )
    new_password1, new_password2 = SetPasswordMixin.create_password_fields(
        label1=_("Kata sandi baru"), label2=_("Ulangi kata sandi baru")
    )


class AccountUnitForm(forms.Form):
    """The unit (with its sub-units) whose employees HR gives accounts or letters."""

    unit = forms.ModelChoiceField(label=_("Unit kerja"), queryset=Unit.objects.order_by("name"))
