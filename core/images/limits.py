"""The one place upload limits are read from: the Wagtail settings
``WAGTAILIMAGES_EXTENSIONS``, ``WAGTAILIMAGES_MAX_UPLOAD_SIZE`` and
``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` (fnavet/settings/base.py). Help texts,
the file input's ``accept``, the validators and Wagtail's admin all use them."""

from __future__ import annotations

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

# Pillow's format name for each accepted extension.
FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}
# What people call the formats, in help texts.
_DISPLAY = {"JPEG": "JPG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WebP"}
_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif"}
_MIME["WEBP"] = "image/webp"


def extensions() -> list[str]:
    return list(settings.WAGTAILIMAGES_EXTENSIONS)


def max_upload_size() -> int:
    return settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE


def max_pixels() -> int:
    """Width × height × frames."""
    return settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def _formats() -> list[str]:
    names = []
    for extension in extensions():
        name = FORMATS.get(extension.lower())
        if name and name not in names:
            names.append(name)
    return names


def accept_attribute() -> str:
    """The file input's ``accept``: the extensions and their media types."""
    names = _formats()
    return ",".join(
        [f".{extension}" for extension in extensions()]
        + [_MIME[name] for name in names]
    )


def format_list() -> str:
    """ "JPG, PNG, GIF eller WebP"."""
    return get_text_list([_DISPLAY[name] for name in _formats()], _("eller"))


def _help_text() -> str:
    return _("%(formats)s, högst %(size)s.") % {
        "formats": format_list(),
        "size": filesizeformat(max_upload_size()),
    }


help_text = lazy(_help_text, str)
