"""Forms of the org app."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .imports.columns import LAYOUTS

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
