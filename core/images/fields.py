"""The image upload field every form uses (the public logo upload and, through
``core.images.forms.ImageForm``, Wagtail's admin).

On top of Wagtail's checks (extension, format, width × height × frames) it
refuses an oversized upload before reading it, turns any decoder failure into
a form error, can refuse animations and sides outside a range, and replaces
the upload with a clean re-encoded copy: no EXIF (people's phones write where
a photo was taken), no comments, nothing after the image data."""

from __future__ import annotations

import io
import os
import warnings

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.widgets import FileInput
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from PIL import Image as PILImage
from PIL import ImageOps
from wagtail.images.fields import WagtailImageField

from . import limits
from .rules import check_shape, frames_of

# Metadata a clean copy leaves out (Pillow copies some of it from ``info``).
_METADATA = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "extension")


def _message(text: str, **values):
    """A translated message built when it is shown, in the reader's language."""

    def build() -> str:
        return _(text) % {name: value() for name, value in values.items()}

    return lazy(build, str)()


class ImageUploadField(WagtailImageField):
    """Wagtail's image field with the project's limits; ``min_side``,
    ``max_side`` (pixels) and ``allow_animated`` for logos and the like."""

    def __init__(
        self,
        *args,
        min_side: int | None = None,
        max_side: int | None = None,
        allow_animated: bool = True,
        **kwargs,
    ):
        help_text = kwargs.pop("help_text", None)
        super().__init__(*args, **kwargs)
        self.min_side = min_side
        self.max_side = max_side
        self.allow_animated = allow_animated
        # WagtailImageField writes its own (English, fixed at start-up) help.
        self.help_text = help_text if help_text is not None else limits.help_text()
        self.error_messages.update(
            {
                "invalid_image": _message(
                    gettext_noop(
                        "Filen går inte att läsa som en bild. Den kan vara skadad "
                        "eller ofullständig. Spara bilden på nytt som %(formats)s och "
                        "försök igen."
                    ),
                    formats=limits.format_list,
                ),
                "invalid_image_extension": _message(
                    gettext_noop("Bilden måste vara i formatet %(formats)s."),
                    formats=limits.format_list,
                ),
                "invalid_image_known_format": lazy(
                    lambda: _(
                        "Filen är inte en riktig .%(extension)s-bild (den är "
                        "%(image_format)s). Spara den på nytt och försök igen."
                    ),
                    str,
                )(),
                "file_too_large": lazy(
                    lambda: _(
                        "Filen är för stor (%(file_size)s). Den får vara högst "
                        "%(max_filesize)s."
                    ),
                    str,
                )(),
                "file_too_large_unknown_size": _message(
                    gettext_noop("Filen är för stor. Den får vara högst %(size)s."),
                    size=lambda: filesizeformat(limits.max_upload_size()),
                ),
                "file_too_many_pixels": _message(
                    gettext_noop(
                        "Bilden har för många bildpunkter. Den får ha högst "
                        "%(megapixels)s miljoner (bredd × höjd × antal bildrutor). "
                        "Gör bilden mindre och försök igen."
                    ),
                    megapixels=lambda: f"{limits.max_pixels() / 1_000_000:g}",
                ),
            }
        )

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, FileInput):
            attrs["accept"] = limits.accept_attribute()
        return attrs

    def to_python(self, data):
        if data in self.empty_values:
            return super().to_python(data)
        size = getattr(data, "size", None)
        if self.max_upload_size is not None and size and size > self.max_upload_size:
            # Before Wagtail copies it into memory and Pillow opens it.
            raise ValidationError(
                self.error_messages["file_too_large"]
                % {
                    "file_size": filesizeformat(size),
                    "max_filesize": filesizeformat(self.max_upload_size),
                },
                code="file_too_large",
            )
        try:
            # Pillow reads only the header here; Willow (Wagtail's check)
            # would decode every pixel to learn the size, and count one frame.
            self.check_header(data)
            upload = super().to_python(data)
            if upload is None:
                return None
            return self.clean_copy(upload)
        except ValidationError:
            raise
        except Exception as error:
            # Pillow's decoders raise OSError, SyntaxError, ValueError, struct
            # errors … on hostile or broken files: all of them mean "not an image".
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid"
            ) from error

    def check_header(self, data) -> None:
        """Pixels (width × height × frames) and shape from the header alone."""
        if not hasattr(data, "seek"):
            return  # Wagtail's own checks handle raw content
        data.seek(0)
        try:
            with warnings.catch_warnings():
                # The limit below is lower than Pillow's warning threshold.
                warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
                with PILImage.open(data) as image:
                    width, height = image.size
                    frames = frames_of(image)
        except PILImage.DecompressionBombError:
            width, height, frames = 0, 0, 0
        finally:
            data.seek(0)
        pixels = width * height * frames
        if self.max_image_pixels and (not frames or pixels > self.max_image_pixels):
            raise ValidationError(
                self.error_messages["file_too_many_pixels"], code="file_too_many_pixels"
            )
        check_shape(
            width,
            height,
            frames,
            min_side=self.min_side,
            max_side=self.max_side,
            allow_animated=self.allow_animated,
        )

    def check_image_pixel_size(self, f):
        """Done by ``check_header`` before Wagtail's checks."""

    def clean_copy(self, upload) -> SimpleUploadedFile:
        """Decode the whole image (a truncated file fails here, not when a
        page shows it) and return a freshly encoded copy of it."""
        upload.seek(0)
        with PILImage.open(upload) as image:
            content = reencode(image, frames_of(image))
        name = os.path.basename(upload.name)
        return SimpleUploadedFile(name, content, upload.content_type)


def reencode(image: PILImage.Image, frames: int = 1) -> bytes:
    """The image saved again in its own format, without metadata."""
    image_format = "JPEG" if image.format == "MPO" else image.format
    orientation = image.getexif().get(0x0112, 1) if image_format == "JPEG" else 1
    for key in _METADATA:
        image.info.pop(key, None)
    out = io.BytesIO()
    if image_format == "JPEG":
        icc = image.info.get("icc_profile")
        if orientation != 1:
            # The orientation tag goes with the EXIF: turn the pixels instead.
            image = ImageOps.exif_transpose(image)
            image.save(out, "JPEG", quality=90, icc_profile=icc)
        else:
            # The original's quantisation tables: no visible loss.
            image.save(out, "JPEG", quality="keep", icc_profile=icc)
    elif image_format in {"PNG", "GIF", "WEBP"}:
        options = {"save_all": frames > 1}
        if image_format == "WEBP":
            options["quality"] = 90
        image.save(out, image_format, **options)
    else:
        raise ValueError(f"Unexpected image format {image_format}")
    return out.getvalue()
