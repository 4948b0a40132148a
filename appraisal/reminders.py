"""Appraisal's reminder kinds (``notifications.reminders``): the SKP deadline, the evaluation due at
each checkpoint, the annual results awaiting the superior's approval and the objections awaiting a
decision. Each reads its set in a fixed number of
queries per open period, never one per employee. docs/notifications.md, "Reminders".
"""

from __future__ import annotations

from datetime import date

from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from notifications.messages import InEveryLanguage
from notifications.reminders import Due, ReminderKind, Window
from org.access import hr_users
from org.models import Employee

from .models import AppraisalPeriod, Evaluation, Objection, Plan

PLAN_DUE = _("SKP %(year)s Anda belum disetujui")
PLAN_DUE_BODY = _("Batas penetapan SKP %(year)s: %(date)s. Lengkapi SKP dan ajukan kepada pejabat penilai.")
PLAN_LATE_BODY = _(
    "Batas penetapan SKP %(year)s (%(date)s) sudah lewat. Lengkapi SKP dan ajukan kepada pejabat penilai."
)
PLAN_AWAITING = _("SKP %(year)s %(name)s menunggu persetujuan Anda")
PLAN_AWAITING_BODY = _("Batas penetapan SKP %(year)s: %(date)s.")
EVALUATION_DUE = _("Evaluasi %(label)s %(name)s jatuh tempo %(date)s")
SELF_ASSESSMENT_DUE = _("Isi penilaian diri evaluasi %(label)s (jatuh tempo %(date)s)")
PLAN_NO_ASSESSOR = _("SKP %(year)s %(name)s menunggu pejabat penilai yang tidak aktif")
EVALUATION_NO_ASSESSOR = _("Evaluasi %(label)s %(name)s tanpa pejabat penilai aktif (jatuh tempo %(date)s)")
NO_ASSESSOR_BODY = _("Pejabat penilai pada SKP ini tidak aktif lagi; tetapkan penggantinya.")
RESULT_AWAITING = _("Hasil evaluasi tahunan %(name)s menunggu persetujuan Anda")
RESULT_NO_SUPERIOR = _("Hasil evaluasi tahunan %(name)s belum dapat disetujui")
RESULT_NO_SUPERIOR_BODY = _(
    "Atasan pejabat penilai pada SKP ini tidak aktif lagi; tetapkan siapa yang menyetujui hasil evaluasi."
)
OBJECTION_PENDING = _("Keberatan %(name)s menunggu putusan Anda")
OBJECTION_NO_SUPERIOR = _("Keberatan %(name)s belum dapat diputus")
OBJECTION_NO_SUPERIOR_BODY = _("Atasan pejabat penilai pada SKP ini tidak aktif lagi; tetapkan siapa yang memutus.")


def _date(day: date) -> InEveryLanguage:
    return InEveryLanguage(lambda: formats.date_format(day))


def _open_periods(*, until: date):
    return AppraisalPeriod.objects.filter(status=AppraisalPeriod.Status.OPEN, year__lte=until.year)


class Officials:
    """Who acts for an official recorded on a plan: the official while active (if they have a login),
    else every HR user (asked once, only when needed), so a plan whose official left is not left
    unheard. An active official without a login is nobody to remind, and not HR's case either: with
    every item of every such official, HR's inbox would be a copy of theirs (docs/notifications.md)."""

    def __init__(self) -> None:
        self._hr: list[int] | None = None

    def acting(self, user_id: int | None, status: str | None) -> tuple[list[int], bool]:
        """(recipients, whether they stand in for the official)."""
        if status == Employee.Status.AKTIF:
            return ([user_id] if user_id else []), False
        if self._hr is None:
            self._hr = list(hr_users().values_list("pk", flat=True))
        return self._hr, True


# --- The SKP deadline -----------------------------------------------------------------------------


def plan_deadline_due(window: Window) -> list[Due]:
    """Active employees whose SKP for an open year was never approved, once its deadline is near or
    past: the employee while it is theirs to write, the assessing official once it is submitted."""
    periods = _open_periods(until=window.horizon).filter(year__gte=window.today.year, plan_deadline__lte=window.horizon)
    return [due for period in periods for due in _plan_dues(period, window)]


