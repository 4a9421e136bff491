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
import time
import uuid
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Min
from django.utils import timezone

from core import links

from ..models import NewsletterDelivery, NewsletterSend, Subscriber
from .links import PREFERENCES
from .messages import (
    DeliveryError,
    Recipient,
    Transport,
    classify,
    variant_for,
)
from .subscriptions import mark_bounced

logger = logging.getLogger(__name__)

# A task hands over to a fresh one after this long, so one send cannot hold
# a worker for hours.
TASK_SECONDS = 300


def _setting(name: str) -> int:
    return int(getattr(settings, name))


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
