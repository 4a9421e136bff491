"""Serving uploaded files in development the way the production web server
must (README, "Media files"): never sniffed, never HTML or SVG."""

from __future__ import annotations

import mimetypes

from django.views.static import serve

# What may be served under its own type; everything else is a download.
SAFE_TYPES = {
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "image/avif",
    "application/pdf",
}


def serve_media(request, path, document_root=None):
    response = serve(request, path, document_root=document_root)
    content_type, _encoding = mimetypes.guess_type(path)
    if content_type not in SAFE_TYPES:
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
