"""core.images: the upload field's limits and clean copies, safe renditions,
media served in development (issue 10, points 6, 10 and 12)."""

from __future__ import annotations

import io
import logging

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from PIL import Image as PILImage
from PIL import ImageFile

from core.images import ImageUploadField, limits, safe_rendition
from core.images.media import serve_media
from tests.images import (
    animated_gif,
    broken_images,
    jpeg_with_exif,
    many_frame_gif,
    png,
    png_bomb,
    with_html,
)

LOGO = {"min_side": 64, "max_side": 4000, "allow_animated": False}


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def _error_code(field, upload) -> str:
    with pytest.raises(ValidationError) as caught:
        field.clean(upload)
    return caught.value.code


@pytest.fixture
def decodes(monkeypatch) -> list:
    """Every full decode of pixel data (what a bomb must never reach)."""
    calls = []
    original = ImageFile.ImageFile.load

    def load(self):
        calls.append(self.size)
        return original(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)
    return calls


def test_the_pixel_limit_is_16_megapixels_counting_frames():
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 16_000_000
    assert ImageUploadField().max_image_pixels == 16_000_000


@pytest.mark.parametrize(
    "name,data",
    [("bomb.png", png_bomb), ("frames.gif", many_frame_gif)],
    ids=["11000x11000-png", "120x120x2000-gif"],
)
def test_bombs_are_refused_before_any_pixel_is_decoded(name, data, decodes):
    content = data()
    assert len(content) < 500_000  # small files, huge images
    assert _error_code(ImageUploadField(), _upload(name, content)) == (
        "file_too_many_pixels"
    )
    assert decodes == []


def test_the_frame_count_decides_not_the_size_of_one_frame():
    field = ImageUploadField()
    assert field.clean(_upload("few.gif", animated_gif(frames=3))).name == "few.gif"
    with pytest.raises(ValidationError) as caught:
        field.clean(_upload("many.gif", many_frame_gif()))
    assert "16 miljoner" in caught.value.messages[0]


@pytest.mark.parametrize("kind", list(broken_images()))
def test_broken_files_are_a_form_error(kind):
    with pytest.raises(ValidationError) as caught:
        ImageUploadField().clean(_upload("logo.png", broken_images()[kind]))
    assert caught.value.code in {"invalid", "invalid_image"}
    assert "går inte att läsa som en bild" in caught.value.messages[0]


class _Unreadable(SimpleUploadedFile):
    """An upload that claims to be 60 MB and fails the test if anyone reads it."""

    def __init__(self):
        super().__init__("huge.png", b"", "image/png")
        self.size = 60 * 1024 * 1024

    def read(self, *args):
        raise AssertionError("the upload was read before its size was checked")

    def chunks(self, *args):
        raise AssertionError("the upload was read before its size was checked")


def test_the_size_is_checked_before_the_file_is_read():
    with pytest.raises(ValidationError) as caught:
        ImageUploadField().clean(_Unreadable())
    assert caught.value.code == "file_too_large"
    message = caught.value.messages[0].replace("\xa0", " ")
    assert "60,0 MB" in message and "10,0 MB" in message


def test_one_source_for_formats_and_size():
    field = ImageUploadField()
    widget_accept = field.widget.attrs["accept"]
    assert widget_accept == limits.accept_attribute()
    assert "avif" not in widget_accept and ".webp" in widget_accept
    assert field.max_upload_size == settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    help_text = str(field.help_text).replace("\xa0", " ")
    assert help_text == "JPG, PNG, GIF eller WebP, högst 10,0 MB."
    with pytest.raises(ValidationError) as caught:
        field.clean(_upload("logo.avif", png()))
    assert "JPG, PNG, GIF eller WebP" in caught.value.messages[0]


