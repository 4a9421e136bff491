"""Template helpers of the newsletters: the footer's sign-up form, the web
rendering of the upcoming blocks, and plain text for the email's text part."""

from __future__ import annotations

from django import template

from core.i18n import current_language, foreign_language, page_url

from ..selectors import archive_for_language, upcoming_items
from ..services import html_to_text

register = template.Library()


@register.inclusion_tag("newsletters/includes/footer_signup.html", takes_context=True)
def newsletter_signup(context):
    """A small GET form into the full subscribe form (the footer is cached
    for everyone, so it holds no CSRF token and asks for no consent)."""
    request = context.get("request")
    archive = archive_for_language(current_language())
    return {"archive_url": page_url(archive, request) if archive else ""}


@register.simple_tag
def newsletter_items(block_value, kind: str):
    """(items, installed) for an upcoming block on the web page."""
    items, installed = upcoming_items(kind, block_value, current_language())
    return {"items": items, "installed": installed}


@register.filter
def email_text(html) -> str:
    """Rich text as plain text for the email's text part."""
    return html_to_text(str(html))


@register.filter
def is_datetime(value) -> bool:
    import datetime

    return isinstance(value, datetime.datetime)


@register.simple_tag(takes_context=True)
def association_url(context, association) -> str:
    """An association's profile in the reader's language."""
    return page_url(association, context.get("request"))


@register.simple_tag
def lang_of(page) -> str:
    return foreign_language(page)
