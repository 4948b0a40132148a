"""Development settings (``make dev``, tests): DEBUG on and safe defaults, so nothing needs configuring."""

from .defaults import DEV_SECRET_KEY, use_local_environment

# The scripts and the README name the same defaults.
use_local_environment()

from .base import *  # noqa: E402, F403
from .base import env  # noqa: E402

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default=DEV_SECRET_KEY)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "0.0.0.0"])
# seed_demo may create its demo logins here (never in production).
DEMO_DATA_ALLOWED = True
