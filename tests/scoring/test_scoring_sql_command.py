"""``manage.py scoring_sql`` prints every named step of a run, in the order ``scores_compute`` runs them."""

from io import StringIO

import pytest
from django.core.management import call_command

from scoring import sql


@pytest.mark.parametrize("first", [False, True])
def test_it_prints_every_step_in_order_with_placeholders(first):
    out = StringIO()
    call_command("scoring_sql", *(["--first"] if first else []), "--scope", "employees", stdout=out)
    printed = out.getvalue()
    steps = sql.run_steps(employee_filter=sql.EMPLOYEE_FILTERS["employees"], first=first)
    headers = [f"-- {number}. {step.name}" for number, step in enumerate(steps, start=1)]
    positions = [printed.index(header) for header in headers]
    assert positions == sorted(positions)
    assert all(step.statement.strip() in printed for step in steps)
    assert "%(period)s" in printed and "%(employees)s" in printed
    assert ("first_scores_insert" in printed) == first