def test_a_polyglot_is_stored_as_a_clean_image():
    cleaned = ImageUploadField().clean(_upload("logo.png", with_html(png())))
    content = cleaned.read()
    assert b"<script" not in content and b"<html" not in content
    assert content.endswith(b"IEND\xaeB`\x82")
    assert PILImage.open(io.BytesIO(content)).size == (120, 80)


def test_exif_and_comments_are_stripped_from_jpegs():
    original = jpeg_with_exif()
    assert b"Telefonmakare" in original and b"hemligt" in original
    content = ImageUploadField().clean(_upload("photo.jpg", original)).read()
    assert b"Telefonmakare" not in content and b"hemligt" not in content
    reopened = PILImage.open(io.BytesIO(content))
    assert reopened.format == "JPEG" and not reopened.getexif()


def test_an_exif_orientation_is_applied_to_the_pixels():
    image = PILImage.new("RGB", (120, 80), "white")
    exif = PILImage.Exif()
    exif[0x0112] = 6  # rotate 90° when shown
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    content = ImageUploadField().clean(_upload("photo.jpg", buffer.getvalue())).read()
    assert PILImage.open(io.BytesIO(content)).size == (80, 120)


def test_animated_gifs_stay_animated_where_allowed():
    content = ImageUploadField().clean(_upload("a.gif", animated_gif())).read()
    assert PILImage.open(io.BytesIO(content)).n_frames == 3


@pytest.mark.parametrize(
    "name,data,code",
    [
        ("a.gif", lambda: animated_gif(frames=2), "animated"),
        ("wide.png", lambda: png((4001, 64)), "too_large_sides"),
        ("tiny.png", lambda: png((63, 200)), "too_small_sides"),
    ],
    ids=["animated", "too-wide", "too-small"],
)
def test_logo_rules(name, data, code):
    assert _error_code(ImageUploadField(**LOGO), _upload(name, data())) == code


def test_animated_webp_and_png_are_refused_as_logos():
    frames = [PILImage.new("RGB", (80, 80), c) for c in ("red", "blue")]
    for image_format, name in (("WEBP", "a.webp"), ("PNG", "a.png")):
        buffer = io.BytesIO()
        frames[0].save(buffer, image_format, save_all=True, append_images=frames[1:])
        upload = _upload(name, buffer.getvalue())
        assert _error_code(ImageUploadField(**LOGO), upload) == "animated"


@pytest.mark.django_db
def test_safe_rendition_of_a_missing_file_is_none(caplog):
    from wagtail_factories import ImageFactory

    image = ImageFactory()
    assert safe_rendition(image, "max-100x100").width == 100
    image.file.storage.delete(image.file.name)
    image.renditions.all().delete()
    image = type(image).objects.get(pk=image.pk)  # as a later request sees it
    with caplog.at_level(logging.WARNING, logger="core.images.renditions"):
        assert safe_rendition(image, "max-120x120") is None
    assert "missing or unreadable" in caplog.text
    assert safe_rendition(None, "max-100x100") is None


@pytest.mark.django_db
def test_safe_rendition_of_a_damaged_file_is_none():
    from wagtail_factories import ImageFactory

    image = ImageFactory()
    storage, name = image.file.storage, image.file.name
    storage.delete(name)
    storage.save(name, io.BytesIO(broken_images()["truncated"]))
    image.renditions.all().delete()
    image = type(image).objects.get(pk=image.pk)
    assert safe_rendition(image, "max-100x100") is None


@pytest.mark.parametrize(
    "name,content,content_type",
    [
        ("logo.png", png(), "image/png"),
        ("page.html", b"<script>alert(1)</script>", "application/octet-stream"),
        ("logo.svg", b"<svg onload='alert(1)'/>", "application/octet-stream"),
    ],
)
def test_media_in_development_is_never_sniffed_or_html(
    tmp_path, name, content, content_type
):
    (tmp_path / name).write_bytes(content)
    request = RequestFactory().get(f"/media/{name}")
    response = serve_media(request, name, document_root=tmp_path)
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
