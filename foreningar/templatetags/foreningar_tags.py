from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django import template
from django.utils.safestring import mark_safe

from ..jsonld import json_ld_text

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
