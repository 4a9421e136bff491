from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import formats, timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.translation import pgettext
from wagtail.models import Locale, Page, Site

from ..i18n import localize_pages

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    root = _site_root(request)
    items = []
    if root is not None:
        root = localize_pages([root])[0]
        items = localize_pages(
            root.get_children()
            .live()
            .public()
            .in_menu()
            .select_related("locale")
            .specific()
        )
    current = context.get("page")
    current_path = current.url_path if current else ""
    return {
        "request": request,
        "root": root,
        "items": items,
        "current_path": current_path,
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    ancestors = []
    if isinstance(page, Page) and page.depth > 2:
        ancestors = list(page.get_ancestors().filter(depth__gt=1).specific())
    return {"page": page, "ancestors": ancestors, "request": context.get("request")}


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the same page in each language: the page's translation where
    one is live, otherwise the same address under the other language prefix."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translated in (
            page.get_translations(inclusive=True).live().select_related("locale")
        ):
            translations[translated.locale.language_code] = translated
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations and translations[code].locale_id != getattr(
            page, "locale_id", None
        ):
            url = translations[code].get_url(request)
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
    """Short date for tables: "3 dec. 2026"."""
    value = _local(value)
    if value is None:
        return ""
    return formats.date_format(value, pgettext("short date format", "j M Y"))


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
