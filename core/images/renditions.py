"""Renditions that never break a page: a missing or unreadable original (a
restored database without its media, a lost volume, a damaged file) gives
``None`` and a log line, and templates leave the image out."""

from __future__ import annotations

import logging

from PIL import Image as PILImage
from wagtail.images.exceptions import InvalidFilterSpecError

logger = logging.getLogger(__name__)


def safe_rendition(image, spec: str):
    """``image.get_rendition(spec)``, or ``None`` when there is no image or
    its file cannot be read (Wagtail raises ``SourceImageIOError``; Pillow
    raises ``OSError`` and friends on a damaged file)."""
    if image is None:
        return None
    try:
        return image.get_rendition(spec)
    except InvalidFilterSpecError:
        raise  # a mistake in the template, not in the file
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError):
        logger.warning("Image %s is missing or unreadable.", image.pk, exc_info=True)
        return None
