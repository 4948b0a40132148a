"""Development settings: safe defaults so ``make run`` works with no configuration."""

import os

# Development defaults; the scripts and the README name the same ones.
os.environ.setdefault("DATABASE_URL", "postgres://kinerja:kinerja@127.0.0.1:5432/kinerja")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")

from .base import *  # noqa: E402, F403
from .base import env  # noqa: E402

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="dev-only-insecure-key-change-me-in-production-0123456789")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "0.0.0.0"])
# seed_demo may create its demo logins here (never in production).
DEMO_DATA_ALLOWED = True
