"""Generated image files for the upload tests: bombs, broken files, polyglots."""

from __future__ import annotations

import io
from functools import cache

from PIL import Image as PILImage


def png(size=(120, 80), colour=(10, 80, 120), **save) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG", **save)
    return buffer.getvalue()


def jpeg_with_exif(size=(120, 80)) -> bytes:
    image = PILImage.new("RGB", size, (200, 30, 30))
    exif = PILImage.Exif()
    exif[0x010F] = "Telefonmakare"  # Make
    exif[0x8825] = {2: (60.0, 10.0, 0.0)}  # GPS: where the photo was taken
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=b"hemligt")
    return buffer.getvalue()


@cache
def png_bomb() -> bytes:
    """11 000 × 11 000 pixels, 1 bit each: about 15 KB on disk, 121 MP (under
    Wagtail's default 128 MP), some 500 MB as an RGBA rendition source."""
    buffer = io.BytesIO()
    PILImage.new("1", (11_000, 11_000)).save(buffer, "PNG")
    return buffer.getvalue()


@cache
def many_frame_gif(frames: int = 2000, side: int = 120) -> bytes:
    """120 × 120 × 2 000 frames = 28.8 MP, about 450 KB."""
    images = [PILImage.new("L", (side, side), (i % 2) * 255) for i in range(frames)]
    buffer = io.BytesIO()
    images[0].save(
        buffer, "GIF", save_all=True, append_images=images[1:], duration=20, loop=0
    )
    return buffer.getvalue()


def animated_gif(frames: int = 3, side: int = 120) -> bytes:
    return many_frame_gif.__wrapped__(frames, side)


def broken_images() -> dict[str, bytes]:
    """Files with a .png name that are not whole PNG images."""
    whole = png((200, 200), (0, 0, 0))
    return {
        "truncated": whole[: len(whole) // 2],
        "truncated-header": whole[:40],
        "random-bytes": bytes((i * 131 + 7) % 256 for i in range(4000)),
        "png-magic-then-garbage": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    }


def with_html(data: bytes) -> bytes:
    """A polyglot: a valid image with an HTML document after its end."""
    return data + b"<html><body><script>alert(document.cookie)</script></body></html>"
