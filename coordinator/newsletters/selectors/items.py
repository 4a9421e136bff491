"""What the upcoming blocks list: items from the providers registered under
``core.hooks.NEWSLETTER_ITEMS`` for the block's kind."""

from __future__ import annotations

import datetime
import logging
from typing import Any

from core import hooks
from core.hooks import NewsletterItem, NewsletterItemProvider

logger = logging.getLogger(__name__)


def _sort_key(item: NewsletterItem) -> datetime.datetime:
    value = item.date
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None)
    return datetime.datetime.combine(value, datetime.time.min)


def providers(kind: str) -> list[NewsletterItemProvider]:
    return [
        provider
        for provider in hooks.collect(hooks.NEWSLETTER_ITEMS)
        if provider is not None and provider.kind == kind
    ]


def upcoming_items(
    kind: str, value: Any, language: str
) -> tuple[list[NewsletterItem], bool]:
    """The block's items, soonest first, and whether any provider answered
    (False: the app behind the block is not installed)."""
    found = providers(kind)
    limit = int(value.get("limit") or 5)
    filters = {
        "days": int(value.get("days") or 60),
        "target_group": value.get("target_group") or "",
    }
    items: list[NewsletterItem] = []
    for provider in found:
        try:
            items += provider.items(limit, language, filters)
        except Exception:  # one broken provider must not stop a send
            logger.exception("Newsletter item provider %r failed", provider.label)
    items.sort(key=_sort_key)
    return items[:limit], bool(found)
