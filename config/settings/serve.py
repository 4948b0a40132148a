"""``make run``: the production settings on one machine, over plain HTTP, with the local defaults.

DEBUG is off, gunicorn serves, static files come from WhiteNoise's manifest (``collectstatic``
first) and errors show the project's own 404 and 500 pages, exactly as in production. Only what a
laptop lacks is relaxed: the development secret key, localhost as the only host, and no HTTPS (no
redirect, no HSTS, cookies not marked Secure, or the browser would never send them back over
http://). Never deploy with it: a server uses ``config.settings.production``, which has no defaults.
"""

from .defaults import DEV_SECRET_KEY, use_local_environment

use_local_environment(
    DJANGO_SECRET_KEY=DEV_SECRET_KEY,
    DJANGO_ALLOWED_HOSTS="localhost,127.0.0.1,[::1]",
    DJANGO_SECURE_SSL_REDIRECT="false",
    DJANGO_SECURE_HSTS_SECONDS="0",
)

from .production import *  # noqa: E402, F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
