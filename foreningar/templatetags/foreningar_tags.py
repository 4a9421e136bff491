from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from ..i18n import page_url
from ..models import AssociationIndexPage
from ..selectors import newest_associations
from ..views import json_ld_text

register = template.Library()


@register.filter
def json_ld(data: dict[str, Any]) -> str:
    """JSON-LD for ``<script type="application/ld+json">``, escaped so that
    no value can end the element (like ``json_script``)."""
    return mark_safe(json_ld_text(data))


@register.filter
def display_url(url: str) -> str:
    """A link's address without the scheme and trailing slash, for reading."""
    parts = urlsplit(url or "")
    shown = (parts.netloc + parts.path).rstrip("/")
    return shown or url


@register.inclusion_tag(
    "foreningar/includes/home_associations.html", takes_context=True
)
def home_associations(context, limit: int = 4) -> dict[str, Any]:
    """Search box into the directory and the newest associations, for the
    home page. Two queries: the register page and the newest associations."""
    request = context.get("request")
    index_page = (
        AssociationIndexPage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .select_related("locale")
        .order_by("path")
        .first()
    )
    if index_page is None:
        return {"index_url": ""}
    index_url = page_url(index_page, request)
    newest = newest_associations(limit)
    language = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    return {
        "index_url": index_url,
        "index_page": index_page,
        "cards": [
            {"page": association, "url": f"{index_url}{association.slug}/"}
            for association in newest
        ],
        "content_lang": ""
        if language == settings.LANGUAGE_CODE
        else settings.LANGUAGE_CODE,
    }
