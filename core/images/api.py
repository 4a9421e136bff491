"""An API rendition field that gives ``null`` instead of Wagtail's
``{"error": "SourceImageIOError"}`` (or a 500 for a damaged file)."""

from __future__ import annotations

from wagtail.images.api.fields import ImageRenditionField

from .renditions import safe_rendition


class SafeImageRenditionField(ImageRenditionField):
    def to_representation(self, image):
        rendition = safe_rendition(image, self.filter_spec)
        if rendition is None:
            return None
        return {
            "url": rendition.url,
            "full_url": rendition.full_url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": rendition.alt,
        }
