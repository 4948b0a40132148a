"""The dashboard's mean score per unit is ``scoring``'s stored unit aggregate; with a position kind it is
summed from the stored employee scores instead (``figures.kind_means``). Both must say the same for the
same rows: after a real computation, for any placement of people and any ratings, the stored mean and
count of every row equal the ones summed over the employee scores of its subtree."""

from __future__ import annotations

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaders.dashboard import figures
from leaders.dashboard.scope import Scope
from scoring.models import EmployeeScore
from scoring.services import scores_compute
from tests.appraisal.factories import PeriodFactory
from tests.factories import EmployeeFactory, PositionFactory, UnitFactory
from tests.scoring.conftest import TODAY, approved_plan, sent_evaluation

WORK = ["DI_ATAS_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI", None]  # None: not evaluated yet
PLACES = ["opd", "bidang", "seksi", "other"]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(st.tuples(st.sampled_from(PLACES), st.sampled_from(WORK)), min_size=1, max_size=6))
def test_the_stored_unit_mean_is_the_mean_of_the_employee_scores(db, people):
    with transaction.atomic():
        period = PeriodFactory(year=2026)
        opd = UnitFactory(code="DINKES")
        bidang = UnitFactory(code="DINKES-B", parent=opd)
        units = {"opd": opd, "bidang": bidang, "seksi": UnitFactory(code="DINKES-B-S", parent=bidang)}
        units["other"] = UnitFactory(code="DISDIK")
        for place, work in people:
            plan = approved_plan(EmployeeFactory(position=PositionFactory(unit=units[place])), period)
            if work:
                sent_evaluation(plan, work=work)
        scores_compute(period=period, today=TODAY)
        assert EmployeeScore.objects.filter(period=period).exists()

        periods = figures.trend_periods(period)
        for chosen in (None, opd):
            scope = Scope.at_now(period=period, unit=chosen, position_kind="")
            rows = figures.row_units(scope)
            stored = {
                (row.unit.pk, figure.period.pk): (figure.mean_score, figure.scored)
                for row in figures.score_rows(scope, rows, periods)
                for figure in row.figures
                if figure.scored
            }
            latest = figures.latest_checkpoints(periods)
            summed = figures.kind_means(scope, rows, figures.at_checkpoints(latest))
            assert stored == summed
            # Everyone has a score (R needs no evaluation): a row is empty only where nobody works.
            assert bool(stored) == (chosen is None or any(place != "other" for place, _work in people))
        transaction.set_rollback(True)
