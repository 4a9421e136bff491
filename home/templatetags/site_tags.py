from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import formats, timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.translation import pgettext
from wagtail.models import Locale, Page, Site

from ..caching import CHROME_CACHE_SECONDS, cached_chrome, chrome_key
from ..i18n import locale_ids, localize_pages

register = template.Library()


def _site(request) -> Site | None:
    return Site.find_for_request(request) if request else None


def _menu_items(site: Site, request) -> list[dict[str, str]]:
    root = localize_pages([site.root_page])[0]
    pages = localize_pages(
        root.get_children().live().public().in_menu().specific(defer=True)
    )
    return [
        {"title": page.title, "url": page.get_url(request), "url_path": page.url_path}
        for page in pages
    ]


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The site root's "show in menus" children, in the visitor's language.
    Cached with the site chrome: no queries on a warm cache."""
    request = context.get("request")
    site = _site(request)
    items = []
    if site is not None:
        language = translation.get_language()
        items = cached_chrome(
            ("menu", site.pk, language), lambda: _menu_items(site, request)
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


@register.simple_tag(takes_context=True)
def chrome_cache_key(context, name: str) -> str:
    """Key for a ``{% cache %}`` fragment of the site chrome (footer): varies by
    site and language, and changes whenever content or settings are saved."""
    site = _site(context.get("request"))
    return chrome_key(name, site.pk if site else 0, translation.get_language())


@register.simple_tag
def chrome_cache_seconds() -> int:
    return CHROME_CACHE_SECONDS


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Links to the page's ancestors below the tree root, cached per page."""
    page = context.get("page")
    request = context.get("request")
    ancestors = []
    if isinstance(page, Page) and page.pk and page.depth > 2:
        site = _site(request)
        ancestors = cached_chrome(
            ("breadcrumbs", site.pk if site else 0, page.pk),
            lambda: [
                {"title": ancestor.title, "url": ancestor.get_url(request)}
                for ancestor in page.get_ancestors().filter(depth__gt=1)
            ],
        )
    return {
        "page": page,
        "ancestors": ancestors,
        "page_url": page.get_url(request) if ancestors else "",
    }


@register.simple_tag
def content_language(page) -> str:
    """The page's language code when it differs from the active language (an
    untranslated Swedish page under /fi/), for a ``lang`` attribute; else ""."""
    locale_id = getattr(page, "locale_id", None)
    if not locale_id:
        return ""
    codes = {pk: code for code, pk in locale_ids().items()}
    code = codes.get(locale_id, "")
    return "" if code == translation.get_language() else code


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the same page in each language: the page's translation where
    one is live, otherwise the same address under the other language prefix."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations: dict[str, str] = {}
    if isinstance(page, Page) and page.pk:
        site = _site(request)
        translations = cached_chrome(
            ("translations", site.pk if site else 0, page.pk),
            lambda: {
                translated.locale.language_code: translated.get_url(request)
                for translated in page.get_translations()
                .live()
                .select_related("locale")
            },
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
    return {"links": links}


@register.simple_tag(takes_context=True)
def localized_page_url(context, page):
    """URL of ``page`` in the active language (the page itself if untranslated)."""
    if not page:
        return ""
    return localize_pages([page])[0].get_url(context.get("request"))


def _local(value):
    if value is None or value == "":
        return None
    if hasattr(value, "tzinfo") and hasattr(value, "hour") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value


@register.filter
def datum(value):
    """A date the Swedish way: "tisdag 3 december 2026"."""
    value = _local(value)
    if value is None:
        return ""
    return date_format(value, pgettext("long date format", "l j F Y"))


@register.filter
def datumtid(value):
    """Date and time the Swedish way: "tisdag 3 december 2026 kl. 18.00"."""
    value = _local(value)
    if value is None:
        return ""
    return date_format(value, pgettext("long datetime format", r"l j F Y \k\l. H.i"))


@register.filter
def kort_datum(value):
    """Short date for tables: "3 dec 2026"."""
    value = _local(value)
    if value is None:
        return ""
    return formats.date_format(value, pgettext("short date format", "j b Y"))


@register.simple_tag
def active_locale():
    return Locale.get_active()


@register.simple_tag
def elided_pages(page_obj):
    return list(
        page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2)
    )


@register.simple_tag
def render_widget(field):
    """Render a form widget tied to its help text and error message, so screen
    readers announce both when the field gets focus."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    attrs = {"aria-describedby": " ".join(described_by)} if described_by else {}
    return field.as_widget(attrs=attrs)
