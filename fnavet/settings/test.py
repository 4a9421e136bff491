from .base import *  # noqa: F403
from .base import apply_email_url

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
RATE_LIMITS_PER_PROCESS = True  # each test process counts for itself
# Failed logins in the (per-test) local cache, not the database; the lockout
# tests also run with production's database handler.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
SILENCED_SYSTEM_CHECKS = ["axes.W001"]  # the local cache is per process, as above
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
LOGGING = {"version": 1, "disable_existing_loggers": False}

apply_email_url(globals())

# No collectstatic before tests: whitenoise finds files in static/ on request
# instead of warning that STATIC_ROOT is missing.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
