"""The cards count their lists by shorter roads (the plans' side, the staff less those done): for any
small Pemda and any filter, every card's number must be the length of the list behind it.

Drawn: people placed in an OPD, its sub-unit or another OPD, of two position kinds, active or not;
each with up to two plans of any stage (the second after a transfer, so a plan's recorded unit and kind
can differ from where the person works now), a finished evaluation at checkpoint I or not, and JP."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaders.dashboard import selectors
from leaders.dashboard.scope import Scope
from org.models import Employee
from tests.appraisal.factories import PeriodFactory
from tests.factories import EmployeeFactory, PositionFactory, UnitFactory

from .conftest import _evaluation, _jp, _plan

PLACES = ["opd", "bidang", "other"]
KINDS = ["STRUKTURAL", "PELAKSANA"]
PLAN_STAGES = [("DRAFT", False), ("SUBMITTED", False), ("APPROVED", True), ("REVISION", True), ("SUBMITTED", True)]

plans = st.tuples(st.sampled_from(PLAN_STAGES), st.booleans())  # (stage, approved once), finished at I
person = st.fixed_dictionaries(
    {
        "place": st.sampled_from(PLACES),
        "kind": st.sampled_from(KINDS),
        "active": st.booleans(),
        "first": st.none() | plans,
        "moved": st.none() | st.tuples(st.sampled_from(PLACES), st.sampled_from(KINDS)),
        "second": st.none() | plans,
        "jp": st.sampled_from([0, 19, 20, 25]),
    }
)


def _place(employee: Employee, unit, kind: str) -> None:
    employee.position = PositionFactory(unit=unit, kind=kind)
    employee.unit = unit
    employee.save(update_fields=["position", "unit"])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(person, min_size=1, max_size=7))
def test_every_card_counts_its_own_list(db, people):
    with override_settings(LEADERS_EVALUATION_DAYS=30), transaction.atomic():
        period = PeriodFactory(year=2026, plan_deadline=date(2026, 5, 14))  # the suite's clock: 15 May 2026
        opd = UnitFactory(code="DINKES")
        units = {"opd": opd, "bidang": UnitFactory(code="DINKES-B", parent=opd), "other": UnitFactory(code="DISDIK")}
        for drawn in people:
            employee = EmployeeFactory(position=PositionFactory(unit=units[drawn["place"]], kind=drawn["kind"]))
            # A second plan needs another position (one plan per position and period): only after a transfer.
            second = drawn["second"] if drawn["moved"] else None
            for plan_drawn, moved in ((drawn["first"], drawn["moved"]), (second, None)):
                if plan_drawn is not None:
                    (stage, approved), finished = plan_drawn
                    plan = _plan(employee, period, stage, approved=approved)
                    if finished:
                        _evaluation(plan, kind="PERIODIC", checkpoint=1, status="SENT")
                if moved is not None:
                    _place(employee, units[moved[0]], moved[1])
            if drawn["jp"]:
                _jp(employee, drawn["jp"])
            if not drawn["active"]:
                Employee.objects.filter(pk=employee.pk).update(status=Employee.Status.PENSIUN)

        for unit in (None, opd, units["bidang"]):
            for kind in ("", *KINDS):
                scope = Scope.at_now(period=period, unit=unit, position_kind=kind)
                card = selectors.cards(scope)
                assert (card.plans.not_submitted, card.plans.submitted) == (
                    selectors.plans_late(scope, stage=selectors.NOT_SUBMITTED).count(),
                    selectors.plans_late(scope, stage=selectors.SUBMITTED).count(),
                )
                overdue = {row.checkpoint.number: row.overdue for row in card.evaluations if row.overdue is not None}
                assert overdue == {1: selectors.evaluations_overdue(scope, 1).count()}
                assert card.jp == selectors.jp_below_minimum(scope).count()
        transaction.set_rollback(True)
