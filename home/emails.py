"""Render an email from templates (plain text + HTML) and queue it."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_email


def queue_templated_email(
    template_base: str,
    context: dict,
    to: list[str],
    language: str | None = None,
    reply_to: list[str] | None = None,
) -> None:
    """Render ``<template_base>_subject.txt``, ``.txt`` and ``.html`` in the
    recipient's language and hand the message to the email task."""
    with translation.override(language or translation.get_language() or "sv"):
        subject = " ".join(
            render_to_string(f"{template_base}_subject.txt", context).split()
        )
        text_body = render_to_string(f"{template_base}.txt", context)
        html_body = render_to_string(f"{template_base}.html", context)
    send_email.enqueue(
        subject=subject,
        text_body=text_body,
        to=to,
        html_body=html_body,
        reply_to=reply_to,
    )
