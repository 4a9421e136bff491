"""A generation counter for everything cached about the public register.

Cached directory results carry the generation in their keys; any public change
(publish, unpublish, delete, move, vocabulary or view-restriction edits, bulk
seeding) bumps it, so stale entries are never read again."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache

GENERATION_KEY = "foreningar:register-generation"


def register_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = 1
        cache.add(GENERATION_KEY, generation, None)
    return generation


def bump_register_generation(**kwargs: Any) -> None:
    """Forget every cached register result (usable as a signal receiver)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)
