"""Error texts the survey forms share."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

CHOICE_INVALID = _("Pilihan tidak dikenal; pilih dari daftar atau kosongkan.")
TOO_LONG = _("Terlalu panjang: paling banyak %(limit_value)d karakter (sekarang %(show_value)d).")
