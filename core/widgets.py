"""Form widgets shared by every app."""

from __future__ import annotations

from django import forms

ISO_DATE = "%Y-%m-%d"


class DateInput(forms.DateInput):
    """A native date picker. Browsers accept only ISO dates in ``value``, whatever the page's language,
    so the value is never written in the localised format (``29-11-2026`` in Indonesian)."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format=ISO_DATE)
