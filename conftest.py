"""Root pytest configuration: browser and Celery plugins (they may only be declared here)."""

import os
import shutil

import pytest

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
def celery_config():
    from django.conf import settings

    return {"broker_url": settings.CELERY_BROKER_URL, "result_backend": settings.CELERY_RESULT_BACKEND}
