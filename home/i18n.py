"""Helpers for showing Swedish-default content in the visitor's language."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page

from .caching import cached_chrome


def locale_ids() -> dict[str, int]:
    """Language code → Locale id, cached with the site chrome."""
    return cached_chrome(
        ("locale-ids",),
        lambda: dict(Locale.objects.values_list("language_code", "pk")),
    )


def localize_pages(pages: Iterable[Page]) -> list[Page]:
    """Swap each page for its live translation in the active language, in one
    query; pages without a translation stay as they are."""
    pages = list(pages)
    language = translation.get_language() or settings.LANGUAGE_CODE
    locale_id = locale_ids().get(language)
    if not pages or locale_id is None:
        return pages
    if all(p.locale_id == locale_id for p in pages):
        return pages
    translated = {
        p.translation_key: p
        for p in Page.objects.live()
        .filter(
            translation_key__in=[p.translation_key for p in pages],
            locale_id=locale_id,
        )
        .specific()
    }
    return [translated.get(p.translation_key, p) for p in pages]
