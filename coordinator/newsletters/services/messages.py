"""A newsletter as SMTP messages: built once per language with placeholders
(``Variant``), personalised per recipient by replacing bytes, sent over one
connection of the configured backend (``Transport``), and what a failure
means for the recipient's row (``classify``)."""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from email.utils import make_msgid
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.core.mail.message import sanitize_address

from ..models import NewsletterSend
from .links import SubscriberUrls
from .rendering import PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER

logger = logging.getLogger(__name__)

TO_PLACEHOLDER = "recipient@placeholder.invalid"
_TOKEN = "T0KEN" * 8 + "T0KE"  # as long as a real one, URL-safe
MESSAGE_ID_PLACEHOLDER = "<message-id@placeholder.invalid>"

# What mail servers say when the mailbox does not exist (RFC 3463 X.1.1,
# X.1.10 and the usual wording).
_UNKNOWN_USER = (
    "5.1.1",
    "5.1.10",
    "user unknown",
    "unknown user",
    "no such user",
    "does not exist",
    "recipient not found",
)


# --- messages ----------------------------------------------------------------


def site_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


class Variant:
    """One language's newsletter as a message: built once by Django's
    EmailMultiAlternatives with placeholders, then copied per recipient with
    their own To, Message-ID and links put in (bytes replaced). If the built
    message does not hold the placeholders verbatim (an encoded part), each
    recipient gets a message built in full instead."""

    def __init__(self, send_id: int, rendered: dict[str, Any]):
        self.send_id = send_id
        self.language = rendered["language"]
        self.subject = rendered["subject"]
        self.html = rendered["html"]
        self.text = rendered["text"]
        self.from_email = settings.DEFAULT_FROM_EMAIL
        self.envelope_from = sanitize_address(self.from_email, "utf-8")
        self.urls = SubscriberUrls(self.language)
        # The addresses with a marker for the token: one reverse() per send,
        # a str.replace per recipient.
        self._preferences = self.urls.preferences(_TOKEN)
        self._unsubscribe = self.urls.unsubscribe(_TOKEN)
        self.template = self._prebuild()

    def message(
        self, to: str, preferences_url: str, unsubscribe_url: str, message_id: str
    ) -> EmailMultiAlternatives:
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.text.replace(PREFERENCES_PLACEHOLDER, preferences_url).replace(
                UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url
            ),
            from_email=self.from_email,
            to=[to],
            headers={
                "Message-ID": message_id,
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "List-Id": f"<nyhetsbrev.{site_domain()}>",
            },
        )
        message.attach_alternative(
            self.html.replace(PREFERENCES_PLACEHOLDER, preferences_url).replace(
                UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url
            ),
            "text/html",
        )
        return message

    def _prebuild(self) -> bytes | None:
        message = self.message(
            TO_PLACEHOLDER,
            PREFERENCES_PLACEHOLDER,
            UNSUBSCRIBE_PLACEHOLDER,
            MESSAGE_ID_PLACEHOLDER,
        )
        raw = message.message().as_bytes(linesep="\r\n")
        expected = {
            TO_PLACEHOLDER: 1,
            MESSAGE_ID_PLACEHOLDER: 1,
            UNSUBSCRIBE_PLACEHOLDER: 1
            + self.text.count(UNSUBSCRIBE_PLACEHOLDER)
            + self.html.count(UNSUBSCRIBE_PLACEHOLDER),
            PREFERENCES_PLACEHOLDER: self.text.count(PREFERENCES_PLACEHOLDER)
            + self.html.count(PREFERENCES_PLACEHOLDER),
        }
        for placeholder, count in expected.items():
            if raw.count(placeholder.encode()) != count:
                logger.warning(
                    "Newsletter %s (%s) is built per recipient: %s",
                    self.send_id,
                    self.language,
                    placeholder,
                )
                return None
        return raw

    def personalise(
        self, recipient: Recipient, token: str, *, raw: bool = True
    ) -> tuple[str, bytes | EmailMultiAlternatives]:
        """The envelope recipient and the message for one recipient: bytes
        for an SMTP connection (``raw``), else an EmailMessage."""
        to = sanitize_address((recipient.name, recipient.email), "utf-8")
        envelope_to = sanitize_address(recipient.email, "utf-8")
        preferences_url = self._preferences.replace(_TOKEN, token)
        unsubscribe_url = self._unsubscribe.replace(_TOKEN, token)
        message_id = make_msgid(
            f"{self.send_id}.{recipient.delivery_id}", site_domain()
        )
        if self.template is None or not raw:
            return envelope_to, self.message(
                to, preferences_url, unsubscribe_url, message_id
            )
        raw = (
            self.template.replace(TO_PLACEHOLDER.encode(), to.encode())
            .replace(MESSAGE_ID_PLACEHOLDER.encode(), message_id.encode())
            .replace(UNSUBSCRIBE_PLACEHOLDER.encode(), unsubscribe_url.encode())
            .replace(PREFERENCES_PLACEHOLDER.encode(), preferences_url.encode())
        )
        return envelope_to, raw


