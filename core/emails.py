"""Every email the site sends: rendered from templates in the recipient's
language (plain text and HTML), with the coordinator as Reply-To, and queued
as a background task.

A message ``<app>/emails/<name>`` is three templates: ``<name>_subject.txt``,
``<name>.txt`` and ``<name>.html`` (extending ``emails/base_email.html``).
"""

from __future__ import annotations

from typing import Any

from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation

from . import hooks
from .i18n import normalise_language
from .tasks import send_email


def email_defaults() -> dict[str, Any]:
    """Reply-To and signature from the apps (the coordinator's contact)."""
    defaults: dict[str, Any] = {
        "reply_to": [],
        "sender_name": "",
        "sender_title": "",
        "phone": "",
    }
    for values in hooks.collect(hooks.EMAIL_DEFAULTS):
        defaults.update({key: value for key, value in values.items() if value})
    return defaults


def render_text(template_name: str, context: dict[str, Any]) -> str:
    """A plain-text template without HTML escaping: a subject or a text part
    says ``Kör & Co "Ljudet"``, not ``Kör &amp; Co &quot;Ljudet&quot;``."""
    template = get_template(template_name).template
    return template.render(Context(context, autoescape=False))


def render_email(
    template_base: str, context: dict[str, Any], language: str
) -> tuple[str, str, str]:
    """Subject, text and HTML of a message, rendered in ``language``. Only the
    HTML part is escaped."""
    with translation.override(normalise_language(language)):
        subject = " ".join(render_text(f"{template_base}_subject.txt", context).split())
        text_body = render_text(f"{template_base}.txt", context)
        html_body = render_to_string(f"{template_base}.html", context)
    return subject, text_body, html_body


def send_templated_email(
    template_base: str,
    context: dict[str, Any],
    *,
    to: list[str],
    language: str,
    reply_to: list[str] | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    """Render the message in the recipient's ``language`` and queue it."""
    defaults = email_defaults()
    context = {"email_signature": defaults, **context}
    subject, text_body, html_body = render_email(template_base, context, language)
    send_email.enqueue(
        subject=subject,
        text_body=text_body,
        to=to,
        html_body=html_body,
        reply_to=reply_to if reply_to is not None else defaults["reply_to"] or None,
        headers=headers,
    )
