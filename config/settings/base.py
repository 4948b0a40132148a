"""Settings shared by every environment.

Values come from the environment (12-factor, django-environ). Only ``local`` and ``test``
give development defaults; ``production`` has none for secrets, so it fails loudly.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from .directory import directory_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

# --- Applications -------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/#installed-apps
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "django_celery_beat",
    "axes",
    "core",
    "org",
    "notifications",
    "appraisal",
    "surveys",
    "training",
    "scoring",
    "leaders",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication, so the 400 page has a user and a language like every other page.
    "core.middleware.RejectNulBytesMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # django-axes must be last: it turns locked-out logins into a refusal.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "org.context_processors.roles",
                "org.context_processors.directory",
                "notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# --- Database: PostgreSQL only ---------------------------------------------------
# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-db-url
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: cache (rate limits) and Celery ------------------------------------------
# Nothing a user does may wait on Redis (docs/core.md): every client gives up quickly. A request
# only reaches Redis for the rate limits, which fail open.
REDIS_URL = env("REDIS_URL")
REDIS_CONNECT_TIMEOUT = env.float("REDIS_CONNECT_TIMEOUT", default=0.5)
REDIS_SOCKET_TIMEOUT = env.float("REDIS_SOCKET_TIMEOUT", default=0.5)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="kinerja"),
        # https://redis.readthedocs.io/en/stable/connections.html#redis.connection.Connection
        "OPTIONS": {"socket_connect_timeout": REDIS_CONNECT_TIMEOUT, "socket_timeout": REDIS_SOCKET_TIMEOUT},
    }
}

# --- Authentication ---------------------------------------------------------------
AUTH_USER_MODEL = "org.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Optional login against the Pemda's directory (LDAP / Active Directory), off unless AUTH_LDAP_SERVER_URI
# is set; on, its backend sits between axes' and the local passwords (docs/security.md, "Directory login").
vars().update(directory_settings(env, AUTHENTICATION_BACKENDS))
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Brute-force protection: https://django-axes.readthedocs.io/en/latest/4_configuration.html
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "core.clientip.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Failed logins from one address across all usernames, per AXES_COOLOFF_TIME window (core/accounts.py).
# Loose, because a whole office may share one address; Redis down means no check (fail open).
LOGIN_IP_FAILURE_LIMIT = env.int("LOGIN_IP_FAILURE_LIMIT", default=30)
# Reverse proxies in front of the app whose X-Forwarded-For entries are trusted (0: use REMOTE_ADDR).
# One setting for every use of the client's address: login throttling and the survey rate limits.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# --- Sessions ---------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/topics/http/sessions/#browser-length-vs-persistent-sessions
# A session left idle this long ends: every request moves the expiry forward.
SESSION_IDLE_TIMEOUT_MINUTES = env.int("SESSION_IDLE_TIMEOUT_MINUTES", default=30)
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- Internationalisation ---------------------------------------------------------
# Source strings are Indonesian (the default UI language); locale/en holds English.
LANGUAGE_CODE = env("LANGUAGE_CODE", default="id")
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("Inggris"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", default="Asia/Jakarta")
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files -------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded evidence lives outside the web root and is only served by views that check access.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
MEDIA_ROOT = PRIVATE_MEDIA_ROOT
MEDIA_URL = "/private-media-not-served/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- E-mail -----------------------------------------------------------------------
# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-email-url
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Kinerja <kinerja@localhost>")
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# --- Celery -----------------------------------------------------------------------
# https://docs.celeryq.dev/en/stable/django/first-steps-with-django.html
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL)
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TIME_LIMIT = 30 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 25 * 60
# Nothing reads task results: each job's state lives in its own row (score runs, import jobs), so
# neither the dispatcher nor the worker needs the result store, and its outage cannot wedge them.
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Work reaches the broker only through the outbox dispatcher (core/outbox.py), which retries by
# itself: a publish tries once, and every Redis call is bounded. The worker still reconnects on its
# own (broker_connection_retry), and its blocking reads (BRPOP, 1 s) stay below the socket timeout.
# https://docs.celeryq.dev/en/stable/userguide/configuration.html#broker-settings
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_CONNECTION_TIMEOUT = env.float("CELERY_BROKER_CONNECTION_TIMEOUT", default=1.0)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": CELERY_BROKER_CONNECTION_TIMEOUT,
    "socket_timeout": env.float("CELERY_BROKER_SOCKET_TIMEOUT", default=5.0),
    "max_retries": 1,
}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = CELERY_BROKER_CONNECTION_TIMEOUT
CELERY_REDIS_SOCKET_TIMEOUT = env.float("CELERY_BROKER_SOCKET_TIMEOUT", default=5.0)
# The result store's reconnect loop (20 tries, 1 s apart, by default) is what made a request
# hang for 19 s when Redis was down.
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
    "retry_policy": {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5}
}

# --- Outbox: broker work recorded in PostgreSQL, sent by `manage.py dispatch_outbox` (docs/core.md)
# The dispatcher wakes on each new job (LISTEN/NOTIFY) and, as a fallback, every this many seconds.
OUTBOX_POLL_SECONDS = env.float("OUTBOX_POLL_SECONDS", default=5.0)
# Sent jobs are deleted after this many days; pending ones are kept until sent.
OUTBOX_RETENTION_DAYS = env.int("OUTBOX_RETENTION_DAYS", default=7)

# --- Forms ------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Demo data (docs/demo-data.md) ---------------------------------------------------
# seed_demo creates logins with a published password: only local and test settings turn this on.
DEMO_DATA_ALLOWED = False

# --- Logging ----------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # WeasyPrint logs every step of every PDF at INFO; only its warnings matter.
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
}

# --- Surveys: SKM/IKM and complaints (surveys app) -------------------------------------
# Method: shared/domain.md §2 and docs/surveys.md. Every [U] choice of the domain is a setting here.
# Weight per element: "exact" (1/9, the default the domain recommends), "0.11" or "0.111".
SKM_WEIGHT_MODE = env("SKM_WEIGHT_MODE", default="exact")
# Display order of the nine elements; answers are always stored by code (U8/U9 order is [U]).
SKM_ELEMENT_ORDER = env.list("SKM_ELEMENT_ORDER", default=["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"])
# Lower bounds of grades A, B, C on the rounded 25-100 value; anything lower is D (domain.md §2.3).
SKM_GRADE_THRESHOLDS = {"A": "88.31", "B": "76.61", "C": "65.00"}
# Elements whose converted NRR is below this grade's lower bound are improvement priorities.
SKM_PRIORITY_BELOW_GRADE = "B"
# Krejcie & Morgan sample size (domain.md §2.5): chi-square, proportion, margin of error.
SKM_SAMPLE_CHI_SQUARE = "3.841"
SKM_SAMPLE_PROPORTION = "0.5"
SKM_SAMPLE_MARGIN = "0.05"
# Responses naming an employee needed before their own IKM is used (domain.md §7.4).
SKM_MIN_RESPONSES_PER_EMPLOYEE = env.int("SKM_MIN_RESPONSES_PER_EMPLOYEE", default=10)
# Rate limits for the public form: (submissions, window in seconds). Fail open when Redis is down.
# The per-IP limit is loose because mobile carriers put many phones behind one address (CGNAT).
SKM_RATE_LIMIT_IP = (env.int("SKM_RATE_LIMIT_IP", default=30), 3600)
SKM_RATE_LIMIT_DEVICE = (env.int("SKM_RATE_LIMIT_DEVICE", default=5), 3600)
SKM_RATE_LIMIT_KIOSK = (env.int("SKM_RATE_LIMIT_KIOSK", default=120), 3600)
SKM_RATE_LIMIT_COMPLAINT = (env.int("SKM_RATE_LIMIT_COMPLAINT", default=5), 3600)
# Complaint-number lookups per address (the form and the status link): guessing stays hopeless.
SKM_RATE_LIMIT_LOOKUP = (env.int("SKM_RATE_LIMIT_LOOKUP", default=30), 3600)
# Burst flags (never refusals) for patterns the limits let through, counted per unit over the window
# (seconds; at least the limits' own hour, so a sender pacing just under a limit is still seen).
# Each count must stay below the limit it watches, else the flag can never fire (check surveys.W001).
SKM_BURST_WINDOW = env.int("SKM_BURST_WINDOW", default=3600)
SKM_BURST_DEVICE_COUNT = env.int("SKM_BURST_DEVICE_COUNT", default=3)  # one device cookie
SKM_BURST_SAME_ANSWERS_COUNT = env.int("SKM_BURST_SAME_ANSWERS_COUNT", default=3)  # one address, same nine answers
SKM_BURST_ADDRESS_COUNT = env.int("SKM_BURST_ADDRESS_COUNT", default=15)  # one address, any answers
# A response sent faster than this after the form was opened is flagged (seconds).
SKM_MIN_FILL_SECONDS = env.int("SKM_MIN_FILL_SECONDS", default=8)
# How long an opened form stays valid, and how long a kiosk's thank-you page shows.
SKM_FORM_MAX_AGE = env.int("SKM_FORM_MAX_AGE", default=4 * 3600)
SKM_KIOSK_RESET_SECONDS = env.int("SKM_KIOSK_RESET_SECONDS", default=6)
SKM_KIOSK_COOKIE_AGE = 5 * 365 * 24 * 3600
# Complaints: the service metric "answered within N days" (an indicator may use it).
SKM_COMPLAINT_RESPONSE_DAYS = env.int("SKM_COMPLAINT_RESPONSE_DAYS", default=3)
# Version of the UU 27/2022 (PDP) consent text shown with the optional contact; stored with each complaint.
SKM_CONSENT_VERSION = "2024-1"

# --- Appraisal: performance plans (SKP) and achievement ---------------------------------
# docs/appraisal-plans.md; the numbers of domain.md §7.1. Cap, hint thresholds and the lower-is-better
# formula are copied into each new period, where HR may change them per period.
APPRAISAL_ACHIEVEMENT_CAP = env.str("APPRAISAL_ACHIEVEMENT_CAP", default="120")
APPRAISAL_ACHIEVEMENT_FLOOR = env.str("APPRAISAL_ACHIEVEMENT_FLOOR", default="0")
APPRAISAL_HINT_ABOVE_MIN = env.str("APPRAISAL_HINT_ABOVE_MIN", default="110")
APPRAISAL_HINT_AS_EXPECTED_MIN = env.str("APPRAISAL_HINT_AS_EXPECTED_MIN", default="90")
# Lower-is-better formula (domain.md §7.1): REGULATION is (2 − realisation/target) × 100 of the
# PermenPANRB 8/2021 annex; RATIO is target/realisation × 100.
APPRAISAL_LOWER_FORMULA = env.str("APPRAISAL_LOWER_FORMULA", default="REGULATION")
# SKP deadline (domain.md §1.2, "end of January" [S]) as month and day of the performance year.
APPRAISAL_PLAN_DEADLINE_MONTH = env.int("APPRAISAL_PLAN_DEADLINE_MONTH", default=1)
APPRAISAL_PLAN_DEADLINE_DAY = env.int("APPRAISAL_PLAN_DEADLINE_DAY", default=31)
# Evidence uploads: size limit and allowed extensions (each is also checked by content signature).
APPRAISAL_EVIDENCE_MAX_BYTES = env.int("APPRAISAL_EVIDENCE_MAX_BYTES", default=5 * 1024 * 1024)
APPRAISAL_EVIDENCE_EXTENSIONS = env.list(
    "APPRAISAL_EVIDENCE_EXTENSIONS",
    default=["pdf", "png", "jpg", "jpeg", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods"],
)

# --- Org: accounts for everyone (docs/security.md) --------------------------------------
# Days an activation code (e-mail link or printed letter) stays valid.
ACCOUNT_ACTIVATION_DAYS = env.int("ACCOUNT_ACTIVATION_DAYS", default=14)

# --- Org: bulk import / export (docs/import-export.md) ---------------------------------
ORG_IMPORT_MAX_UPLOAD_MB = env.int("ORG_IMPORT_MAX_UPLOAD_MB", default=25)
# Bounds on reading an upload: every row counts, blank ones too; cells per row and characters per
# cell; the XLSX parts' size once unpacked (checked before any XML is parsed).
ORG_IMPORT_MAX_ROWS = env.int("ORG_IMPORT_MAX_ROWS", default=100_000)
ORG_IMPORT_MAX_COLUMNS = env.int("ORG_IMPORT_MAX_COLUMNS", default=100)
ORG_IMPORT_MAX_CELL_CHARS = env.int("ORG_IMPORT_MAX_CELL_CHARS", default=1000)
ORG_IMPORT_MAX_UNPACKED_MB = env.int("ORG_IMPORT_MAX_UNPACKED_MB", default=60)
# Files larger than this are checked and imported by a Celery worker while the page shows progress.
ORG_IMPORT_BACKGROUND_KB = env.int("ORG_IMPORT_BACKGROUND_KB", default=256)
# Uploaded files wait under PRIVATE_MEDIA_ROOT/imports/ between the dry run and the confirmation.
ORG_IMPORT_KEEP_HOURS = env.int("ORG_IMPORT_KEEP_HOURS", default=24)

# --- Appraisal: evaluations, predikat, objections, distribution ----------------------------
# docs/appraisal-evaluations.md; domain.md §1.4–§1.6 and §7.4. The §1.6 percentages are [S] and the
# deadlines [U], so all of them are settings.
# Days after the result is communicated during which the employee may object (§7.4).
APPRAISAL_OBJECTION_DAYS = env.int("APPRAISAL_OBJECTION_DAYS", default=14)
# Peer answers are shown (anonymised) only once at least this many colleagues answered.
APPRAISAL_PEER_MIN_ANSWERS = env.int("APPRAISAL_PEER_MIN_ANSWERS", default=2)
# Place printed beside the signatures on the evaluation document and the SKP.
APPRAISAL_DOCUMENT_PLACE = env("APPRAISAL_DOCUMENT_PLACE", default="Kabupaten Contoh")
# When true, the superior's approval is refused if it leaves a fully rated unit outside its pattern.
APPRAISAL_DISTRIBUTION_BLOCKING = env.bool("APPRAISAL_DISTRIBUTION_BLOCKING", default=False)
# Organisation result -> rules (kind, predikats, value); see appraisal/distribution.py for the kinds.
APPRAISAL_DISTRIBUTION_PATTERNS = {
    "ISTIMEWA": [("largest", ["SANGAT_BAIK"], 0), ("max_pct", ["SANGAT_BAIK"], "70")],
    "BAIK": [
        ("largest", ["BAIK"], 0),
        ("max_pct", ["BAIK"], "70"),
        ("min_count", ["BUTUH_PERBAIKAN", "KURANG_MISCONDUCT"], 1),
    ],
    "BUTUH_PERBAIKAN": [("min_pct", ["BUTUH_PERBAIKAN"], "60"), ("max_pct", ["SANGAT_BAIK"], "10")],
    "KURANG": [
        ("min_pct", ["KURANG_MISCONDUCT"], "60"),
        ("min_pct", ["BUTUH_PERBAIKAN"], "10"),
        ("max_pct", ["SANGAT_BAIK"], "10"),
    ],
    "SANGAT_KURANG": [
        ("min_pct", ["SANGAT_KURANG"], "60"),
        ("min_pct", ["KURANG_MISCONDUCT", "BUTUH_PERBAIKAN"], "10"),
        ("max_count", ["SANGAT_BAIK"], 0),
    ],
}

# --- Scoring: the composite score (domain.md §7.2), defaults for each period's policy -------
# HR changes them per period (ScoringPolicy); these only seed a new period.
SCORING_DEFAULTS = {
    "weight_results": env.str("SCORING_WEIGHT_RESULTS", default="0.40"),
    "weight_evaluation": env.str("SCORING_WEIGHT_EVALUATION", default="0.35"),
    "weight_citizens": env.str("SCORING_WEIGHT_CITIZENS", default="0.15"),
    "weight_peers": env.str("SCORING_WEIGHT_PEERS", default="0.10"),
    "points_above": "100",
    "points_as_expected": "80",
    "points_below": "50",
}
# Nightly recompute of open periods (django-celery-beat; HR may edit it in the admin).
SCORING_NIGHTLY_CRONTAB = {"minute": "30", "hour": "1"}
# The weekly reminder digest (docs/notifications.md, "Reminders"): Mondays, before the working day.
REMINDER_DIGEST_CRONTAB = {"minute": "0", "hour": "6", "day_of_week": "1"}
# Sent-reminder log rows older than this many days are deleted every night, in batches
# (notifications.tasks.sent_reminders_prune). Never fewer than the longest reminder interval needs
# (a week and a day), whatever is set: the log is what keeps a reminder to once per interval.
REMINDER_LOG_DAYS = env.int("REMINDER_LOG_DAYS", default=365)
REMINDER_LOG_PRUNE_CRONTAB = {"minute": "45", "hour": "3"}
# A running recompute writes a heartbeat this often (seconds). A running run without one for
# SCORING_RUN_STALE_SECONDS lost its worker, and so did a run still queued after
# SCORING_RUN_QUEUED_SECONDS: the watchdog (every minute) fails it and queues a new attempt, up to
# SCORING_RUN_MAX_ATTEMPTS attempts in all (docs/operations.md).
SCORING_RUN_HEARTBEAT_SECONDS = env.int("SCORING_RUN_HEARTBEAT_SECONDS", default=15)
SCORING_RUN_STALE_SECONDS = env.int("SCORING_RUN_STALE_SECONDS", default=120)
SCORING_RUN_QUEUED_SECONDS = env.int("SCORING_RUN_QUEUED_SECONDS", default=900)
SCORING_RUN_MAX_ATTEMPTS = env.int("SCORING_RUN_MAX_ATTEMPTS", default=3)

# --- Training recommendations (domain.md §7.3, docs/training-recommendations.md) ------------
# Rule 3: an employee's own U6/U7 NRR below this (grade B's lower bound on the 1–4 scale) is a need,
# counted only from SKM_MIN_RESPONSES_PER_EMPLOYEE answers naming them; so is a unit graded as below.
TRAINING_NRR_THRESHOLD = env.str("TRAINING_NRR_THRESHOLD", default="3.0644")
TRAINING_LOW_UNIT_GRADES = env.list("TRAINING_LOW_UNIT_GRADES", default=["C", "D"])
# JP per calendar year (§3: at least 20); an activity counts in the year of its END date (or START).
TRAINING_MINIMUM_JP = env.str("TRAINING_MINIMUM_JP", default="20")
TRAINING_JP_YEAR_BY = env.str("TRAINING_JP_YEAR_BY", default="END")
# The ranked programmes stored as proposals per employee: the best few are read, not all of them.
TRAINING_MAX_PROPOSALS = env.int("TRAINING_MAX_PROPOSALS", default=5)

# --- Leaders: recognition and coaching lists (domain.md §7.4, docs/leaders.md) ---------------
# Top performers: this share of a unit's scored staff (rounded up, at least one), predikat Baik or better.
# Coaching list: predikat Butuh Perbaikan or worse, or R (plan achievement, 0-100) below this.
LEADERS_TOP_PERCENT = env.str("LEADERS_TOP_PERCENT", default="10")
LEADERS_COACHING_RESULTS_BELOW = env.str("LEADERS_COACHING_RESULTS_BELOW", default="70")

# --- Talent map (domain.md §7.5, docs/leaders.md "Talent map") ------------------------------
# Potensi from JPM: below MIDDLE rendah, from MIDDLE menengah, from HIGH tinggi (a score on a cut-off
# belongs to the higher box). A Pemda example [S]; each placement records the cut-offs it used.
TALENT_JPM_MIDDLE = env.str("TALENT_JPM_MIDDLE", default="68")
TALENT_JPM_HIGH = env.str("TALENT_JPM_HIGH", default="80")

# --- Leaders: the HR dashboard (docs/leaders.md, "HR dashboard") ----------------------------
# Days after a checkpoint ends by which its evaluation must be finished (sent, or submitted for the
# annual one); domain.md is silent, so this is our default [U].
LEADERS_EVALUATION_DAYS = env.int("LEADERS_EVALUATION_DAYS", default=14)

# --- Operations: backups and health (docs/operations.md) ---------------------------------
# Nightly backup of the database (pg_dump) and PRIVATE_MEDIA_ROOT, one folder per backup under BACKUP_ROOT.
# Backups older than BACKUP_KEEP_DAYS are deleted, but the newest BACKUP_KEEP_MIN are always kept.
BACKUP_ROOT = Path(env("BACKUP_ROOT", default=str(BASE_DIR / "var" / "backups")))
BACKUP_KEEP_DAYS = env.int("BACKUP_KEEP_DAYS", default=14)
BACKUP_KEEP_MIN = env.int("BACKUP_KEEP_MIN", default=3)
BACKUP_CRONTAB = {"minute": "0", "hour": "2"}
# The health page and /health/ call a worker dead when its heartbeat (every minute) is older than this.
HEALTH_WORKER_STALE_SECONDS = env.int("HEALTH_WORKER_STALE_SECONDS", default=300)
# ... and the outbox dispatcher stuck when a job has waited longer than this to reach the broker.
HEALTH_OUTBOX_STALE_SECONDS = env.int("HEALTH_OUTBOX_STALE_SECONDS", default=300)
# Seconds the health checks wait for Redis before they call it down.
HEALTH_BROKER_TIMEOUT = env.float("HEALTH_BROKER_TIMEOUT", default=1.0)

# A friendly page instead of Django's technical one when a form's CSRF token has expired.
CSRF_FAILURE_VIEW = "config.views.csrf_failure"

# --- Read-only REST API for the Pemda's other tools (docs/api.md) --------------------------------
# Per-client tokens (``Authorization: Bearer <token>``) made by HR; no session, no browsable API.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.ClientTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kinerja API",
    "DESCRIPTION": "Read-only data for the Pemda's other tools: predikat per year, Kinerja's own composite "
    "score (not the official predikat) and unit IKM. See docs/api.md.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
}
API_PAGE_SIZE = env.int("API_PAGE_SIZE", default=50)
API_MAX_PAGE_SIZE = env.int("API_MAX_PAGE_SIZE", default=200)

# --- API: rate limit per client and call-log retention (docs/api.md) ----------------------------
# Calls per minute a client may make unless HR set its own limit on the client; the next call gets
# 429 with Retry-After. Counted in Redis (the default cache); while Redis is down calls go through.
API_RATE_PER_MINUTE = env.int("API_RATE_PER_MINUTE", default=120)
# Call-log rows older than this many days are deleted every night, in batches (api.tasks.api_calls_prune).
API_CALL_LOG_DAYS = env.int("API_CALL_LOG_DAYS", default=365)
API_CALL_LOG_PRUNE_CRONTAB = {"minute": "30", "hour": "3"}
