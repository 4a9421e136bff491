from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import nh3
from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from core.i18n import current_language, page_url
from home.caching import CHROME, CHROME_CACHE_SECONDS

from ..jsonld import json_ld_text
from ..richtext import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES
from ..selectors.selfservice import registration_page

register = template.Library()


@register.filter
def json_ld(data: dict[str, Any]) -> str:
    """JSON-LD for ``<script type="application/ld+json">``, escaped so that
    no value can end the element (like ``json_script``)."""
    return mark_safe(json_ld_text(dict(data)))  # dict(): it may come lazily


@register.filter
def display_url(url: str) -> str:
    """A link's address without the scheme and trailing slash, for reading."""
    parts = urlsplit(url or "")
    shown = (parts.netloc + parts.path).rstrip("/")
    return shown or url


@register.filter
def user_richtext(value: str) -> str:
    """Rich text an association wrote (not the coordinator): rendered like
    ``|richtext``, cleaned again, and every link marked
    ``rel="nofollow ugc noopener"`` so the register lends its standing to no
    one's links."""
    html = expand_db_html(value or "")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={
            tag: set(names) - {"rel"} for tag, names in ALLOWED_ATTRIBUTES.items()
        },
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener",
        strip_comments=True,
    )
    return mark_safe(cleaned)


@register.simple_tag(takes_context=True)
def for_associations_links(context) -> dict[str, str]:
    """Where an association starts: the registration form and the
    representatives' login, in the reader's language."""
    request = context.get("request")

    def register_url() -> str:
        page = registration_page()
        return page_url(page, request) if page else ""

    return {
        # Cached with the site chrome, which any publish renews.
        "register": CHROME.get_or_set(
            ("registration-url", current_language()),
            register_url,
            CHROME_CACHE_SECONDS,
        ),
        "login": reverse("foreningar_selfservice:login"),
    }


@register.filter
def term(label: str) -> str:
    """A vocabulary label, in ``<span lang="…">`` when it is the default
    language's name shown for want of a translation."""
    lang = getattr(label, "lang", "")
    if lang:
        return format_html('<span lang="{}">{}</span>', lang, label)
    return conditional_escape(label)


@register.filter
def terms(labels) -> str:
    """Vocabulary labels joined with commas, each through :func:`term`."""
    return mark_safe(", ".join(term(label) for label in labels))


@dataclass(frozen=True)
class ReaderText:
    text: str
    lang: str  # its language if not the reader's (for a lang attribute), else ""


@register.simple_tag
def reader_text(association, name: str) -> ReaderText:
    """The association's ``name`` text ("short_description", "description")
    in the reader's language if the association wrote one, else the Swedish
    text, marked with its language."""
    reader = current_language()
    text, language = association.text_in(name, reader)
    return ReaderText(text or "", "" if language == reader else language)