_VARIANTS: dict[tuple[int, str], Variant] = {}


def variant_for(send: NewsletterSend, language: str) -> Variant:
    """The built message of ``language`` (cached in the worker process)."""
    key = (send.pk, language)
    if key not in _VARIANTS:
        if len(_VARIANTS) > 12:
            _VARIANTS.clear()
        rendered = send.rendered.get(language) or send.rendered[settings.LANGUAGE_CODE]
        _VARIANTS[key] = Variant(send.pk, rendered)
    return _VARIANTS[key]


# --- failures ------------------------------------------------------------------


@dataclass
class DeliveryError(Exception):
    message: str
    temporary: bool
    user_unknown: bool = False
    connection_lost: bool = False


def classify(error: BaseException) -> DeliveryError:
    """What an exception from sending means for the row and the connection."""
    if isinstance(error, DeliveryError):
        return error
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, reply = next(iter(error.recipients.values()), (550, b""))
        return _reply_error(code, reply)
    if isinstance(error, smtplib.SMTPSenderRefused):
        # The server refuses our sender: a set-up problem to retry, not the
        # recipient's fault.
        return DeliveryError(_describe(error.smtp_code, error.smtp_error), True)
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return DeliveryError(str(error) or "disconnected", True, connection_lost=True)
    if isinstance(error, smtplib.SMTPResponseException):
        failure = _reply_error(error.smtp_code, error.smtp_error)
        failure.connection_lost = error.smtp_code == 421
        return failure
    if isinstance(error, (OSError, smtplib.SMTPException)):
        return DeliveryError(
            str(error) or type(error).__name__, True, connection_lost=True
        )
    if type(error).__name__ == "AnymailRecipientsRefused":
        return DeliveryError(str(error), False)
    return DeliveryError(f"{type(error).__name__}: {error}", True)


def _describe(code: int, reply: bytes | str) -> str:
    if isinstance(reply, bytes):
        reply = reply.decode("utf-8", "replace")
    return f"{code} {reply}"[:300]


def _reply_error(code: int, reply: bytes | str) -> DeliveryError:
    text = _describe(code, reply)
    lowered = text.lower()
    return DeliveryError(
        text,
        temporary=400 <= code < 500,
        user_unknown=code >= 500 and any(sign in lowered for sign in _UNKNOWN_USER),
    )


# --- transports ----------------------------------------------------------------


class Transport:
    """One connection of the configured email backend for a batch. SMTP
    backends get the pre-built bytes over their own connection; any other
    backend (anymail, locmem in tests) gets an EmailMessage."""

    def __init__(self) -> None:
        self.backend = get_connection(fail_silently=False)
        self.raw = isinstance(self.backend, SmtpBackend)

    def open(self) -> None:
        self.backend.open()

    def send(self, envelope_to: str, message, variant: Variant) -> None:
        if self.raw:
            if isinstance(message, EmailMultiAlternatives):
                message = message.message().as_bytes(linesep="\r\n")
            if self.backend.connection is None:
                raise smtplib.SMTPServerDisconnected("not connected")
            self.backend.connection.sendmail(
                variant.envelope_from, [envelope_to], message
            )
            return
        if not self.backend.send_messages([message]):
            raise DeliveryError("the email backend sent nothing", True)

    def close(self) -> None:
        try:
            self.backend.close()
        except Exception:
            logger.debug("Closing the email connection failed", exc_info=True)


# --- the queue -------------------------------------------------------------------


@dataclass
class Recipient:
    delivery_id: int
    subscriber_id: int
    email: str
    name: str
    language: str
    active: bool
