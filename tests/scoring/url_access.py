"""Access expectations for the ``scoring`` URLs (collected by ``tests/url_access.py``)."""

from __future__ import annotations

from scoring.forms import ScoringRulesForm
from scoring.models import ScoreRun
from scoring.selectors import policy_of
from tests.appraisal.factories import PeriodFactory
from tests.url_access import EMPLOYEE_READERS, HR_ROLES, LOGGED_IN, OUTSIDER, Access


def _period(personas):
    return {"pk": PeriodFactory(year=2026).pk}


def _unchanged_rules(personas):
    """The period's rules as they stand: HR's POST changes nothing and is sent back to the page (302)."""
    period = PeriodFactory(year=2026)
    return ScoringRulesForm(policy=policy_of(period), period=period).initial


def _run(personas):
    period = PeriodFactory(year=2026)
    run = ScoreRun.objects.filter(period=period).first() or ScoreRun.objects.create(period=period)
    return {"pk": run.pk}


URL_ACCESS = {
    "scoring:period-list": Access(allowed=HR_ROLES),
    "scoring:period-scores": Access(allowed=HR_ROLES, kwargs=_period),
    "scoring:run-start": Access(allowed=HR_ROLES, methods=("post",), kwargs=_period),
    "scoring:rules-edit": Access(allowed=HR_ROLES, methods=("get", "post"), kwargs=_period, data=_unchanged_rules),
    "scoring:run-detail": Access(allowed=HR_ROLES, kwargs=_run),
    "scoring:run-status": Access(allowed=HR_ROLES, kwargs=_run),
    # Whoever may read the employee (their chain, the head of a unit above, HR); an outsider gets 404.
    "scoring:employee-scores": Access(
        allowed=EMPLOYEE_READERS, outsiders={OUTSIDER}, kwargs=lambda p: {"pk": p.employee.pk}
    ),
    # Everyone with an employee record is sent to their own page; accounts without one lack the role (403).
    "scoring:my-scores": Access(allowed=LOGGED_IN - HR_ROLES),
}
