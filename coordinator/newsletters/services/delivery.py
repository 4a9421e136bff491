"""The delivery engine: sends a newsletter's queued deliveries in batches.

How a send goes (``deliver`` runs inside delivery tasks, several at once):

1. A worker *claims* up to ``NEWSLETTER_BATCH_SIZE`` queued rows whose
   ``available_at`` has come, with ``SELECT ... FOR UPDATE SKIP LOCKED`` (so
   workers never wait for or take each other's rows), and moves their
   ``available_at`` a lease ahead (``NEWSLETTER_LEASE_SECONDS``).
2. It opens one SMTP connection for the batch and sends one message per
   recipient, built from the message rendered once for the language (only
   the recipient's address, Message-ID and links differ).
3. Right after the server accepts a message the row is marked ``sent``, in
   its own commit, before the next message goes out.
4. A temporary failure (4xx, a dropped connection) puts the row back with a
   later ``available_at`` (backoff ×4) until ``NEWSLETTER_MAX_ATTEMPTS``; a
   permanent one (5xx) marks it ``failed``, and "user unknown" marks it
   ``bounced`` and the subscriber bounced too.

The guarantee: every row ends ``sent``, ``failed``, ``bounced`` or
``skipped`` (no subscriber is skipped silently), because a row only leaves
``queued`` through those marks and the rows of a worker that dies come back
when its lease runs out. A message is marked sent only after the server took
it, so a worker killed between the server's "250 OK" and its commit makes
the one duplicate: at most one per crashed worker, the message in flight.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import make_msgid
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.core.mail.message import sanitize_address
from django.db import connection, transaction
from django.db.models import Min
from django.utils import timezone

from core import links

from ..models import NewsletterDelivery, NewsletterSend, Subscriber
from .links import PREFERENCES, SubscriberUrls
from .rendering import PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER
from .subscriptions import mark_bounced

logger = logging.getLogger(__name__)

TO_PLACEHOLDER = "recipient@placeholder.invalid"
_TOKEN = "T0KEN" * 8 + "T0KE"  # as long as a real one, URL-safe
MESSAGE_ID_PLACEHOLDER = "<message-id@placeholder.invalid>"
# A task hands over to a fresh one after this long, so one send cannot hold
# a worker for hours.
TASK_SECONDS = 300
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


def _setting(name: str) -> int:
    return int(getattr(settings, name))


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


def claim(
    send: NewsletterSend, owner: str, now: datetime.datetime | None = None
) -> list[Recipient]:
    """Take up to a batch of due rows for ``owner`` (rows other workers hold
    are skipped, not waited for)."""
    now = now or timezone.now()
    with transaction.atomic():
        ids = list(
            NewsletterDelivery.objects.filter(
                send_id=send.pk,
                status=NewsletterDelivery.Status.QUEUED,
                available_at__lte=now,
            )
            .order_by("available_at", "pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[: _setting("NEWSLETTER_BATCH_SIZE")]
        )
        if not ids:
            return []
        NewsletterDelivery.objects.filter(pk__in=ids).update(
            claimed_by=owner,
            available_at=now
            + datetime.timedelta(seconds=_setting("NEWSLETTER_LEASE_SECONDS")),
        )
    rows = (
        NewsletterDelivery.objects.filter(pk__in=ids, claimed_by=owner)
        .values_list(
            "pk",
            "subscriber_id",
            "subscriber__email",
            "subscriber__name",
            "language",
            "subscriber__status",
        )
        .order_by("pk")
    )
    return [
        Recipient(
            pk, subscriber_id, email, name, language, status == Subscriber.Status.ACTIVE
        )
        for pk, subscriber_id, email, name, language, status in rows
    ]


def _mine(owner: str, recipient: Recipient):
    return NewsletterDelivery.objects.filter(
        pk=recipient.delivery_id,
        claimed_by=owner,
        status=NewsletterDelivery.Status.QUEUED,
    )


_MARK_SENT = (
    "UPDATE {table} SET status = %s, sent_at = %s, attempts = attempts + 1, "
    "claimed_by = '', last_error = '' WHERE id = %s AND claimed_by = %s AND status = %s"
)


def mark_sent(owner: str, recipient: Recipient) -> None:
    """The hot path (one per message): plain SQL, its own commit."""
    table = connection.ops.quote_name(NewsletterDelivery._meta.db_table)
    sent_at = NewsletterDelivery._meta.get_field("sent_at").get_db_prep_value(
        timezone.now(), connection
    )
    with connection.cursor() as cursor:
        cursor.execute(
            _MARK_SENT.format(table=table),
            [
                NewsletterDelivery.Status.SENT,
                sent_at,
                recipient.delivery_id,
                owner,
                NewsletterDelivery.Status.QUEUED,
            ],
        )


def mark_failed(owner: str, recipient: Recipient, failure: DeliveryError) -> None:
    """A temporary failure waits and tries again until the limit; anything
    else is final."""
    row = _mine(owner, recipient)
    attempts = (row.values_list("attempts", flat=True).first() or 0) + 1
    if failure.temporary and attempts < _setting("NEWSLETTER_MAX_ATTEMPTS"):
        delay = _setting("NEWSLETTER_RETRY_SECONDS") * 4 ** (attempts - 1)
        row.update(
            attempts=attempts,
            available_at=timezone.now() + datetime.timedelta(seconds=delay),
            claimed_by="",
            last_error=failure.message[:300],
        )
        return
    status = (
        NewsletterDelivery.Status.BOUNCED
        if failure.user_unknown
        else NewsletterDelivery.Status.FAILED
    )
    with transaction.atomic():
        if (
            row.update(
                status=status,
                attempts=attempts,
                claimed_by="",
                last_error=failure.message[:300],
            )
            and failure.user_unknown
        ):
            mark_bounced(recipient.subscriber_id)


def release(owner: str, recipients: list[Recipient]) -> None:
    """Give rows back untried (the connection broke before their turn)."""
    NewsletterDelivery.objects.filter(
        pk__in=[r.delivery_id for r in recipients],
        claimed_by=owner,
        status=NewsletterDelivery.Status.QUEUED,
    ).update(claimed_by="", available_at=timezone.now())


def _renew_lease(owner: str, recipients: list[Recipient]) -> list[Recipient]:
    """Extend the lease of the rows still ahead; drop any that are no longer
    ours (should never happen unless a batch outlives its lease)."""
    lease = datetime.timedelta(seconds=_setting("NEWSLETTER_LEASE_SECONDS"))
    ids = [r.delivery_id for r in recipients]
    rows = NewsletterDelivery.objects.filter(
        pk__in=ids, claimed_by=owner, status=NewsletterDelivery.Status.QUEUED
    )
    rows.update(available_at=timezone.now() + lease)
    still = set(rows.values_list("pk", flat=True))
    return [r for r in recipients if r.delivery_id in still]


def send_batch(send: NewsletterSend, owner: str, recipients: list[Recipient]) -> None:
    """Send one claimed batch over one connection."""
    inactive = [r for r in recipients if not r.active]
    if inactive:  # unsubscribed or bounced after the send started
        NewsletterDelivery.objects.filter(
            pk__in=[r.delivery_id for r in inactive], claimed_by=owner
        ).update(status=NewsletterDelivery.Status.SKIPPED, claimed_by="")
    recipients = [r for r in recipients if r.active]
    if not recipients:
        return
    tokens = links.issue_many(
        PREFERENCES, [Subscriber(pk=r.subscriber_id) for r in recipients]
    )
    transport = Transport()
    try:
        transport.open()
    except Exception as error:  # noqa: BLE001 - every row gets a retry
        failure = classify(error)
        failure.temporary = True
        logger.warning("Newsletter %s: cannot connect: %s", send.pk, failure.message)
        for recipient in recipients:
            mark_failed(owner, recipient, failure)
        return
    lease_seconds = _setting("NEWSLETTER_LEASE_SECONDS")
    renew_at = time.monotonic() + lease_seconds / 2
    pending = list(zip(recipients, tokens, strict=True))
    try:
        while pending:
            if time.monotonic() > renew_at:
                kept = {
                    r.delivery_id for r in _renew_lease(owner, [r for r, _t in pending])
                }
                pending = [(r, t) for r, t in pending if r.delivery_id in kept]
                renew_at = time.monotonic() + lease_seconds / 2
                if not pending:
                    break
            recipient, token = pending.pop(0)
            variant = variant_for(send, recipient.language)
            try:
                envelope_to, message = variant.personalise(
                    recipient, token, raw=transport.raw
                )
                transport.send(envelope_to, message, variant)
            except ValueError as error:  # an address Django cannot encode
                mark_failed(owner, recipient, DeliveryError(str(error), False))
            except Exception as error:  # noqa: BLE001 - classified below
                failure = classify(error)
                mark_failed(owner, recipient, failure)
                if failure.connection_lost:
                    release(owner, [r for r, _t in pending])
                    return
            else:
                mark_sent(owner, recipient)
    finally:
        transport.close()


def deliver(send_id: int, *, seconds: float = TASK_SECONDS) -> datetime.datetime | None:
    """Send batches of ``send_id`` until nothing is due (or ``seconds``
    have passed). Returns when more work will be due (retries, other
    workers' leases), or None when the send is over."""
    send = NewsletterSend.objects.filter(pk=send_id).first()
    if send is None or send.status != NewsletterSend.Status.SENDING:
        return None
    owner = uuid.uuid4().hex
    started = time.monotonic()
    with _fast_commits():
        while True:
            recipients = claim(send, owner)
            if not recipients:
                break
            send_batch(send, owner, recipients)
            if time.monotonic() - started > seconds:
                return timezone.now()
    return finish_or_next(send)


@contextmanager
def _fast_commits():
    """On PostgreSQL, a "sent" mark's commit does not wait for the disk
    (synchronous_commit off, for this connection while it delivers). A
    killed worker loses nothing by it: PostgreSQL has the commit and writes
    it out within a fraction of a second. Only a crash of the database
    server itself could forget the last marks, and a forgotten mark means a
    message sent again, never one skipped."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


def finish_or_next(send: NewsletterSend) -> datetime.datetime | None:
    """Mark the send done when no row is queued; else when the next one is due."""
    next_at = NewsletterDelivery.objects.filter(
        send=send, status=NewsletterDelivery.Status.QUEUED
    ).aggregate(next_at=Min("available_at"))["next_at"]
    if next_at is not None:
        return next_at
    NewsletterSend.objects.filter(
        pk=send.pk, status=NewsletterSend.Status.SENDING
    ).update(status=NewsletterSend.Status.DONE, finished_at=timezone.now())
    return None


def reserve_follow_up(send_id: int, at: datetime.datetime) -> bool:
    """True if no follow-up task is already queued for ``at`` or earlier."""
    from django.db.models import Q

    now = timezone.now()
    return bool(
        NewsletterSend.objects.filter(pk=send_id)
        .filter(
            Q(follow_up_at__isnull=True)
            | Q(follow_up_at__lt=now)
            | Q(follow_up_at__gt=at)
        )
        .update(follow_up_at=at)
    )
