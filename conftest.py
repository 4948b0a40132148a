"""Root pytest configuration: browser and Celery plugins (they may only be declared here)."""

import os
import shutil

import pytest
from django.db import connections

# Playwright's sync API runs an event loop in the main thread; the ORM must still work in those tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytest_plugins = ("celery.contrib.pytest",)

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Use the distribution's Chromium: Playwright's own browser download is not reachable."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }


@pytest.fixture(scope="session")
def playwright(playwright):
    """pytest-playwright's Playwright, closing Django's connections before it stops.

    While Playwright runs, test code runs in another contextvars context, and Django keeps its
    connections per context: those opened meanwhile (by any test after the first browser test)
    are out of reach once Playwright stops, stay open, and the test database cannot be dropped.
    """
    yield playwright
    connections.close_all()


@pytest.fixture(scope="session")
def celery_includes():
    """Task modules the test worker imports before it starts, whatever the tests ran before."""
    return ("notifications.tasks", "scoring.tasks")


@pytest.fixture(scope="session")
def celery_config():
    from django.conf import settings

    # The test app keeps results: celery.contrib's worker fixture pings it and waits for the answer.
    return {"broker_url": settings.CELERY_BROKER_URL, "result_backend": settings.CELERY_RESULT_BACKEND}
