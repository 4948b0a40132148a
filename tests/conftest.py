"""Role personas shared by every test (healthchecks style: owner, teammate, outsider)."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import kombu.pools
import pytest
import time_machine
from celery import Celery
from django.conf import settings
from django.db import connections
from django.utils import translation
from openpyxl import Workbook

from config.celery import app as celery_app
from core.outbox import dispatch_forever
from tests.clock import FROZEN_AT
from tests.factories import EmployeeFactory, HrUserFactory, PositionFactory, UnitFactory, UserFactory


@pytest.fixture(autouse=True)
def _fixed_clock():
    """Every test starts at ``FROZEN_AT``, never at the real date; the clock still ticks, so
    timeouts, polling and browser waits go on working."""
    with time_machine.travel(FROZEN_AT, tick=True):
        yield


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's language: a request that switched to English (the test client
    runs the locale middleware in this thread) would otherwise leave it on for the tests after it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def unit(db):
    return UnitFactory(code="DINKES", name="Dinas Kesehatan")


@pytest.fixture
def hr_user(db):
    return HrUserFactory(username="hr")


@pytest.fixture
def head(unit):
    """Superior of the supervisor: the Atasan Pejabat Penilai of ``employee``."""
    position = PositionFactory(unit=unit, name="Kepala Dinas", kind="STRUKTURAL", level="JPT_PRATAMA")
    return EmployeeFactory(name="Kepala", position=position, user=UserFactory(username="kepala"))


@pytest.fixture
def supervisor(unit, head):
    position = PositionFactory(unit=unit, name="Kepala Bidang", kind="STRUKTURAL", level="ADMINISTRATOR")
    return EmployeeFactory(name="Atasan", position=position, supervisor=head, user=UserFactory(username="atasan"))


@pytest.fixture
def employee(unit, supervisor):
    position = PositionFactory(unit=unit, name="Pengelola Data", kind="PELAKSANA", level="PELAKSANA")
    return EmployeeFactory(
        name="Pegawai", position=position, supervisor=supervisor, user=UserFactory(username="pegawai")
    )


@pytest.fixture
def upper_head(unit):
    """Head of the unit two levels above ``unit`` (Setda > Asisten > Dinkes): everyone of ``unit`` is in
    their subtree, and nobody there reports to them, directly or through their official."""
    top = UnitFactory(code="SETDA", name="Sekretariat Daerah", kind="SEKRETARIAT")
    middle = UnitFactory(code="SETDA.AS1", name="Asisten Pemerintahan dan Kesra", kind="BAGIAN", parent=top)
    unit.parent = middle
    unit.save(update_fields=["parent"])
    position = PositionFactory(unit=top, name="Sekretaris Daerah", kind="STRUKTURAL", is_unit_head=True)
    return EmployeeFactory(name="Sekda", position=position, user=UserFactory(username="sekda"))


@pytest.fixture
def outsider(db):
    """An employee with a login in another unit, outside every chain above."""
    return EmployeeFactory(name="Orang Luar", user=UserFactory(username="luar"))


@pytest.fixture
def import_media(settings, tmp_path) -> Path:
    """Uploads waiting for confirmation go under a throw-away PRIVATE_MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def sheet_file(tmp_path):
    """Write rows (the first is the header) to an .xlsx or .csv file and return its path."""

    def write(rows: list[list[object]], *, ext: str = "xlsx", name: str = "berkas", delimiter: str = ",") -> Path:
        path = tmp_path / f"{name}.{ext}"
        if ext == "xlsx":
            workbook = Workbook()
            for row in rows:
                workbook.active.append(row)
            workbook.save(path)
        else:
            with path.open("w", newline="", encoding="utf-8") as handle:
                csv.writer(handle, delimiter=delimiter).writerows(rows)
        return path

    return write


def login(client, user):
    client.force_login(user)
    return client


CLOSED_PORT_URL = "redis://127.0.0.1:6399/0"  # nobody listens here: Redis is "down"


def drop_broker_pools() -> None:
    """Celery caches its connection and producer pools; drop both so the next publish connects
    to whatever the app's ``broker_url`` says then (a test's closed port, or the real one again)."""
    kombu.pools.reset()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    vars(celery_app._local).pop("backend", None)  # the result store, cached per thread


@pytest.fixture
def broker_down(settings, monkeypatch):
    """Redis unreachable for the broker, the result store and the cache; every publish is recorded.

    Yields the list of task names that something tried to publish: a request must leave it empty.
    """
    # The app's conf reads Django settings lazily: patch it first, so what it restores is the real URL.
    monkeypatch.setitem(celery_app.conf, "broker_url", CLOSED_PORT_URL)
    monkeypatch.setitem(celery_app.conf, "result_backend", CLOSED_PORT_URL)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = settings.CELERY_RESULT_BACKEND = CLOSED_PORT_URL
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": CLOSED_PORT_URL}}
    drop_broker_pools()
    published = []
    send_task = Celery.send_task

    def recording_send_task(self, name, *args, **kwargs):
        published.append(name)
        return send_task(self, name, *args, **kwargs)

    monkeypatch.setattr(Celery, "send_task", recording_send_task)
    yield published
    drop_broker_pools()


@pytest.fixture
def outbox_dispatcher(transactional_db):
    """The outbox dispatcher in a thread, as `manage.py dispatch_outbox` runs beside a worker."""
    stop = threading.Event()

    def run() -> None:
        try:
            dispatch_forever(poll_seconds=0.2, stop=stop)
        finally:
            connections.close_all()  # this thread's own connection, before the test database goes

    thread = threading.Thread(target=run, name="outbox-dispatcher", daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join(timeout=10)
