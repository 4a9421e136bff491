"""Site search (/sok/) in sections: the pages in Wagtail's search index, and
one section per app that registers a ``SearchProvider`` (``core.hooks.
SITE_SEARCH``) for page types it searches better itself (the register: by
vocabulary names in every language, part-words, at any size)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.utils.functional import Promise

from . import hooks


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    text: str = ""
    lang: str = ""  # when the hit's text is in another language than the page


@dataclass
class SearchSection:
    heading: str | Promise
    hits: list[SearchHit]
    total: int
    more_url: str = ""  # where all the section's hits are (e.g. the directory)
    more_label: str | Promise = ""
    capped: bool = False  # total is a lower bound: there are at least this many


@dataclass(frozen=True)
class SearchProvider:
    """``search(request, query, limit)`` returns the section, or None when
    the app has nothing to search (no register yet). ``page_models`` are the
    page types the provider covers: the site-wide part leaves them out."""

    search: Callable[[HttpRequest, str, int], SearchSection | None]
    page_models: tuple[type, ...] = field(default_factory=tuple)


def providers() -> list[SearchProvider]:
    return hooks.collect(hooks.SITE_SEARCH)


def provided_models() -> tuple[Any, ...]:
    return tuple(model for provider in providers() for model in provider.page_models)
