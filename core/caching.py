"""One caching mechanism for the whole site: generations.

A :class:`Generation` is a counter in the cache. Every key built from it
carries its current value, so bumping the counter makes every entry built
before unreadable at once: no key lists, no pattern deletes. Each entry also
expires after its timeout, so a process that missed a bump (no shared cache)
is stale for at most that long.

Use it for data (:meth:`Generation.get_or_set`) and for template fragments
(``{% wagtailcache timeout name ... generation %}`` with the value from
``{% cache_generation "name" as generation %}``), never for previews:
``wagtailcache`` skips the cache for Wagtail previews.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache

T = TypeVar("T")

DEFAULT_TIMEOUT = 300
_REGISTRY: dict[str, Generation] = {}


class Generation:
    """A named cache generation; define each once, at module level."""

    def __init__(self, name: str) -> None:
        if name in _REGISTRY:
            raise ValueError(f"Cache generation {name!r} is defined twice.")
        self.name = name
        self._counter_key = f"fnavet:gen:{name}"
        _REGISTRY[name] = self

    def __repr__(self) -> str:
        return f"Generation({self.name!r})"

    @property
    def value(self) -> int:
        value = cache.get(self._counter_key)
        if value is None:
            cache.add(self._counter_key, 1, None)
            value = cache.get(self._counter_key) or 1
        return value

    def bump(self, *args: Any, **kwargs: Any) -> None:
        """Forget everything cached under this generation. Usable directly as
        a signal receiver; ignores raw saves (fixtures)."""
        if kwargs.get("raw"):
            return
        try:
            cache.incr(self._counter_key)
        except ValueError:
            cache.set(self._counter_key, 2, None)

    def key(self, *parts: Any) -> str:
        """A cache key for ``parts`` in the current generation."""
        digest = hashlib.sha1(repr(parts).encode()).hexdigest()
        return f"fnavet:{self.name}:{self.value}:{digest}"

    def get_or_set(
        self,
        parts: tuple[Any, ...],
        compute: Callable[[], T],
        timeout: int = DEFAULT_TIMEOUT,
    ) -> T:
        """``compute()`` once per generation and ``parts``; a cached ``None``
        counts as a miss."""
        key = self.key(*parts)
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, timeout)
        return value


def generation(name: str) -> Generation:
    """The generation defined under ``name`` (for template tags)."""
    return _REGISTRY[name]
