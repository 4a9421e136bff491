"""The archive: published newsletters of one language, newest first."""

from __future__ import annotations

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator

from core.i18n import default_locale_id, locale_ids
from core.pages import first_in_tree

from ..models import NewsletterIndexPage, NewsletterPage

ARCHIVE_PAGE_SIZE = 12


def default_archive() -> NewsletterIndexPage | None:
    """The archive in the default language (where newsletters are written)."""
    return first_in_tree(
        NewsletterIndexPage.objects.live().filter(locale_id=default_locale_id())
    )


def archive_for_language(language: str) -> NewsletterIndexPage | None:
    """The archive in ``language`` if it is translated and live, else the
    default one."""
    locale_id = locale_ids().get(language)
    archive = None
    if locale_id is not None:
        archive = first_in_tree(
            NewsletterIndexPage.objects.live().filter(locale_id=locale_id)
        )
    return archive or default_archive()


def archive_page(index_page: NewsletterIndexPage, number: str | int) -> PaginatorPage:
    """One page of the archive (two queries: count and rows); a number out
    of range gives the nearest page."""
    issues = (
        NewsletterPage.objects.live()
        .child_of(index_page)
        .order_by("-first_published_at", "-pk")
        .only(
            "pk",
            "title",
            "slug",
            "url_path",
            "path",
            "depth",
            "locale_id",
            "preheader",
            "first_published_at",
        )
    )
    return Paginator(issues, ARCHIVE_PAGE_SIZE).get_page(number)


def latest_issue(index_page: NewsletterIndexPage) -> NewsletterPage | None:
    return (
        NewsletterPage.objects.live()
        .child_of(index_page)
        .order_by("-first_published_at", "-pk")
        .first()
    )
