"""Text as the site stores and compares it: control and invisible characters
dropped, search keys, and a look-alike skeleton for duplicate detection."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Joiners shape emoji and some scripts; they stay in multi-line text only.
_JOINERS = frozenset("\u200c\u200d")
# Invisible but not "format" characters: Hangul fillers, braille blank.
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")

# Letters from other scripts that look like Latin ones (the common part of
# Unicode's confusables.txt, UTS #39). NFKC already folds full-width and
# mathematical letters (𝔭, ｐ) and ligatures. Applied before casefolding, so
# the uppercase Cyrillic В (B) and the lowercase в (v-like) stay apart.
# fmt: off
_CONFUSABLES = str.maketrans(
    {
        # Cyrillic
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O",
        "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I",
        "Ј": "J", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W", "Ү": "Y", "Ӏ": "l",
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
        "ѕ": "s", "і": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h",
        "ӏ": "l", "ё": "ë", "ї": "ï", "ү": "y", "Һ": "h",
        # Greek
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K",
        "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
        "ο": "o", "ν": "v", "ρ": "p", "ι": "i", "κ": "k", "α": "a", "τ": "t",
        "υ": "u", "χ": "x",
        # Latin and digits
        "ı": "i", "ȷ": "j", "ɡ": "g", "ɑ": "a", "0": "o", "1": "l",
        "|": "l",
    }
)
# fmt: on


def clean_control_characters(value: str) -> str:
    """Drop NUL and other control characters (keeps tab and newlines)."""
    return _CONTROL.sub("", value)


def strip_invisible(value: str, *, keep_joiners: bool = False) -> str:
    """Drop characters that do not show but change what text means or how it
    reads: bidirectional overrides and isolates (U+202A–202E, U+2066–2069),
    zero-width spaces, word joiners, byte-order marks, tag characters, soft
    hyphens and invisible fillers. ``keep_joiners`` keeps ZWJ/ZWNJ, which
    emoji and some scripts need in running text."""
    return "".join(
        char
        for char in value
        if char not in _INVISIBLE_LETTERS
        and (unicodedata.category(char) != "Cf" or (keep_joiners and char in _JOINERS))
    )


def clean_text(value: str, *, multiline: bool = False) -> str:
    """What a form stores: NFC, no control or invisible characters."""
    value = strip_invisible(clean_control_characters(value), keep_joiners=multiline)
    return unicodedata.normalize("NFC", value)


def searchable(*parts: str) -> str:
    """Text for substring search: NFKC, casefolded, one space between words."""
    text = " ".join(part for part in parts if part)
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def skeleton(text: str) -> str:
    """A key under which look-alike spellings meet: NFKC, invisible characters
    dropped, other scripts' look-alike letters mapped to Latin, casefolded,
    punctuation to spaces. For comparing, never for showing."""
    text = strip_invisible(unicodedata.normalize("NFKC", text or ""))
    text = text.translate(_CONFUSABLES).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())
