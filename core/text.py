"""Text as search compares it."""

from __future__ import annotations

import unicodedata


def searchable(*parts: str) -> str:
    """Text for substring search: NFKC, casefolded, one space between words."""
    text = " ".join(part for part in parts if part)
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())
