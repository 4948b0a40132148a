"""Call-log retention: rows past ``API_CALL_LOG_DAYS`` are deleted in batches, nightly."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from api.models import ApiCall
from api.services import call_log_prune
from api.tasks import call_log_prune as call_log_prune_task
from tests.queries import statements

from .factories import api_client_with_token

pytestmark = pytest.mark.django_db


def log_calls(client, *, days_ago: list[float]) -> None:
    now = timezone.now()
    ApiCall.objects.bulk_create(
        ApiCall(client=client, method="GET", path="/api/v1/pegawai/", status=200, rows=1, duration_ms=5, at=at)
        for at in (now - timedelta(days=days) for days in days_ago)
    )


@pytest.fixture
def api_client(hr_user, tree):
    return api_client_with_token(hr_user)[0]


def test_it_deletes_calls_older_than_the_retention_and_keeps_the_rest(api_client, settings):
    settings.API_CALL_LOG_DAYS = 30
    log_calls(api_client, days_ago=[400, 31, 30.01, 29.99, 1, 0])

    assert call_log_prune() == 3

    kept = sorted((timezone.now() - at).days for at in ApiCall.objects.values_list("at", flat=True))
    assert kept == [0, 1, 29]


def test_it_deletes_in_batches_of_one_statement_each(api_client):
    log_calls(api_client, days_ago=[500] * 25 + [1] * 3)

    ran = statements(lambda: call_log_prune(keep_days=365, batch_size=10))

    assert ApiCall.objects.count() == 3
    assert ran == 3  # 10, 10, then 5: fewer than a batch, so the last


def test_the_nightly_task_prunes_with_the_setting(api_client, settings):
    settings.API_CALL_LOG_DAYS, settings.CELERY_TASK_ALWAYS_EAGER = 10, True
    log_calls(api_client, days_ago=[11, 12, 9])

    assert call_log_prune_task.delay().get() == 2
    assert ApiCall.objects.count() == 1
