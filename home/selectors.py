"""Read-side queries shared by views, feeds and the API."""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import Page, get_page_models

from core import hooks
from core.params import search_words
from core.search import provided_models

from .models import AccessibilityFeedback


def public_pages() -> QuerySet[Page]:
    """Live pages the public may see, without the pages apps keep out of
    public listings (registered under ``core.hooks.PUBLIC_PAGE_EXCLUSIONS``)."""
    return exclude_non_public(Page.objects.live().public())


def exclude_non_public(queryset: QuerySet) -> QuerySet:
    for excluded in hooks.collect(hooks.PUBLIC_PAGE_EXCLUSIONS):
        queryset = queryset.exclude(pk__in=excluded)
    return queryset


def search_pages(query: str):
    """Public pages matching every word, in Wagtail's index; page types an
    app searches itself (``core.search``) are left out."""
    words = search_words(query)
    pages = public_pages()
    provided = set(provided_models())
    if provided:
        # The other page types by name (an index lookup), not "not these".
        pages = pages.exact_type(*(m for m in get_page_models() if m not in provided))
    if not words:
        return pages.none()
    return pages.specific().search(words, operator="and")


def open_accessibility_feedback(limit: int = 10):
    """Unhandled accessibility feedback, oldest (nearest its deadline) first,
    and how many there are in all."""
    queryset = AccessibilityFeedback.objects.filter(handled=False).order_by(
        "created_at"
    )
    return list(queryset[:limit]), queryset.count()
