import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, apply_email_url, env_bool

DEBUG = False

if (
    not os.environ.get("SECRET_KEY")
    or SECRET_KEY.startswith("dev-only")
    or len(SECRET_KEY) < 50
):
    raise ImproperlyConfigured(
        "Production needs a real SECRET_KEY (50+ random characters) in the environment."
    )

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
apply_email_url(globals())

# Wagtail's live preview shows the page in a same-origin iframe, so frames stay
# SAMEORIGIN (CSP frame-ancestors 'self' says the same) instead of DENY.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
