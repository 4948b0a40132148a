"""Forms of the progress page: realisations, activities and evidence."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput

from ..evidence import allowed_extensions
from ..models import AppraisalPeriod


class SyncForm(forms.Form):
    """A checkpoint of the period; checkpoints in ``locked`` (already rated) are not offered."""

    checkpoint = forms.TypedChoiceField(label=_("Titik pantau"), coerce=int)

    def __init__(self, *args, period: AppraisalPeriod, locked: set[int] | frozenset[int] = frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        checkpoints = [c for c in period.checkpoints() if c.number not in locked]
        self.fields["checkpoint"].choices = [(c.number, c.label) for c in checkpoints]


class RealisationForm(SyncForm):
    value = forms.DecimalField(label=_("Realisasi s.d. titik pantau"), min_value=0, max_digits=14, decimal_places=4)
    note = forms.CharField(label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ActivityForm(forms.Form):
    date = forms.DateField(label=_("Tanggal"), widget=DateInput())
    description = forms.CharField(label=_("Kegiatan"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)

    def __init__(self, *args, **kwargs):
        # Its own ids: the evidence form on the same page also has a ``description``, and a label
        # pointing at the wrong field leaves this one unnamed for screen readers (and browser tests).
        kwargs.setdefault("auto_id", "activity_%s")
        super().__init__(*args, **kwargs)


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Berkas bukti dukung"))
    description = forms.CharField(label=_("Keterangan"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        accept = ",".join(f".{ext}" for ext in allowed_extensions())
        self.fields["file"].widget.attrs["accept"] = accept
