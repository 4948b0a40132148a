"""Test settings: the development defaults (real PostgreSQL and Redis), fast hashing, local mail."""

import os
from urllib.parse import urlsplit

from .defaults import use_local_environment

# ``make test`` runs the suite in two processes (pytest-xdist). Each worker has its own test database
# (pytest-django adds the worker's name) and gets its own Redis database here, so one worker's
# ``cache.clear()``, rate-limit counters and Celery queues never reach the other's.
use_local_environment()
if worker := os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ["REDIS_URL"] = urlsplit(os.environ["REDIS_URL"])._replace(path=f"/{8 + int(worker[2:])}").geturl()

from .local import *  # noqa: E402, F403
from .local import CACHES  # noqa: E402

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES["default"]["KEY_PREFIX"] = "kinerja-test"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# No collectstatic in tests: let WhiteNoise look up files when asked instead of scanning STATIC_ROOT.
WHITENOISE_AUTOREFRESH = True