def _plan_dues(period: AppraisalPeriod, window: Window) -> list[Due]:
    approved = Plan.objects.filter(period=period, employee=OuterRef("pk"), approved_at__isnull=False)
    latest = Plan.objects.filter(period=period, employee=OuterRef("pk")).order_by("-created_at", "-pk")
    rows = (
        Employee.objects.active()
        .exclude(Exists(approved))
        .annotate(
            plan_id=Subquery(latest.values("pk")[:1]),
            plan_status=Subquery(latest.values("status")[:1]),
            assessor_user=Subquery(latest.values("assessor__user")[:1]),
            assessor_status=Subquery(latest.values("assessor__status")[:1]),
        )
        .values_list("pk", "name", "user", "plan_id", "plan_status", "assessor_user", "assessor_status")
    )
    late = window.today > period.plan_deadline
    params = {"year": period.year, "date": _date(period.plan_deadline)}
    officials, dues = Officials(), []
    for employee_id, name, user_id, plan_id, status, assessor_user, assessor_status in rows:
        url = reverse("appraisal:plan-detail", args=[plan_id]) if plan_id else reverse("appraisal:plan-list")
        if status == Plan.Status.SUBMITTED:
            recipients, standing_in = officials.acting(assessor_user, assessor_status)
            title, body = (PLAN_NO_ASSESSOR, NO_ASSESSOR_BODY) if standing_in else (PLAN_AWAITING, PLAN_AWAITING_BODY)
            item = f"{period.year}:plan:{plan_id}"
            dues += [Due(user, item, title, params | {"name": name}, body, url) for user in recipients]
        elif user_id:
            body = PLAN_LATE_BODY if late else PLAN_DUE_BODY
            dues.append(Due(user_id, f"{period.year}:employee:{employee_id}", PLAN_DUE, params, body, url))
    return dues


# --- The evaluation due at each checkpoint --------------------------------------------------------


def evaluations_due(window: Window) -> list[Due]:
    """Per open period, the latest checkpoint that ends within the window (the year's last one is the
    annual evaluation): the assessing official of every approved plan whose evaluation for it is not
    rated yet, and the employee while the evaluation waits for their self-assessment."""
    return [due for period in _open_periods(until=window.horizon) for due in _evaluation_dues(period, window)]


def _evaluation_dues(period: AppraisalPeriod, window: Window) -> list[Due]:
    checkpoints = period.checkpoints()
    reached = [checkpoint for checkpoint in checkpoints if checkpoint.end <= window.horizon]
    if not reached:
        return []
    checkpoint = reached[-1]
    annual = checkpoint.number == len(checkpoints)
    kind = Evaluation.Kind.ANNUAL if annual else Evaluation.Kind.PERIODIC
    evaluations = Evaluation.objects.filter(plan=OuterRef("pk"), kind=kind, checkpoint=checkpoint.number)
    rows = (
        Plan.objects.filter(period=period, approved_at__isnull=False, employee__status=Employee.Status.AKTIF)
        .exclude(Exists(evaluations.filter(status__in=Evaluation.RATED_STATUSES)))
        .annotate(
            evaluation_id=Subquery(evaluations.values("pk")[:1]),
            evaluation_status=Subquery(evaluations.values("status")[:1]),
        )
        .values_list(
            "pk",
            "employee__name",
            "employee__user",
            "assessor",
            "assessor__user",
            "assessor__status",
            "evaluation_id",
            "evaluation_status",
        )
    )
    # The label is worded again in each language (a Checkpoint's label is already a string).
    label = InEveryLanguage(lambda: gettext("Tahunan") if annual else period.checkpoint(checkpoint.number).label)
    params = {"label": label, "date": _date(checkpoint.end)}
    officials, dues = Officials(), []
    for plan_id, name, user_id, assessor, assessor_user, assessor_status, evaluation_id, status in rows:
        item = f"{plan_id}:{kind}:{checkpoint.number}"
        url = (
            reverse("appraisal:evaluation-detail", args=[evaluation_id])
            if evaluation_id
            else (reverse("appraisal:plan-detail", args=[plan_id]))
        )
        if assessor is not None:  # a top official without one is appraised outside the app
            recipients, standing_in = officials.acting(assessor_user, assessor_status)
            title, body = (EVALUATION_NO_ASSESSOR, NO_ASSESSOR_BODY) if standing_in else (EVALUATION_DUE, "")
            dues += [Due(user, item, title, params | {"name": name}, body, url) for user in recipients]
        if status == Evaluation.Status.SELF_ASSESSMENT and user_id:
            dues.append(Due(user_id, item, SELF_ASSESSMENT_DUE, params, url=url))
    return dues


