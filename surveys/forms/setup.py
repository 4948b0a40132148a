"""Forms of a unit's survey set-up: services and kiosks."""

from __future__ import annotations

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from ..models import KioskDevice, Service

SLUG_RESERVED = _("Kode URL ini dipakai oleh sistem; pilih yang lain.")
RESERVED_SLUGS = {"terima-kasih", "aduan", "lacak", "qr", "poster"}


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
