"""Test settings: the development defaults (real PostgreSQL and Redis), fast hashing, local mail."""

from .local import *  # noqa: F403
from .local import CACHES

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES["default"]["KEY_PREFIX"] = "kinerja-test"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# No collectstatic in tests: let WhiteNoise look up files when asked instead of scanning STATIC_ROOT.
WHITENOISE_AUTOREFRESH = True
