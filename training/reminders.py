"""Training's reminder kind (``notifications.reminders``): an employee below the yearly minimum of
JP (domain.md §3: at least 20), told how many months of the year are left. docs/notifications.md."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appraisal.models import AppraisalPeriod
from notifications.reminders import Due, ReminderKind, Window
from org.models import Employee

from .development import minimum_jp, year_by
from .inputs import jp_shortfalls

JP_BELOW = _("JP pengembangan kompetensi %(year)s: %(done)s dari %(minimum)s")
JP_BELOW_BODY = _(
    "Masih kurang %(missing)s JP dan tahun ini tinggal %(months)s bulan (termasuk bulan ini). "
    "Lihat rekomendasi pelatihan Anda dan catat kegiatan yang sudah selesai."
)


def _jp(value: Decimal) -> int | str:
    return int(value) if value == int(value) else str(value)


def jp_below_minimum_due(window: Window) -> list[Due]:
    """Every active employee with a login whose verified JP this year are below the minimum (the
    same read as HR's below-20-JP list, ``training.inputs.jp_shortfalls``); five queries."""
    period = AppraisalPeriod.objects.filter(year=window.today.year).first()
    if period is None:
        return []
    minimum = minimum_jp()
    shortfalls = jp_shortfalls(period, minimum=minimum, year_by=year_by())
    users = dict(
        Employee.objects.filter(pk__in=[row.employee_id for row in shortfalls], user__isnull=False).values_list(
            "pk", "user_id"
        )
    )
    months = 12 - window.today.month + 1
    url = reverse("training:my-development")
    return [
        Due(
            users[row.employee_id],
            f"{period.year}:employee:{row.employee_id}",
            JP_BELOW,
            {
                "year": period.year,
                "done": _jp(row.done),
                "minimum": _jp(minimum),
                "missing": _jp(minimum - row.done),
                "months": months,
            },
            JP_BELOW_BODY,
            url,
        )
        for row in shortfalls
        if row.employee_id in users
    ]


KINDS = (
    ReminderKind(
        "jp_below_minimum",
        _("JP di bawah 20 setahun"),
        _("Pegawai yang JP terverifikasinya tahun ini belum mencapai batas minimum."),
        jp_below_minimum_due,
        interval="WEEKLY",
        hour=8,
    ),
)
