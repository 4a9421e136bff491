"""Images: the upload field with the project's limits and clean copies, the
admin image form, renditions that never break a page, and serving media in
development."""

from .fields import ImageUploadField, reencode
from .renditions import safe_rendition
from .rules import check_shape, check_stored_image

__all__ = [
    "ImageUploadField",
    "check_shape",
    "check_stored_image",
    "reencode",
    "safe_rendition",
]
