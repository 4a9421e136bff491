"""System checks of the kernel (registered in ``CoreConfig.ready``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

# Cache backends whose counts live in one process (or one machine's files that
# a restart or a second host does not share reliably): rate limits kept there
# are per worker, and a restart forgets them.
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
}
# The cache the rate limits of core.protection count in.
RATE_LIMIT_CACHE = "default"


def check_rate_limit_cache(
    app_configs: Any = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """Without DEBUG, rate limits need a cache every worker shares (Redis).

    A warning, so every management command (``migrate`` on each deploy)
    prints it and ``check --deploy --fail-level WARNING`` fails on it, while
    a benchmark or a one-off command on a single process still runs.

    ``RATE_LIMITS_PER_PROCESS=true`` in the environment says the install
    knowingly runs one process (or accepts per-process limits)."""
    if settings.DEBUG:
        return []
    backend = settings.CACHES.get(RATE_LIMIT_CACHE, {}).get("BACKEND", "")
    if backend not in PER_PROCESS_CACHES:
        return []
    if getattr(settings, "RATE_LIMITS_PER_PROCESS", False):
        return [
            checks.Info(
                f"Rate limits are counted per process ({backend}); "
                "RATE_LIMITS_PER_PROCESS says that is intended.",
                id="core.I001",
            )
        ]
    return [
        checks.Warning(
            f"The '{RATE_LIMIT_CACHE}' cache is {backend}, which every process "
            "keeps for itself: each gunicorn worker counts the rate limits of "
            "the public forms (login links, registration, feedback) on its own "
            "and a restart resets them.",
            hint=(
                "Set REDIS_URL=redis://host:6379/0 so every process shares one "
                "cache, or set RATE_LIMITS_PER_PROCESS=true to accept "
                "per-process limits (a single-process install)."
            ),
            id="core.W001",
        )
    ]
