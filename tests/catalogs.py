"""The project's gettext catalogs, read with polib, for tests: the catalog
check (tests/test_catalogs.py) and "no Swedish interface text" checks of pages
and emails in Finnish or English (``assert_no_swedish``)."""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib

from tests.helpers import links_in, path_of

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


POST_ACTION = re.compile(r'<form[^>]*method="post"[^>]*action="([^"]*)"')


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
VOID |= {"source", "track", "wbr"}


class _TextInLanguage(HTMLParser):
    """The text of a page that is in its own language: text inside an element
    marked with another ``lang`` (Swedish content shown for want of a
    translation, a language's own name in the switcher) is left out, so only
    Swedish that is *not* marked as Swedish remains to be found."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = [("", language)]
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        lang = dict(attrs).get("lang") or self.stack[-1][1]
        self.stack.append((tag, lang.split("-")[0]))
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)

    def handle_data(self, data):
        if not self.skip and self.stack[-1][1] == self.stack[0][1]:
            self.parts.append(data)


def text_in_language(content: str, language: str) -> str:
    parser = _TextInLanguage(language)
    parser.feed(content)
    return " ".join(parser.parts)


def page_text(response, language: str) -> str:
    return text_in_language(response.content.decode(), language)


def assert_in_language(response, language: str, label: str) -> None:
    """The page is in ``language`` (``<html lang>``), its forms post under the
    language's prefix and no unmarked Swedish interface text is on it."""
    content = response.content.decode()
    assert f'<html lang="{language}"' in content, label
    for action in POST_ACTION.findall(content):
        assert action.startswith(f"/{language}/"), f"{label} posts to {action}"
    assert_no_swedish(page_text(response, language), language, label)


def assert_email_in_language(message, language: str, label: str) -> None:
    assert message.alternatives, f"{label}: no HTML part"
    html_part = message.alternatives[0][0]
    for part, text in (
        ("subject", message.subject),
        ("text", message.body),
        ("html", text_in_language(html_part, language)),
    ):
        assert_no_swedish(text, language, f"{label} ({part})")
    for link in links_in(message):
        if "/admin/" not in link:
            assert path_of(link).startswith(f"/{language}/"), f"{label}: {link}"
