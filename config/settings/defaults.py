"""The environment a developer's machine gets without any configuration (``local`` and ``serve``)."""

import os

DEV_SECRET_KEY = "dev-only-insecure-key-change-me-in-production-0123456789"
LOCAL_ENVIRONMENT = {
    "DATABASE_URL": "postgres://kinerja:kinerja@127.0.0.1:5432/kinerja",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def use_local_environment(**extra: str) -> None:
    """Fill in what the environment lacks; a value set there (or in ``.env``) always wins."""
    for name, value in {**LOCAL_ENVIRONMENT, **extra}.items():
        os.environ.setdefault(name, value)
