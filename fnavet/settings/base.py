"""Settings shared by every install. Anything that differs between installs is
read from the environment, always with a default."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from .env import env_bool, env_list, parse_email_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Overridden in every other settings module; production refuses the default.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
# Comma-separated host names the site answers to.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
# Absolute base URL used in emails, feeds and the API ("https://forening.example").
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", SITE_URL)

INSTALLED_APPS = [
    "core",
    "home",
    "foreningar",
    "coordinator.grants",
    "coordinator.trainings",
    "coordinator.newsletters",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.api.v2",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so every answer carries it (whitenoise's and axes' too).
    "fnavet.middleware.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.country.CountryTimeZoneMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "fnavet.middleware.SiteCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "fnavet.urls"
WSGI_APPLICATION = "fnavet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Default: an SQLite file beside manage.py; production sets postgres://...
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Optional Redis cache (rate limits, sessions' neighbours); local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "fnavet",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "fnavet",
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Swedish first (served at /), Finnish at /fi/, English at /en/.
LANGUAGE_CODE = "sv"
LANGUAGES = [
    ("sv", "Svenska"),
    ("fi", "Suomi"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# The country the site serves ("fi" or "se"): authorities named, currency,
# formats, identifiers. Site settings can override it (core.country).
COUNTRY = os.environ.get("COUNTRY", "fi").lower()
# The town's time zone; by default the country's (Europe/Stockholm in Sweden).
TIME_ZONE = os.environ.get(
    "TIME_ZONE", "Europe/Stockholm" if COUNTRY == "se" else "Europe/Helsinki"
)

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
# Uploaded images and documents.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies without files; uploads above this go to a temporary file on
# disk instead of memory. The web server caps the whole body (README).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Email. EMAIL_URL (smtp://user:pass@host:port) overrides the backend everywhere.
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Föreningsnavet <noreply@foreningsnavet.local>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_URL = os.environ.get("EMAIL_URL", "")


def apply_email_url(namespace: dict) -> None:
    """Let EMAIL_URL win over the module's own email backend choice."""
    if EMAIL_URL:
        namespace.update(parse_email_url(EMAIL_URL))


# Background work goes through django-tasks; the database backend in production.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# Newsletters (coordinator.newsletters.services.delivery).
# Recipients one worker claims at a time and sends over one SMTP connection.
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "200"))
# Seconds a claimed batch is a worker's; a crashed worker's rows return after it.
NEWSLETTER_LEASE_SECONDS = int(os.environ.get("NEWSLETTER_LEASE_SECONDS", "120"))
# Tries per recipient on temporary failures (SMTP 4xx, connection errors).
NEWSLETTER_MAX_ATTEMPTS = int(os.environ.get("NEWSLETTER_MAX_ATTEMPTS", "5"))
# First retry after this many seconds, then four times longer each time.
NEWSLETTER_RETRY_SECONDS = int(os.environ.get("NEWSLETTER_RETRY_SECONDS", "120"))
# Delivery tasks queued per send (at most one per worker does useful work).
NEWSLETTER_PARALLEL_TASKS = int(os.environ.get("NEWSLETTER_PARALLEL_TASKS", "4"))

# Wagtail
WAGTAIL_SITE_NAME = "Föreningsnavet"
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no calls to Gravatar
WAGTAILSEARCH_BACKENDS = {
    # PostgreSQL full-text search on PostgreSQL, a simple fallback on SQLite.
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
# Uploaded images (core.images reads these for help texts, the file input's
# accept, the validators and the admin). Formats people upload and Pillow
# re-encodes cleanly; no SVG (script), no AVIF/HEIC (not every browser shows them).
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Width × height × frames (Wagtail counts the frames): a 16 MP photo, or a
# 120 × 120 GIF of about 1 100 frames. Making a rendition of the largest image
# allowed takes a worker about 64 MB more, not 700.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 16_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.images.forms.ImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "txt", "csv", "pptx"]
# Review notices go to the reviewing group (Koordinatorer) only: one email per
# change each, not a second copy to every superuser. They are sent from a task
# (core.workflow_mail).
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin must work offline
WAGTAILAPI_BASE_URL = SITE_URL
WAGTAILAPI_LIMIT_MAX = 100

LOGIN_URL = "wagtailadmin_login"

# Password logins (the Wagtail admin) are throttled by django-axes: after
# AXES_FAILURE_LIMIT failures for one username or from one client address
# the login answers 429 (core.lockout) until AXES_COOLOFF_TIME has passed
# without a further failure. Representatives log in with emailed links,
# which axes never sees. The failures are kept in the database, so every
# worker sees them and a restart does not forget them.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 10
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.protection.client_ip"
AXES_LOCKOUT_CALLABLE = "core.lockout.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # no record of successful logins (IP, browser)
AXES_ENABLE_ADMIN = False  # there is no Django admin; Wagtail is the admin

# Content-Security-Policy: no inline script on public pages (the admin gets its
# own, looser policy in fnavet.middleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}

# true: accept rate limits counted per process (a local-memory cache, one
# process); otherwise production without REDIS_URL fails `check --deploy`.
RATE_LIMITS_PER_PROCESS = env_bool("RATE_LIMITS_PER_PROCESS", False)

# Addresses (or networks) of the reverse proxies in front of the site: only
# their X-Forwarded-For is believed when rate limits look for the client.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")

# Cookies: every cookie the site sets is SameSite=Lax (the session, which
# also carries the messages; CSRF; the language), and none is read by script.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
# Sessions: a coordinator's admin session lasts 12 hours from login (a working
# day, then log in again); a representative's session from an emailed link
# lasts 12 hours from its last use (core.sessions.LinkSession renews it).
SESSION_COOKIE_AGE = 12 * 60 * 60
# Powerful browser features no page of the site uses, refused for the page and
# anything it embeds (fnavet.middleware.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "identity-credentials-get",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# The API answers JSON only; dev adds the browsable HTML API (fnavet.api gives
# Wagtail's API viewsets these renderers instead of their own).
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Every search-index update is a task; one line per task is noise.
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # Failed logins and lockouts (warnings) stay; the start-up line goes.
        "axes": {"level": "WARNING"},
    },
}
