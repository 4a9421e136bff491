"""Shape rules for an image (sides, animation), for an upload and for an
image already in the library that an editor picks (a logo chosen in the
admin)."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image as PILImage

logger = logging.getLogger(__name__)


def check_shape(
    width: int,
    height: int,
    frames: int = 1,
    *,
    min_side: int | None = None,
    max_side: int | None = None,
    allow_animated: bool = True,
) -> None:
    """Raise a ValidationError with a message for the person who chose it."""
    if frames > 1 and not allow_animated:
        raise ValidationError(
            _(
                "Rörliga bilder (animerad GIF, WebP eller PNG) går inte att "
                "använda här. Välj en stillbild."
            ),
            code="animated",
        )
    if max_side and max(width, height) > max_side:
        raise ValidationError(
            _(
                "Bilden är %(width)s × %(height)s bildpunkter. Den får vara "
                "högst %(max)s bildpunkter på varje sida."
            )
            % {"width": width, "height": height, "max": max_side},
            code="too_large_sides",
        )
    if min_side and min(width, height) < min_side:
        raise ValidationError(
            _(
                "Bilden är %(width)s × %(height)s bildpunkter. Den behöver vara "
                "minst %(min)s bildpunkter på varje sida för att synas tydligt."
            )
            % {"width": width, "height": height, "min": min_side},
            code="too_small_sides",
        )


def frames_of(image: PILImage.Image) -> int:
    """Frames of an opened image, read from its header where the format has
    one (GIF is scanned block by block, nothing decoded)."""
    if image.format == "MPO":  # a phone's JPEG with a preview image: one picture
        return 1
    return getattr(image, "n_frames", 1)


def frame_count(image) -> int:
    """Frames of a stored Wagtail image; 1 when its file cannot be read (a
    missing file is the renditions' problem, not the editor's)."""
    try:
        with image.open_file() as file, PILImage.open(file) as opened:
            return frames_of(opened)
    except Exception:
        logger.warning("Image %s could not be opened.", image.pk, exc_info=True)
        return 1


def check_stored_image(image, **rules) -> None:
    """``check_shape`` for a Wagtail image in the library."""
    check_shape(image.width, image.height, frame_count(image), **rules)
