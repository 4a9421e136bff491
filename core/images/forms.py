"""Wagtail's admin image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``) with the
project's upload field: the same limits, error messages and clean copies as
the public forms."""

from __future__ import annotations

from wagtail.images.forms import BaseImageForm

from .fields import ImageUploadField


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Swapped here rather than declared: the multiple uploader's edit form
        # excludes "file", and a declared field would come back.
        old = self.fields.get("file")
        if old is not None and not isinstance(old, ImageUploadField):
            field = ImageUploadField(
                label=old.label, required=old.required, widget=old.widget
            )
            self.fields["file"] = field
