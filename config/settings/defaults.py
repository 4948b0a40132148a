"""The environment a developer's machine gets without any configuration (``local`` and ``serve``)."""

import os
from pathlib import Path

import environ

DEV_SECRET_KEY = "dev-only-insecure-key-change-me-in-production-0123456789"
LOCAL_ENVIRONMENT = {
    "DATABASE_URL": "postgres://kinerja:kinerja@127.0.0.1:5432/kinerja",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
DOTENV = Path(__file__).resolve().parent.parent.parent / ".env"


def use_local_environment(**extra: str) -> None:
    """Fill in what the environment lacks; a value set there (or in ``.env``) always wins.

    ``.env`` is read first: filled in afterwards, a default would already stand in for the ``.env``
    value, and reading ``.env`` never overwrites a variable that is set.
    """
    if DOTENV.exists():
        environ.Env.read_env(DOTENV)
    for name, value in {**LOCAL_ENVIRONMENT, **extra}.items():
        os.environ.setdefault(name, value)
