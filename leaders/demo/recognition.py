"""The demo's recognition and coaching: one approved award and two coaching plans, one of them overdue.

Runs after scoring (``seed_demo`` follows INSTALLED_APPS order), so the lists read the computed scores.
The demo unit head nominates the first top performer of their OPD and the demo HR officer approves, so
the certificate can be opened at once; the demo supervisor writes a plan for the first two of their people
on the coaching list, the first dated as if written weeks ago, so the overdue mark shows. Idempotent:
a second run finds the award and the plans and adds nothing.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext

from appraisal.models import AppraisalPeriod
from org.access import headed_unit
from org.models import DemoAccount, Employee, User
from org.selectors import reports_of

from ..models import CoachingPlan, Nomination
from ..recognition import selectors, services

AWARD = "Pegawai Berkinerja Terbaik"


def _user(username: str) -> User | None:
    """A login that ``seed_demo`` made: the demo never acts as a real account of the same name."""
    return User.objects.filter(username=username, pk__in=DemoAccount.objects.values("user")).first()


def _award(period: AppraisalPeriod, head: User, hr: User) -> int:
    if Nomination.objects.filter(period=period, status=Nomination.Status.APPROVED).exists():
        return 0
    unit = headed_unit(head)
    rows = selectors.recognition_lists(period=period, groups=[unit]).top if unit else []
    if not rows:
        return 0
    nomination = services.nomination_create(
        period=period,
        unit=unit,
        employee=rows[0].employee,
        award=AWARD,
        reason="Capaian SKP dan kepuasan masyarakat tertinggi di unit, konsisten sepanjang tahun.",
        acting_user=head,
    )
    services.nomination_approve(nomination=nomination, reason="Sesuai usulan kepala OPD.", acting_user=hr)
    return 1


def _plans(period: AppraisalPeriod, supervisor: User) -> int:
    rows = selectors.team_coaching(period=period, team=reports_of(supervisor.employee))
    if any(row.plan for row in rows):
        return 0
    today = timezone.localdate()
    for index, row in enumerate(rows[:2]):
        plan = services.coaching_plan_create(
            period=period,
            employee=row.employee,
            goal="Capaian indikator kembali sesuai target triwulan berikutnya.",
            actions="Dialog kinerja dua mingguan; pendampingan penyusunan laporan realisasi.",
            coach=supervisor.employee,
            follow_up_on=today + timedelta(days=14),
            acting_user=supervisor,
        )
        if index == 0:  # as if agreed weeks ago and not yet followed up
            CoachingPlan.objects.filter(pk=plan.pk).update(follow_up_on=today - timedelta(days=7))
    return len(rows[:2])


def seed_recognition(*, stdout=None) -> str:
    period = AppraisalPeriod.objects.first()  # newest year first
    head, hr, supervisor = _user("kepala"), _user("bkpsdm"), _user("atasan")
    if period is None or None in (head, hr, supervisor) or not Employee.objects.filter(user=supervisor).exists():
        message = gettext("Penghargaan dan pembinaan: data demo belum lengkap; dilewati.")
    else:
        awards, plans = _award(period, head, hr), _plans(period, supervisor)
        message = gettext(
            "Penghargaan dan pembinaan: %(awards)s penghargaan disetujui, %(plans)s rencana pembinaan."
        ) % {
            "awards": awards,
            "plans": plans,
        }
    if stdout is not None:
        stdout.write(message + "\n")
    return message
