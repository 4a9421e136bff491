"""The reader's language and the content in it.

The site's content languages are ``settings.WAGTAIL_CONTENT_LANGUAGES``; the
default (``settings.LANGUAGE_CODE``) is served without a prefix, the others
under ``/<code>/``. Code everywhere asks these helpers instead of writing
"sv".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation

from .caching import Generation

if TYPE_CHECKING:
    from django.http import HttpRequest
    from wagtail.models import Locale, Page

# Bumped whenever a Locale is saved or deleted (see core.signals).
LOCALES = Generation("locales")


def default_language() -> str:
    return settings.LANGUAGE_CODE


def language_codes() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def normalise_language(code: str | None) -> str:
    """A content language code for ``code`` ("fi-FI" → "fi"), or the default."""
    if not code:
        return default_language()
    codes = language_codes()
    code = code.lower()
    if code in codes:
        return code
    base = code.split("-")[0]
    return base if base in codes else default_language()


def current_language() -> str:
    """The language the reader is using now (one of the content languages)."""
    return normalise_language(translation.get_language())


def locale_ids() -> dict[str, int]:
    """Language code → Locale id, cached until a Locale changes."""
    from wagtail.models import Locale

    return LOCALES.get_or_set(
        ("ids",),
        lambda: dict(Locale.objects.values_list("language_code", "pk")),
        timeout=3600,
    )


def default_locale_id() -> int:
    return locale_ids()[default_language()]


def current_locale_id() -> int | None:
    return locale_ids().get(current_language())


def locale_by_id(locale_id: int) -> Locale:
    """The Locale row from the cache (pages read ``page.locale`` a lot)."""
    from wagtail.models import Locale

    locales = LOCALES.get_or_set(
        ("rows",), lambda: {row.pk: row for row in Locale.objects.all()}, 3600
    )
    locale = locales.get(locale_id)
    return locale if locale is not None else Locale.objects.get(pk=locale_id)


def attach_locale(page: Page) -> None:
    """Give a page its Locale without a query, if it has not got it yet."""
    if page.locale_id is None or "locale" in page._state.fields_cache:
        return
    page.locale = locale_by_id(page.locale_id)


def page_language(page: Page) -> str:
    attach_locale(page)
    return page.locale.language_code


def foreign_language(page: Page) -> str:
    """The page's language if it differs from the reader's (for a ``lang``
    attribute around its text), else ""."""
    if page is None or not getattr(page, "locale_id", None):
        return ""
    language = page_language(page)
    return "" if language == current_language() else language


def localize_pages(pages: Iterable[Page]) -> list[Page]:
    """Swap each page for its live translation in the reader's language, in
    one query; pages without one stay as they are."""
    from wagtail.models import Page

    pages = list(pages)
    locale_id = current_locale_id()
    if not pages or locale_id is None or all(p.locale_id == locale_id for p in pages):
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


def url_in_language(url: str, page_language: str, language: str | None = None) -> str:
    """``url`` (an address in ``page_language``) under ``language``'s prefix:
    a page that exists in one language only keeps the reader's prefix."""
    language = language or current_language()
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
    """The page's address under the reader's language prefix."""
    return url_in_language(page.get_url(request), page_language(page))


def page_url_in(page: Page, language: str, request: HttpRequest | None = None) -> str:
    """The page's address for a reader of ``language`` (an email's recipient):
    its live translation if there is one, else the page under the language's
    prefix."""
    language = normalise_language(language)
    with translation.override(language):
        page = localize_pages([page])[0]
        return url_in_language(
            page.get_url(request) or "", page_language(page), language
        )


def split_language_prefix(path: str) -> tuple[str, str]:
    """``/fi/foreningar/`` → ``("fi", "/foreningar/")``; a path without a
    prefix is in the default language."""
    for code in language_codes():
        if code == default_language():
            continue
        prefix = f"/{code}"
        if path == prefix or path.startswith(prefix + "/"):
            return code, path[len(prefix) :] or "/"
    return default_language(), path or "/"


def _deepest_page(roots: list[Page], components: list[str]) -> tuple[Page, int] | None:
    """The live page deepest along ``components`` under the first of
    ``roots`` that holds the most of them, and how many it consumed."""
    from wagtail.models import Page

    best: tuple[Page, int] | None = None
    for root in roots:
        candidates = {
            root.url_path + "".join(f"{c}/" for c in components[:n]): n
            for n in range(len(components) + 1)
        }
        page = (
            Page.objects.live()
            .filter(url_path__in=candidates)
            .order_by("-depth")
            .first()
        )
        if page is not None and (best is None or candidates[page.url_path] > best[1]):
            best = (page, candidates[page.url_path])
    return best


def _translation(page: Page, language: str) -> Page | None:
    locale_id = locale_ids().get(language)
    if locale_id is None:
        return None
    if page.locale_id == locale_id:
        return page
    translated = page.get_translation_or_none(locale_by_id(locale_id))
    return translated if translated is not None and translated.live else None


def translate_path(request: HttpRequest, path: str, language: str) -> str:
    """``path`` (an address on this site, with or without a language prefix)
    as the same thing in ``language``: a page's live translation there (with
    its own slugs), else the same address under ``language``'s prefix."""
    from wagtail.models import Site

    source, rest = split_language_prefix(path)
    components = [c for c in rest.split("/") if c]
    # One slash between components: "//host" must never come out.
    rest = "/" + "".join(f"{c}/" for c in components)
    if components and not path.endswith("/"):
        rest = rest[:-1]
    site = Site.find_for_request(request)
    found = None
    if site is not None:
        # The tree the address is served from: the home in the address's
        # language, then the default home (untranslated pages, HomePage.route).
        home = site.root_page
        localized = _translation(home, source)
        roots = [home] if localized in (None, home) else [localized, home]
        found = _deepest_page(roots, components)
    if found is not None:
        page, consumed = found
        target = _translation(page, language)
        if target is not None:
            url = target.get_url(request)
        else:
            url = url_in_language(page.get_url(request), page_language(page), language)
        if url:
            remainder = "".join(f"{c}/" for c in components[consumed:])
            if remainder and not rest.endswith("/"):
                remainder = remainder[:-1]
            return url + remainder
    prefixed = rest if source == default_language() else f"/{source}{rest}"
    translated = url_in_language(prefixed, source, language)
    if translated != prefixed or source == language:
        return translated
    # An address no URL pattern knows: swap the prefix all the same.
    return rest if language == default_language() else f"/{language}{rest}"
