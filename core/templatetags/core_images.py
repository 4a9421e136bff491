"""Images in templates that never break a page: ``{% safe_image image
"max-240x240" class="logo" %}`` renders the ``<img>`` or nothing, and
``{% safe_rendition image "width-800" as picture %}{% if picture %}…`` gives
the rendition or ``None`` (see ``core.images.safe_rendition``)."""

from __future__ import annotations

from django import template

from ..images import renditions

register = template.Library()


@register.simple_tag
def safe_rendition(image, spec: str):
    return renditions.safe_rendition(image, spec)


@register.simple_tag
def safe_image(image, spec: str, **attributes):
    rendition = renditions.safe_rendition(image, spec)
    if rendition is None:
        return ""
    return rendition.img_tag(attributes)
