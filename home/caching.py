"""Cache for the parts of every page that only change when editors publish:
the main menu, the footer and the language links ("site chrome").

Every entry's key contains a version that any page, site, locale or settings
save bumps. Entries also expire after ``CHROME_CACHE_SECONDS`` so that, without
a shared cache (Redis), another process's copy is stale for at most that long.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache as memoize
from typing import Any, TypeVar
from uuid import uuid4

from django.core.cache import cache

CHROME_CACHE_SECONDS = 300
_VERSION_KEY = "fnavet:chrome-version"

T = TypeVar("T")


def chrome_version() -> str:
    version = cache.get(_VERSION_KEY)
    if version is None:
        cache.add(_VERSION_KEY, uuid4().hex, None)
        version = cache.get(_VERSION_KEY) or "0"
    return version


def bump_chrome_version() -> None:
    cache.set(_VERSION_KEY, uuid4().hex, None)


def chrome_key(*parts: Any) -> str:
    return ":".join(["fnavet:chrome", chrome_version(), *(str(p) for p in parts)])


def cached_chrome(parts: tuple, compute: Callable[[], T]) -> T:
    """``compute()`` once per chrome version and ``parts``."""
    return cache.get_or_set(chrome_key(*parts), compute, CHROME_CACHE_SECONDS)


@memoize
def _invalidating_models() -> tuple[type, ...]:
    from wagtail.models import Locale, Page, PageViewRestriction, Site

    from .models import SiteSettings

    return (Page, Site, Locale, SiteSettings, PageViewRestriction)


def invalidate_chrome(sender, instance=None, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    if isinstance(instance, _invalidating_models()):
        bump_chrome_version()


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save

    # Any sender: pages of every app's page types count, not only home's.
    post_save.connect(invalidate_chrome, dispatch_uid="fnavet-chrome-save")
    post_delete.connect(invalidate_chrome, dispatch_uid="fnavet-chrome-delete")
