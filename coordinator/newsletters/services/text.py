"""Plain text from the HTML of rich text, for the text part of an email:
paragraphs as paragraphs, list items with a dash or a number, links as
"text (address)"."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "ul", "ol", "blockquote", "table"}
_SPACES = re.compile(r"[ \t\r\f\v]+")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.lists: list[list[int]] = []  # [counter] per open list, -1 = bullets
        self.links: list[str] = []
        self.link_text: list[str] = []

    def _newlines(self, count: int) -> None:
        text = "".join(self.parts).rstrip(" ")
        trailing = len(text) - len(text.rstrip("\n"))
        self.parts = [text + "\n" * max(0, count - trailing)] if text else []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            self._newlines(2 if not self.lists else 1)
        if tag == "ul":
            self.lists.append([-1])
        elif tag == "ol":
            self.lists.append([0])
        elif tag == "li":
            self._newlines(1)
            marker = "-"
            if self.lists and self.lists[-1][0] >= 0:
                self.lists[-1][0] += 1
                marker = f"{self.lists[-1][0]}."
            self.parts.append("  " * (len(self.lists) - 1) + marker + " ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "a":
            self.links.append(dict(attrs).get("href") or "")
            self.link_text.append("")

    def handle_endtag(self, tag):
        if tag == "a" and self.links:
            href, text = self.links.pop(), self.link_text.pop().strip()
            if href and not href.startswith("mailto:") and href != text:
                self.parts.append(f" ({href})")
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self._newlines(2 if not self.lists else 1)
        elif tag in _BLOCKS:
            self._newlines(2 if not self.lists else 1)

    def handle_data(self, data):
        text = _SPACES.sub(" ", data.replace("\n", " "))
        if self.link_text:
            self.link_text[-1] += text
        if not "".join(self.parts).endswith(("\n", " ")) or text.strip():
            self.parts.append(text)


def html_to_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html or "")
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def wrap_long_lines(html: str, limit: int = 600) -> str:
    """Break lines longer than ``limit`` characters at a space outside tags.

    SMTP allows 998 bytes a line; with shorter lines Django keeps the HTML
    part 8-bit instead of quoted-printable, so each recipient's links can be
    put into one pre-built message (services.delivery). In HTML a newline
    between words renders like a space."""
    out: list[str] = []
    for line in html.split("\n"):
        while len(line.encode()) > limit:
            cut = _last_text_space(line, limit)
            if cut is None:
                break
            out.append(line[:cut])
            line = line[cut + 1 :]
        out.append(line)
    return "\n".join(out)


def _last_text_space(line: str, limit: int) -> int | None:
    in_tag = False
    best = None
    size = 0
    for index, char in enumerate(line):
        size += len(char.encode())
        if size > limit and best is not None:
            return best
        if char == "<":
            in_tag = True
        elif char == ">":
            in_tag = False
        elif char == " " and not in_tag:
            best = index
    return best
