"""Addresses of the one (Swedish) register under the visitor's language prefix.

Wagtail builds a page's URL in the page's own language, so a Swedish page has
no prefix. The register is not copied per language: /fi/foreningar/ shows the
Swedish pages, and every link inside it must keep /fi/.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from wagtail.models import Page


def url_in_language(url: str, page_language: str, language: str | None = None) -> str:
    """``url`` (a page URL in ``page_language``) under ``language``'s prefix."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    if not url or language == page_language:
        return url
    parts = urlsplit(url)
    with translation.override(page_language):
        try:
            match = resolve(parts.path)
        except Resolver404:
            return url
    with translation.override(language):
        try:
            path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return url
    return urlunsplit(parts._replace(path=path))


def page_url(page: Page, request: HttpRequest | None = None) -> str:
    """The page's address in the active language (same page, right prefix)."""
    return url_in_language(page.get_url(request), page.locale.language_code)
