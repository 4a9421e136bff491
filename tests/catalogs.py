"""The project's gettext catalogs, read with polib, for tests: the catalog
check (tests/test_catalogs.py) and "no Swedish interface text" checks of pages
and emails in Finnish or English (``assert_no_swedish``)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("fi", "en")
# Swedish phrases shorter than this (``Hem``, ``Sök``) also occur inside
# other words and names, so only longer ones are looked for in page text.
MIN_PHRASE = 14
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]|\{[^}]*\}")


def catalog_paths(language: str | None = None) -> list[Path]:
    """Every .po file of the project: locale/ and coordinator/<app>/locale/."""
    languages = (language,) if language else LANGUAGES
    paths = [
        *ROOT.glob("locale/*/LC_MESSAGES/django.po"),
        *ROOT.glob("coordinator/*/locale/*/LC_MESSAGES/django.po"),
    ]
    return sorted(p for p in paths if p.parent.parent.name in languages)


@cache
def _catalog(path: Path) -> polib.POFile:
    return polib.pofile(str(path))


def catalog(path: Path) -> polib.POFile:
    return _catalog(path)


@cache
def swedish_phrases(language: str) -> frozenset[str]:
    """Swedish interface text that a page or email in ``language`` must not
    show: the literal parts of every msgid whose translation differs from it
    (proper names and codes that stay the same are left out)."""
    phrases: set[str] = set()
    for path in catalog_paths(language):
        for entry in _catalog(path).translated_entries():
            if entry.obsolete or entry.msgstr == entry.msgid or entry.msgid_plural:
                continue
            text = re.sub(r"<[^>]+>", " ", entry.msgid)
            for part in PLACEHOLDER.split(text):
                part = " ".join(part.split()).strip(" .,:;!?()”\"'–-")
                if len(part) >= MIN_PHRASE:
                    phrases.add(part)
    return frozenset(phrases)


def swedish_in(text: str, language: str) -> list[str]:
    """The Swedish interface phrases found in ``text``."""
    text = " ".join(text.split())
    return sorted(p for p in swedish_phrases(language) if p in text)


def assert_no_swedish(text: str, language: str, label: str = "") -> None:
    found = swedish_in(text, language)
    assert not found, f"Swedish interface text in {label or 'text'}: {found}"
