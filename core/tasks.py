"""Background work shared by every app."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(
    subject: str,
    text_body: str,
    to: list[str],
    html_body: str = "",
    reply_to: list[str] | None = None,
    headers: dict[str, str] | None = None,
    attachments: list[list[str]] | None = None,
) -> int:
    """``attachments``: [filename, text content, MIME type] each (JSON-safe,
    as task arguments must be), e.g. a training's .ics file."""
    message = EmailMultiAlternatives(
        subject=subject, body=text_body, to=to, reply_to=reply_to, headers=headers
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    for filename, content, mimetype in attachments or ():
        message.attach(filename, content, mimetype)
    return message.send()
