from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from org.forms import ImportUploadForm

from ..exchange.skp import SKP_RECORDS


class SkpRecordImportForm(ImportUploadForm):
    """The org upload form (file type and size checks) offering the SIASN SKP record only."""

    kind = forms.ChoiceField(
        label=_("Jenis data"),
        choices=[(SKP_RECORDS.kind, SKP_RECORDS.label)],
        initial=SKP_RECORDS.kind,
        widget=forms.RadioSelect,
    )
