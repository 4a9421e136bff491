"""A newsletter as an email: one HTML part (CSS inlined with css-inline,
absolute addresses, a 600-pixel layout that narrows on phones) and a plain
text part from the same blocks.

A send renders each language once (:func:`render_send`); the delivery
engine then only puts each recipient's own links in (placeholders below)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

import css_inline
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Locale

from core.i18n import language_codes
from home.services import default_site_settings

from ..models import NewsletterPage
from ..selectors import upcoming_items
from .links import SubscriberUrls, absolute_url, page_path
from .text import html_to_text, wrap_long_lines

# Each recipient's own addresses replace these (services.delivery).
PREFERENCES_PLACEHOLDER = "https://placeholder.invalid/fnavet-preferences"
UNSUBSCRIBE_PLACEHOLDER = "https://placeholder.invalid/fnavet-unsubscribe"

TEMPLATE_DIR = "newsletters/email"
UPCOMING_KINDS = {"grant_deadlines", "upcoming_events"}
_RELATIVE_URL = re.compile(r'(\b(?:href|src)=")/(?!/)')
_INLINER = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


@dataclass
class RenderedEmail:
    language: str
    subject: str
    html: str
    text: str
    web_url: str
    page_id: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _absolute(html: str) -> str:
    return _RELATIVE_URL.sub(rf"\1{settings.SITE_URL}/", html)


def _block_context(block, language: str) -> dict[str, Any]:
    context: dict[str, Any] = {
        "value": block.value,
        "block_type": block.block_type,
        "site_url": settings.SITE_URL,
    }
    if block.block_type in UPCOMING_KINDS:
        kind = block.block.kind
        items, installed = upcoming_items(kind, block.value, language)
        context.update(items=items, installed=installed, kind=kind)
    if block.block_type == "spotlight":
        association = block.value.get("association")
        context["association"] = association.specific if association else None
    return context


def _render_blocks(page: NewsletterPage, language: str) -> list[dict[str, str]]:
    parts = []
    for block in page.body:
        context = _block_context(block, language)
        name = f"{TEMPLATE_DIR}/blocks/{block.block_type}"
        parts.append(
            {
                "html": render_to_string(f"{name}.html", context),
                "text": render_to_string(f"{name}.txt", context).strip(),
            }
        )
    return parts


def _sender() -> dict[str, str]:
    site_settings = default_site_settings()
    if site_settings is None:
        return {}
    return {
        "name": site_settings.coordinator_name,
        "title": site_settings.coordinator_title,
        "email": site_settings.email,
        "address": site_settings.visiting_address,
    }


def page_language(page: NewsletterPage) -> str:
    return Locale.objects.get(pk=page.locale_id).language_code


def render_newsletter(
    page: NewsletterPage,
    language: str,
    *,
    preferences_url: str = PREFERENCES_PLACEHOLDER,
    unsubscribe_url: str = UNSUBSCRIBE_PLACEHOLDER,
) -> RenderedEmail:
    """The email of ``page`` for a reader of ``language`` (the page's own
    text may be in another language when it is not translated)."""
    content_language = page_language(page)
    urls = SubscriberUrls(language)
    web_url = absolute_url(page_path(page))
    with translation.override(language):
        parts = _render_blocks(page, language)
        context = {
            "page": page,
            "language": language,
            "content_lang": "" if content_language == language else content_language,
            "subject": page.email_subject,
            "parts": parts,
            "web_url": web_url,
            "archive_url": urls.archive(),
            "preferences_url": preferences_url,
            "unsubscribe_url": unsubscribe_url,
            "sender": _sender(),
            "site_url": settings.SITE_URL,
        }
        html = render_to_string(f"{TEMPLATE_DIR}/newsletter.html", context)
        text = render_to_string(f"{TEMPLATE_DIR}/newsletter.txt", context)
    html = wrap_long_lines(_INLINER.inline(_absolute(html)))
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return RenderedEmail(
        language=language,
        subject=" ".join(page.email_subject.split()),
        html=html,
        text=text,
        web_url=web_url,
        page_id=page.pk,
    )


def version_for(page: NewsletterPage, language: str) -> NewsletterPage:
    """The live translation of ``page`` in ``language``, else ``page``."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or locale.pk == page.locale_id:
        return page
    translated = (
        NewsletterPage.objects.live().filter(
            translation_key=page.translation_key, locale=locale
        )
    ).first()
    return translated or page


def render_send(page: NewsletterPage) -> dict[str, dict[str, Any]]:
    """Every language's email of a send, each rendered once."""
    return {
        language: render_newsletter(version_for(page, language), language).as_dict()
        for language in language_codes()
    }


__all__ = [
    "PREFERENCES_PLACEHOLDER",
    "UNSUBSCRIBE_PLACEHOLDER",
    "RenderedEmail",
    "html_to_text",
    "page_language",
    "render_newsletter",
    "render_send",
    "version_for",
]
