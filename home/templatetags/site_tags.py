"""The site chrome: main menu, breadcrumbs, language links, the page's
language, and the home page's sections registered by the apps."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from core import hooks
from core.i18n import (
    current_language,
    foreign_language,
    language_codes,
    localize_pages,
    page_language,
    page_url,
    url_in_language,
)

from ..caching import CHROME, CHROME_CACHE_SECONDS

register = template.Library()


def _site(request) -> Site | None:
    return Site.find_for_request(request) if request else None


def _menu_items(site: Site, request) -> list[dict[str, str]]:
    # The default-language home's menu, each page swapped for its translation
    # where there is one; untranslated pages keep the reader's prefix.
    pages = localize_pages(
        site.root_page.get_children().live().public().in_menu().specific(defer=True)
    )
    return [
        {
            "title": page.title,
            "url": url_in_language(page.get_url(request), page_language(page)),
            "url_path": page.url_path,
            "lang": foreign_language(page),
        }
        for page in pages
    ]


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The site root's "show in menus" children, in the reader's language."""
    request = context.get("request")
    site = _site(request)
    items = []
    if site is not None:
        items = CHROME.get_or_set(
            ("menu", site.pk, current_language()),
            lambda: _menu_items(site, request),
            CHROME_CACHE_SECONDS,
        )
    current_path = getattr(context.get("page"), "url_path", "") or ""
    return {
        "items": [
            {**item, "current": _menu_current(item["url_path"], current_path)}
            for item in items
        ]
    }


def _menu_current(item_path: str, current_path: str) -> str:
    """aria-current: "page" on the page itself, "true" on its section."""
    if item_path == current_path:
        return "page"
    if current_path.startswith(item_path):
        return "true"
    return ""


@register.simple_tag
def chrome_cache_seconds() -> int:
    return CHROME_CACHE_SECONDS


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Links to the page's ancestors below the tree root, in the reader's
    language: each ancestor swapped for its translation where there is one,
    the others under the reader's prefix (marked with ``lang``)."""
    page = context.get("page")
    request = context.get("request")
    ancestors = []
    if isinstance(page, Page) and page.pk and page.depth > 2:
        site = _site(request)
        ancestors = CHROME.get_or_set(
            ("breadcrumbs", site.pk if site else 0, page.pk, current_language()),
            lambda: [
                {
                    "title": ancestor.title,
                    "url": url_in_language(
                        ancestor.get_url(request), page_language(ancestor)
                    ),
                    "lang": foreign_language(ancestor),
                }
                for ancestor in localize_pages(
                    page.get_ancestors().filter(depth__gt=1).specific(defer=True)
                )
            ],
            CHROME_CACHE_SECONDS,
        )
    return {
        "page": page,
        "ancestors": ancestors,
        "page_url": page_url(page, request) if ancestors else "",
        "page_lang": foreign_language(page) if ancestors else "",
    }


@register.simple_tag
def content_language(page) -> str:
    """The page's language when it differs from the reader's (an
    untranslated Swedish page under /fi/), for a ``lang`` attribute; else ""."""
    return foreign_language(page) if isinstance(page, Page) else ""


def _translation_urls(request, page: Page) -> dict[str, str]:
    """Language → where a reader of that language should go from ``page``:
    its live translation, else its nearest ancestor with one (below that
    ancestor the same slugs, when that address leads to the same page, as in
    the register, whose translation lists the same associations)."""
    urls = {
        translated.locale.language_code: translated.get_url(request)
        for translated in page.get_translations(inclusive=True)
        .live()
        .select_related("locale")
    }
    missing = [code for code in language_codes() if code not in urls]
    if not missing:
        return urls
    ancestors = list(page.get_ancestors().filter(depth__gt=1).reverse())
    for code in missing:
        for depth, ancestor in enumerate(ancestors, start=1):
            translated = (
                ancestor.get_translations()
                .live()
                .filter(locale__language_code=code)
                .first()
            )
            if translated is None:
                continue
            base = translated.get_url(request) or ""
            below = page.url_path.rstrip("/").split("/")[-depth:]
            candidate = base + "/".join(below) + "/"
            urls[code] = candidate if _serves(candidate, page, code) else base
            break
    return urls


def _serves(path: str, page: Page, language: str) -> bool:
    """Whether ``path`` (under ``language``'s prefix) shows ``page``."""
    from django.http import Http404
    from django.test import RequestFactory

    site = Site.objects.filter(is_default_site=True).select_related("root_page")
    site = site.first()
    if site is None:
        return False
    home = site.root_page
    translated_home = (
        home.get_translations(inclusive=True)
        .filter(locale__language_code=language)
        .first()
    )
    parts = [part for part in path.split("/") if part]
    if parts and parts[0] == language:
        parts = parts[1:]
    try:
        routed = (translated_home or home).specific.route(
            RequestFactory().get(path), parts
        )
    except Http404:
        return False
    return getattr(routed, "page", None) is not None and routed.page.pk == page.pk


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the same page in each language: the page's translation where
    one is live, else its nearest translated ancestor; pages outside the
    tree (search, Min förening) under the other language prefix."""
    return {"links": _language_links(context)}


def _language_links(context) -> list[dict]:
    request = context.get("request")
    page = context.get("page")
    current = current_language()
    translations: dict[str, str] = {}
    if isinstance(page, Page) and page.pk:
        site = _site(request)
        translations = CHROME.get_or_set(
            ("translations", site.pk if site else 0, page.pk),
            lambda: _translation_urls(request, page),
            CHROME_CACHE_SECONDS,
        )
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code]
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
        links.append(
            {"code": code, "name": name, "url": url, "current": code == current}
        )
    return links


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def hreflang_links(context):
    """``<link rel="alternate" hreflang>`` for each language: the page's
    translations (an untranslated page names only itself), or for pages
    outside the tree the same view in each language; x-default is Swedish."""
    request = context.get("request")
    page = context.get("page")
    links = _language_links(context)
    if isinstance(page, Page) and page.pk:
        site = _site(request)
        own = CHROME.get_or_set(
            ("languages", site.pk if site else 0, page.pk),
            lambda: (
                sorted(
                    page.get_translations(inclusive=True)
                    .live()
                    .values_list("locale__language_code", flat=True)
                )
                or [page_language(page)]
            ),
            CHROME_CACHE_SECONDS,
        )
        links = [link for link in links if link["code"] in own]
    absolute = request.build_absolute_uri if request is not None else str
    alternates = [
        {"hreflang": link["code"], "href": absolute(link["url"])} for link in links
    ]
    default = next(
        (a for a in alternates if a["hreflang"] == settings.LANGUAGE_CODE), None
    )
    if default is not None:
        alternates.append({"hreflang": "x-default", "href": default["href"]})
    return {"alternates": alternates}


@register.simple_tag(takes_context=True)
def localized_page_url(context, page):
    """URL of ``page`` in the reader's language (the page itself if untranslated)."""
    if not page:
        return ""
    return localize_pages([page])[0].get_url(context.get("request"))


@register.simple_tag(takes_context=True)
def home_sections(context) -> str:
    """The sections apps add to the home page (``core.hooks.HOME_SECTIONS``)."""
    request = context.get("request")
    parts = [
        section
        for section in hooks.collect(hooks.HOME_SECTIONS, request, context)
        if section
    ]
    return mark_safe("\n".join(parts))