# --- Annual results awaiting the superior's approval ----------------------------------------------


def results_awaiting_approval(window: Window) -> list[Due]:
    """Every annual result the assessing official submitted (``Evaluation.needs_approval``) and the
    Atasan Pejabat Penilai has not yet approved or returned (docs/appraisal-evaluations.md), in an open
    period (approving is refused in a closed one) and of an active employee: to that superior, or to
    HR when the superior is no longer active. The employee sees nothing until it is approved."""
    rows = Evaluation.objects.filter(
        status=Evaluation.Status.SUBMITTED,
        plan__period__status=AppraisalPeriod.Status.OPEN,
        plan__employee__status=Employee.Status.AKTIF,
    ).values_list("pk", "plan__employee__name", "plan__assessor_superior__user", "plan__assessor_superior__status")
    officials, dues = Officials(), []
    for pk, name, superior_user, superior_status in rows:
        url = reverse("appraisal:evaluation-detail", args=[pk])
        recipients, standing_in = officials.acting(superior_user, superior_status)
        title, body = (RESULT_NO_SUPERIOR, RESULT_NO_SUPERIOR_BODY) if standing_in else (RESULT_AWAITING, "")
        dues += [Due(user, f"evaluation:{pk}", title, {"name": name}, body, url) for user in recipients]
    return dues


# --- Objections awaiting a decision ---------------------------------------------------------------


def objections_due(window: Window) -> list[Due]:
    """Every pending objection, to the Atasan Pejabat Penilai who decides it (domain.md §5 step 5);
    to HR when that official is no longer active, so it is not left unheard."""
    rows = Objection.objects.filter(status=Objection.Status.PENDING).values_list(
        "pk",
        "evaluation_id",
        "evaluation__plan__employee__name",
        "evaluation__plan__assessor_superior__user",
        "evaluation__plan__assessor_superior__status",
    )
    officials, dues = Officials(), []
    for pk, evaluation_id, name, superior_user, superior_status in rows:
        url = reverse("appraisal:evaluation-detail", args=[evaluation_id])
        recipients, standing_in = officials.acting(superior_user, superior_status)
        title, body = (OBJECTION_NO_SUPERIOR, OBJECTION_NO_SUPERIOR_BODY) if standing_in else (OBJECTION_PENDING, "")
        dues += [Due(user, f"objection:{pk}", title, {"name": name}, body, url) for user in recipients]
    return dues


KINDS = (
    ReminderKind(
        "plan_deadline",
        _("Batas penetapan SKP"),
        _("Pegawai yang SKP-nya belum diajukan; pejabat penilai bila SKP menunggu persetujuannya."),
        plan_deadline_due,
        lead=_("Hari sebelum batas penetapan SKP"),
        lead_days=14,
    ),
    ReminderKind(
        "evaluations_due",
        _("Evaluasi jatuh tempo di titik pantau"),
        _("Pejabat penilai yang belum menilai; pegawai yang belum mengisi penilaian diri."),
        evaluations_due,
        lead=_("Hari sebelum akhir titik pantau"),
        lead_days=7,
    ),
    ReminderKind(
        "results_awaiting_approval",
        _("Hasil evaluasi tahunan menunggu persetujuan"),
        _("Atasan pejabat penilai yang menyetujui; BKPSDM bila atasan itu tidak aktif."),
        results_awaiting_approval,
    ),
    ReminderKind(
        "objections_pending",
        _("Keberatan menunggu putusan"),
        _("Atasan pejabat penilai yang memutus; BKPSDM bila atasan itu tidak aktif."),
        objections_due,
    ),
)
