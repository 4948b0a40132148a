"""Display helpers for appraisal figures: formatting and labels only, no rules."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from ..achievement import Bound, Formula, Hint, LowerFormula, round2
from ..distribution import OrgResult
from ..predikat import Predikat, Rating

register = template.Library()

HINT_LABELS = {
    Hint.DI_ATAS_EKSPEKTASI: _("Di Atas Ekspektasi"),
    Hint.SESUAI_EKSPEKTASI: _("Sesuai Ekspektasi"),
    Hint.DI_BAWAH_EKSPEKTASI: _("Di Bawah Ekspektasi"),
}
FORMULA_LABELS = {
    Formula.HIGHER: _("realisasi ÷ acuan × 100"),
    Formula.LOWER: _("(2 − realisasi ÷ acuan) × 100, rumus lampiran PermenPANRB 8/2021"),
    Formula.LOWER_RATIO: _("acuan ÷ realisasi × 100"),
    Formula.LOWER_ZERO: _("realisasi 0 dengan rumus acuan ÷ realisasi → batas atas"),
    Formula.RANGE_INSIDE: _("di dalam rentang → 100"),
    Formula.NOT_REPORTED: _("belum dilaporkan → dihitung 0"),
}
BOUND_LABELS = {
    Bound.TARGET: _("acuan: target"),
    Bound.LOW: _("di bawah rentang, acuan: batas bawah"),
    Bound.HIGH: _("di atas rentang, acuan: batas atas"),
}
# The lower-is-better formula in force, in words, for the rules panel of the transparency page.
LOWER_FORMULA_WORDS = {
    LowerFormula.REGULATION: _(
        "Makin rendah makin baik: capaian = (2 − realisasi ÷ target) × 100, rumus kondisi khusus lampiran "
        "PermenPANRB 8/2021; realisasi 0 memberi 200, dibatasi batas atas."
    ),
    LowerFormula.RATIO: _(
        "Makin rendah makin baik: capaian = target ÷ realisasi × 100 (pilihan Pemda, bukan rumus lampiran "
        "PermenPANRB 8/2021); realisasi 0 memberi batas atas."
    ),
}
DIRECTION_ICONS = {"HIGHER": "bi-arrow-up", "LOWER": "bi-arrow-down", "STABIL": "bi-arrows-collapse"}
STATE_LABELS = {
    "NO_PLAN": (_("Belum ada SKP"), "danger"),
    "NOT_APPROVED": (_("SKP belum disetujui"), "warning"),
    "NOT_REPORTED": (_("Belum melapor"), "warning"),
    "BEHIND": (_("Tertinggal"), "danger"),
    "ON_TRACK": (_("Sesuai rencana"), "success"),
}
STATUS_COLOURS = {
    "DRAFT": "secondary",
    "SUBMITTED": "primary",
    "RETURNED": "warning",
    "APPROVED": "success",
    "REVISION": "info",
}


@register.filter
def num(value: Decimal | None) -> str:
    """A stored figure without meaningless trailing zeros (45.0000 → 45, 2.5000 → 2,5)."""
    if value is None:
        return "—"
    value = Decimal(value)
    exact = value.to_integral_value() if value == value.to_integral_value() else value.normalize()
    return formats.number_format(exact, use_l10n=True)


@register.filter
def pct(value: Decimal | None) -> str:
    """A capaian as displayed everywhere: 2 decimals, half up (domain.md §7)."""
    if value is None:
        return "—"
    return formats.number_format(round2(Decimal(value)), decimal_pos=2, use_l10n=True)


@register.filter
def hint_label(value: str | None) -> str:
    return HINT_LABELS.get(value, "—") if value else "—"


@register.filter
def formula_label(value: str) -> str:
    return FORMULA_LABELS.get(value, value)


@register.filter
def bound_label(value: str | None) -> str:
    return BOUND_LABELS.get(value, "") if value else ""


@register.filter
def lower_formula_words(value: str) -> str:
    return LOWER_FORMULA_WORDS.get(value, value)


@register.filter
def direction_icon(value: str) -> str:
    return DIRECTION_ICONS.get(value, "bi-arrow-up")


@register.filter
def state_label(value: str) -> str:
    return STATE_LABELS[value][0]


@register.filter
def state_colour(value: str) -> str:
    return STATE_LABELS[value][1]


@register.filter
def status_colour(value: str) -> str:
    return STATUS_COLOURS.get(value, "secondary")


RATING_COLOURS = {"DI_ATAS_EKSPEKTASI": "success", "SESUAI_EKSPEKTASI": "primary", "DI_BAWAH_EKSPEKTASI": "danger"}
PREDIKAT_COLOURS = {
    "SANGAT_BAIK": "success",
    "BAIK": "primary",
    "BUTUH_PERBAIKAN": "warning",
    "KURANG_MISCONDUCT": "danger",
    "SANGAT_KURANG": "dark",
}
EVALUATION_STATUS_COLOURS = {
    "SELF_ASSESSMENT": "info",
    "RATING": "secondary",
    "SUBMITTED": "primary",
    "SENT": "success",
    "OBJECTED": "warning",
    "DECIDED": "success",
}


@register.filter
def rating_label(value: str | None) -> str:
    return Rating(value).label if value in Rating.values else "—"


@register.filter
def rating_colour(value: str | None) -> str:
    return RATING_COLOURS.get(value or "", "light")


@register.filter
def predikat_label(value: str | None) -> str:
    return Predikat(value).label if value in Predikat.values else "—"


@register.filter
def predikat_colour(value: str | None) -> str:
    return PREDIKAT_COLOURS.get(value or "", "light")


@register.filter
def evaluation_colour(value: str) -> str:
    return EVALUATION_STATUS_COLOURS.get(value, "secondary")


@register.filter
def org_result_label(value: str | None) -> str:
    return OrgResult(value).label if value in OrgResult.values else "—"
