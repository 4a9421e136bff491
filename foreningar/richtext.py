"""Description text for people without a rich-text editor: a plain textarea in,
Wagtail rich text (the model's allowed features only) out, and back."""

from __future__ import annotations

import html
import re

import nh3

from core.text import clean_text

# The HTML of AssociationPage.description's features: bold, italic, lists, links.
ALLOWED_TAGS = {"p", "br", "b", "i", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
_BLOCK_START = re.compile(r"^\s*<(ul|ol|p)[\s>]", re.IGNORECASE)


def plain_to_richtext(text: str) -> str:
    """Sanitise and turn blank-line separated paragraphs into <p> blocks."""
    text = clean_text(text, multiline=True).replace("\r\n", "\n").replace("\r", "\n")
    cleaned = nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    blocks = []
    for chunk in re.split(r"\n\s*\n", cleaned.strip()):
        chunk = chunk.strip()
        if not chunk:
            continue
        if _BLOCK_START.match(chunk):
            blocks.append(chunk)
        else:
            blocks.append("<p>" + "<br>".join(chunk.splitlines()) + "</p>")
    return "".join(blocks)


def richtext_to_plain(value: str) -> str:
    """The inverse for the edit form: paragraphs become blank-line separated."""
    if not value:
        return ""
    text = re.sub(r"</p>\s*", "\n\n", value)
    text = re.sub(r"<p[^>]*>", "", text)
    text = re.sub(r"<br\s*/?>", "\n", text)
    text = re.sub(r"(</(ul|ol)>)\s*", r"\1\n\n", text)
    # Show "<3" as typed; plain_to_richtext escapes it again.
    return html.unescape(text).strip()
