"""The talent map's queued computation survives failure: a transient database error is retried with
back-off, any other error (or the last retry) marks the run failed, and a second delivery is harmless."""

from __future__ import annotations

import pytest
from django.db import OperationalError
from django.urls import reverse

from appraisal.predikat import Predikat
from leaders.models import TalentPlacement, TalentRun
from leaders.talent import tasks
from leaders.talent.selectors import map_status
from leaders.talent.services import talent_map_compute, talent_map_request, talent_run_execute
from tests.appraisal.factories import PeriodFactory
from tests.conftest import login

from .factories import annual_result, jpm_of


@pytest.fixture
def period(db):
    return PeriodFactory(year=2026)


@pytest.fixture
def placed(period, employee):
    """The employee placed in box 9 by an earlier computation: the map a failed attempt must keep."""
    annual_result(employee, 2026, Predikat.SANGAT_BAIK)
    jpm_of(employee, 25)
    talent_map_compute(period=period)
    return TalentPlacement.objects.get(period=period, employee=employee)


@pytest.fixture
def failing(monkeypatch):
    """Make the computation's reads fail ``times`` times with ``error``, then work; counts the attempts."""
    from leaders.talent import services

    attempts = []
    real = services.map_inputs

    def arrange(error: Exception, times: int = 1_000):
        def map_inputs(period, *, as_of):
            attempts.append(error)
            if len(attempts) <= times:
                raise error
            return real(period, as_of=as_of)

        monkeypatch.setattr(services, "map_inputs", map_inputs)
        return attempts

    return arrange


def _queued(period, hr_user) -> TalentRun:
    return TalentRun.objects.create(period=period, requested_by=hr_user)


def test_a_transient_error_keeps_the_run_pending_for_the_retry(period, placed, hr_user, failing):
    run = _queued(period, hr_user)
    failing(OperationalError("server closed the connection"))

    with pytest.raises(OperationalError):
        talent_run_execute(run_id=run.pk, retry_transient=True)

    run.refresh_from_db()
    assert (run.finished_at, run.failed_at) == (None, None)
    assert "server closed" in run.error
    assert map_status(period).pending
    assert TalentPlacement.objects.get(pk=placed.pk).box == 9


def test_any_other_error_marks_the_run_failed_and_the_map_says_so(client, period, placed, hr_user, failing):
    run = _queued(period, hr_user)
    failing(ValueError("bad data"))

    with pytest.raises(ValueError, match="bad data"):
        talent_run_execute(run_id=run.pk, retry_transient=True)

    run.refresh_from_db()
    assert run.finished_at is None and run.failed_at is not None and run.error == "ValueError: bad data"
    status = map_status(period)
    assert (status.pending, status.failed) == (False, True)
    content = login(client, hr_user).get(reverse("leaders:talent-map")).content.decode()
    assert 'data-testid="talent-failed"' in content
    assert TalentPlacement.objects.get(pk=placed.pk).box == 9


def test_a_finished_or_failed_run_is_not_computed_again(period, hr_user, failing):
    talent_map_compute(period=period)
    done = TalentRun.objects.get()
    given_up = _queued(period, hr_user)
    TalentRun.objects.filter(pk=given_up.pk).update(failed_at=done.finished_at)
    attempts = failing(ValueError("must not run"))

    assert talent_run_execute(run_id=done.pk) is None
    assert talent_run_execute(run_id=given_up.pk) is None
    assert attempts == []


def test_a_new_computation_clears_the_failure_from_the_map(period, placed, hr_user, failing):
    failing(ValueError("bad data"), times=1)
    with pytest.raises(ValueError):
        talent_run_execute(run_id=_queued(period, hr_user).pk)
    assert map_status(period).failed

    assert talent_run_execute(run_id=_queued(period, hr_user).pk) >= 1
    status = map_status(period)
    assert (status.failed, status.pending) == (False, False) and status.computed_at is not None


def test_the_queued_task_retries_a_transient_error_and_then_computes(
    period, employee, hr_user, settings, failing, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    attempts = failing(OperationalError("deadlock detected"), times=2)

    with django_capture_on_commit_callbacks(execute=True):
        run = talent_map_request(period=period, acting_user=hr_user)

    run.refresh_from_db()
    assert len(attempts) == 3
    assert run.finished_at is not None and run.failed_at is None and run.employees >= 1
    assert TalentPlacement.objects.filter(period=period, employee=employee).exists()


def test_the_task_gives_up_after_its_retries_and_marks_the_run_failed(period, hr_user, settings, failing):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    attempts = failing(OperationalError("server closed the connection"))
    run = _queued(period, hr_user)

    with pytest.raises(OperationalError):
        tasks.talent_map_compute.delay(run.pk).get()

    run.refresh_from_db()
    assert len(attempts) == tasks.MAX_RETRIES + 1
    assert run.failed_at is not None and "server closed" in run.error
    assert map_status(period).failed


def test_a_non_transient_error_is_not_retried(period, hr_user, settings, failing):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    attempts = failing(ValueError("bad data"))
    run = _queued(period, hr_user)

    with pytest.raises(ValueError, match="bad data"):
        tasks.talent_map_compute.delay(run.pk).get()

    assert len(attempts) == 1
