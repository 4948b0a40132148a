"""Each reminder kind finds exactly the items due now, for the right people, from hand-made data.

The clock is 15 May 2026, 10:00 WIB (tests/clock.py): the 2026 SKP deadline (31 January) has passed
and checkpoint I of the quarterly period (ending 31 March) is the latest one reached.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone, translation

from appraisal.models import AppraisalPeriod, Evaluation, Objection, Plan
from notifications.messages import params_data, source_text
from notifications.models import Notification
from notifications.reminders import Window, kind_of
from org.models import Employee
from tests.appraisal.factories import PeriodFactory, PlanFactory
from tests.factories import EmployeeFactory, HrUserFactory, PositionFactory, UnitFactory, UserFactory
from tests.surveys.factories import ComplaintFactory
from tests.training.factories import DevelopmentRecordFactory

pytestmark = pytest.mark.django_db


def found(code: str, *, lead_days: int = 7) -> set[tuple[int, str]]:
    window = Window(now=timezone.now(), lead_days=lead_days)
    return {(due.recipient_id, due.item) for due in kind_of(code).find(window)}


def staff(supervisor: Employee, name: str, **extra) -> Employee:
    return EmployeeFactory(name=name, position__unit=supervisor.unit, supervisor=supervisor, **extra)


def approved(employee: Employee, period: AppraisalPeriod) -> Plan:
    return PlanFactory(employee=employee, period=period, status=Plan.Status.APPROVED, approved_at=timezone.now())


# --- SKP deadline ---------------------------------------------------------------------------------


@pytest.fixture
def period():
    return PeriodFactory()


def test_plan_deadline_reminds_the_writer_or_the_approver(period, employee, supervisor, head):
    approved(supervisor, period), approved(head, period)
    submitted = PlanFactory(employee=staff(supervisor, "Sari", user=UserFactory()), period=period, status="SUBMITTED")
    draft = PlanFactory(employee=staff(supervisor, "Budi", user=UserFactory()), period=period, status="DRAFT")
    approved(staff(supervisor, "Citra", user=UserFactory()), period)
    staff(supervisor, "Dedi", user=UserFactory(), status=Employee.Status.PENSIUN)
    staff(supervisor, "Eka")  # no login: nobody to remind

    assert found("plan_deadline") == {
        (employee.user_id, f"2026:employee:{employee.pk}"),
        (draft.employee.user_id, f"2026:employee:{draft.employee_id}"),
        (supervisor.user_id, f"2026:plan:{submitted.pk}"),
    }


def test_plan_deadline_waits_until_it_is_near(employee, supervisor, head):
    PeriodFactory(plan_deadline=date(2026, 6, 30))
    assert found("plan_deadline", lead_days=14) == set()
    assert (employee.user_id, f"2026:employee:{employee.pk}") in found("plan_deadline", lead_days=46)


def test_a_plan_approved_once_and_now_in_revision_is_not_late(period, employee, supervisor, head):
    for person in (employee, supervisor, head):
        PlanFactory(employee=person, period=period, status=Plan.Status.REVISION, approved_at=timezone.now())
    assert found("plan_deadline") == set()


# --- Evaluations due ------------------------------------------------------------------------------


def evaluation(plan: Plan, status: str, *, checkpoint: int = 1, kind: str = "PERIODIC") -> Evaluation:
    return Evaluation.objects.create(plan=plan, kind=kind, checkpoint=checkpoint, status=status)


def test_evaluations_due_at_the_latest_checkpoint_reached(period, employee, supervisor):
    not_opened = approved(employee, period)
    self_assessing = approved(staff(supervisor, "Sari", user=UserFactory()), period)
    evaluation(self_assessing, Evaluation.Status.SELF_ASSESSMENT)
    rating = approved(staff(supervisor, "Budi", user=UserFactory()), period)
    evaluation(rating, Evaluation.Status.RATING)
    evaluation(approved(staff(supervisor, "Citra", user=UserFactory()), period), Evaluation.Status.SENT)
    PlanFactory(employee=staff(supervisor, "Dedi", user=UserFactory()), period=period, status="SUBMITTED")

    assert found("evaluations_due") == {
        (supervisor.user_id, f"{not_opened.pk}:PERIODIC:1"),
        (supervisor.user_id, f"{self_assessing.pk}:PERIODIC:1"),
        (self_assessing.employee.user_id, f"{self_assessing.pk}:PERIODIC:1"),
        (supervisor.user_id, f"{rating.pk}:PERIODIC:1"),
    }


def test_evaluations_move_to_the_next_checkpoint_when_it_is_near(period, employee, supervisor):
    plan = approved(employee, period)
    evaluation(plan, Evaluation.Status.SENT)
    assert found("evaluations_due", lead_days=7) == set()
    assert found("evaluations_due", lead_days=46) == {(supervisor.user_id, f"{plan.pk}:PERIODIC:2")}


def test_the_last_checkpoint_asks_for_the_annual_evaluation(employee, supervisor):
    plan = approved(employee, PeriodFactory(year=2025))
    evaluation(plan, Evaluation.Status.SENT, checkpoint=4)  # the periodic one does not count
    assert found("evaluations_due") == {(supervisor.user_id, f"{plan.pk}:ANNUAL:4")}


def test_a_closed_period_asks_for_nothing(employee, supervisor):
    approved(employee, PeriodFactory(status=AppraisalPeriod.Status.CLOSED))
    assert found("evaluations_due") == found("plan_deadline") == set()


# --- Annual results awaiting approval -------------------------------------------------------------


def test_a_submitted_annual_result_goes_to_the_superior_who_approves_it(period, employee, supervisor, head):
    waiting = evaluation(approved(employee, period), Evaluation.Status.SUBMITTED, checkpoint=4, kind="ANNUAL")
    for name, status in (("Sari", Evaluation.Status.RATING), ("Budi", Evaluation.Status.SENT)):
        evaluation(approved(staff(supervisor, name, user=UserFactory()), period), status, checkpoint=4, kind="ANNUAL")
    retired = staff(supervisor, "Dedi", user=UserFactory(), status=Employee.Status.PENSIUN)
    evaluation(approved(retired, period), Evaluation.Status.SUBMITTED, checkpoint=4, kind="ANNUAL")

    assert found("results_awaiting_approval") == {(head.user_id, f"evaluation:{waiting.pk}")}
    (due,) = kind_of("results_awaiting_approval").find(Window(now=timezone.now(), lead_days=0))
    notification = Notification(title=source_text(due.title), params=params_data(due.params))
    with translation.override("id"):
        assert notification.title_text() == f"Hasil evaluasi tahunan {employee.name} menunggu persetujuan Anda"
    with translation.override("en"):
        assert notification.title_text() == f"The annual result of {employee.name} awaits your approval"
    assert due.url == waiting.get_absolute_url()


def test_an_annual_result_whose_superior_left_goes_to_hr(period, employee, supervisor, head, hr_user):
    waiting = evaluation(approved(employee, period), Evaluation.Status.SUBMITTED, checkpoint=4, kind="ANNUAL")
    Employee.objects.filter(pk=head.pk).update(status=Employee.Status.PENSIUN)
    assert found("results_awaiting_approval") == {(hr_user.pk, f"evaluation:{waiting.pk}")}


def test_an_annual_result_in_a_closed_period_is_not_reminded(employee, supervisor, head):
    closed = PeriodFactory(status=AppraisalPeriod.Status.CLOSED)
    evaluation(approved(employee, closed), Evaluation.Status.SUBMITTED, checkpoint=4, kind="ANNUAL")
    assert found("results_awaiting_approval") == set()


# --- Objections -----------------------------------------------------------------------------------


def objection(plan: Plan, status: str = Objection.Status.PENDING) -> Objection:
    annual = evaluation(plan, Evaluation.Status.OBJECTED, checkpoint=4, kind="ANNUAL")
    ratings = {"old_work_rating": "SESUAI_EKSPEKTASI", "old_behaviour_rating": "SESUAI_EKSPEKTASI"}
    return Objection.objects.create(
        evaluation=annual, reason="Tidak sesuai", status=status, old_predikat="BAIK", **ratings
    )


def test_objections_go_to_the_official_who_decides_them(period, employee, supervisor, head, hr_user):
    pending = objection(approved(employee, period))
    objection(approved(staff(supervisor, "Sari", user=UserFactory()), period), Objection.Status.REJECTED)
    assert found("objections_pending") == {(head.user_id, f"objection:{pending.pk}")}


def test_an_objection_whose_superior_left_goes_to_hr(period, employee, supervisor, head, hr_user):
    pending = objection(approved(employee, period))
    Employee.objects.filter(pk=head.pk).update(status=Employee.Status.PENSIUN)
    other_hr = HrUserFactory()
    assert found("objections_pending") == {
        (hr_user.pk, f"objection:{pending.pk}"),
        (other_hr.pk, f"objection:{pending.pk}"),
    }


# --- Complaints -----------------------------------------------------------------------------------


@pytest.fixture
def unit_head(unit):
    position = PositionFactory(unit=unit, name="Kepala Dinas", is_unit_head=True)
    return EmployeeFactory(name="Kepala Dinas", position=position, user=UserFactory())


def test_complaints_near_their_target_go_to_the_head_who_answers(unit, unit_head, hr_user):
    now = timezone.now()
    section = UnitFactory(code="DINKES-P2P", parent=unit)  # no head of its own: the head above answers
    near = ComplaintFactory(unit=section, submitted_at=now - timedelta(days=2, hours=12))
    late = ComplaintFactory(unit=unit, submitted_at=now - timedelta(days=5))
    ComplaintFactory(unit=unit, submitted_at=now - timedelta(hours=1))  # due in three days
    ComplaintFactory(unit=unit, submitted_at=now - timedelta(days=5), first_response_at=now, status="DIJAWAB")
    headless = ComplaintFactory(unit=UnitFactory(code="DISDUK"), submitted_at=now - timedelta(days=4))

    assert found("complaints_near_target", lead_days=1) == {
        (unit_head.user_id, f"complaint:{near.pk}"),
        (unit_head.user_id, f"complaint:{late.pk}"),
        (hr_user.pk, f"complaint:{headless.pk}"),
    }
    assert (unit_head.user_id, f"complaint:{near.pk}") not in found("complaints_near_target", lead_days=0)


# --- JP below the minimum -------------------------------------------------------------------------


def test_jp_below_twenty_reminds_each_employee_with_the_months_left(period, employee, supervisor, head):
    DevelopmentRecordFactory(employee=supervisor, jp=24, status="VERIFIED", verified_at=timezone.now())
    DevelopmentRecordFactory(employee=head, jp=20, status="VERIFIED", verified_at=timezone.now())
    DevelopmentRecordFactory(employee=employee, jp=6, status="VERIFIED", verified_at=timezone.now())
    DevelopmentRecordFactory(employee=employee, jp=30, status="SUBMITTED")  # not verified: does not count
    staff(supervisor, "Eka")  # no login
    staff(supervisor, "Dedi", user=UserFactory(), status=Employee.Status.PENSIUN)

    dues = kind_of("jp_below_minimum").find(Window(now=timezone.now(), lead_days=0))

    assert [(due.recipient_id, due.item) for due in dues] == [(employee.user_id, f"2026:employee:{employee.pk}")]
    assert dues[0].params == {"year": 2026, "done": 6, "minimum": 20, "missing": 14, "months": 8}


def test_work_waiting_for_an_official_who_left_goes_to_hr(period, employee, supervisor, head, hr_user):
    approved(head, period)
    submitted = PlanFactory(employee=employee, period=period, status="SUBMITTED")
    unrated = approved(staff(supervisor, "Sari", user=UserFactory()), period)
    PlanFactory(employee=supervisor, period=period, status="SUBMITTED")  # their official, head, is active
    Employee.objects.filter(pk=supervisor.pk).update(status=Employee.Status.CUTI)

    assert (hr_user.pk, f"2026:plan:{submitted.pk}") in found("plan_deadline")
    assert supervisor.user_id not in {user for user, _item in found("plan_deadline")}
    assert found("evaluations_due") == {(hr_user.pk, f"{unrated.pk}:PERIODIC:1")}


def test_an_evaluation_reminder_reads_in_each_language(period, employee, supervisor):
    approved(employee, period)
    due = kind_of("evaluations_due").find(Window(now=timezone.now(), lead_days=7))[0]
    notification = Notification(title=source_text(due.title), params=params_data(due.params))
    with translation.override("id"):
        assert notification.title_text() == "Evaluasi Triwulan I Pegawai jatuh tempo 31 Maret 2026"
    with translation.override("en"):
        assert notification.title_text().startswith("Quarter I evaluation of Pegawai due")


def test_an_active_official_without_a_login_is_not_escalated(period, employee, supervisor, head, hr_user, unit):
    approved(head, period)
    approved(employee, period)
    PlanFactory(employee=supervisor, period=period, status="SUBMITTED")
    type(head.user).objects.filter(pk=head.user_id).delete()  # the head is active, without an account
    head.position.is_unit_head = True
    head.position.save()
    ComplaintFactory(unit=unit, submitted_at=timezone.now() - timedelta(days=5))

    assert found("plan_deadline") == set()
    assert found("complaints_near_target") == set()
    assert found("evaluations_due") == {(supervisor.user_id, f"{employee.plans.get().pk}:PERIODIC:1")}
