"""Helpers for showing Swedish-default content in the visitor's language."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import translation
from wagtail.models import Page


def localize_pages(pages: Iterable[Page]) -> list[Page]:
    """Swap each page for its live translation in the active language, in one
    query; pages without a translation stay as they are."""
    pages = list(pages)
    language = translation.get_language() or settings.LANGUAGE_CODE
    if not pages or all(p.locale.language_code == language for p in pages):
        return pages
    translated = {
        p.translation_key: p
        for p in Page.objects.live()
        .filter(
            translation_key__in=[p.translation_key for p in pages],
            locale__language_code=language,
        )
        .specific()
    }
    return [translated.get(p.translation_key, p) for p in pages]
