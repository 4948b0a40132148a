"""Surveys' reminder kind (``notifications.reminders``): complaints near or past their response
target, to the unit head who must answer them. docs/notifications.md, "Reminders"."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from notifications.messages import InEveryLanguage
from notifications.reminders import Due, ReminderKind, Window
from org.access import hr_users, responsible_heads

from .models import Complaint

COMPLAINT_DUE = _("Pengaduan %(reference)s perlu ditanggapi")
COMPLAINT_DUE_BODY = _("Batas tanggapan pertama: %(date)s.")
COMPLAINT_LATE_BODY = _("Batas tanggapan pertama (%(date)s) sudah lewat.")
COMPLAINT_NO_HEAD = _("Pengaduan %(reference)s belum memiliki penanggap")
COMPLAINT_NO_HEAD_BODY = _("Unit kerja ini dan unit di atasnya tidak memiliki kepala aktif. Batas tanggapan: %(date)s.")


def complaints_due(window: Window) -> list[Due]:
    """Unanswered complaints whose response target (``Complaint.response_due_at``) falls within the
    window or has passed: to the head who answers for the unit (``surveys.access.can_answer_complaint``),
    or to HR when no active head exists above it. Four queries at most."""
    near = Complaint.objects.overdue(at=window.now + timedelta(days=window.lead_days))
    complaints = list(near.only("pk", "reference", "unit_id", "submitted_at"))
    heads = responsible_heads(complaint.unit_id for complaint in complaints) if complaints else {}
    orphaned = any(complaint.unit_id not in heads for complaint in complaints)
    hr = list(hr_users().values_list("pk", flat=True)) if orphaned else []
    dues = []
    for complaint in complaints:
        due_at = timezone.localtime(complaint.response_due_at)
        params = {
            "reference": complaint.reference,
            "date": InEveryLanguage(lambda at=due_at: formats.date_format(at, "DATETIME_FORMAT")),
        }
        url = reverse("surveys:complaint-detail", args=[complaint.pk])
        item = f"complaint:{complaint.pk}"
        head = heads.get(complaint.unit_id)
        if head is None:
            dues += [Due(user, item, COMPLAINT_NO_HEAD, params, COMPLAINT_NO_HEAD_BODY, url) for user in hr]
        elif head.user_id:  # a head without a login has nobody to remind (as appraisal.reminders.Officials)
            body = COMPLAINT_LATE_BODY if due_at < window.now else COMPLAINT_DUE_BODY
            dues.append(Due(head.user_id, item, COMPLAINT_DUE, params, body, url))
    return dues


KINDS = (
    ReminderKind(
        "complaints_near_target",
        _("Pengaduan mendekati batas tanggapan"),
        _("Kepala unit yang menanggapi pengaduan; BKPSDM bila unit itu tanpa kepala aktif."),
        complaints_due,
        lead=_("Hari sebelum batas tanggapan"),
        lead_days=1,
    ),
)
