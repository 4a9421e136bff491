"""Starting, scheduling and cancelling a send, its preparation (render once,
one delivery row per recipient) and test messages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.db.models import (
    BigIntegerField,
    CharField,
    DateTimeField,
    IntegerField,
    Value,
)
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.tasks import send_email

from ..models import NewsletterDelivery, NewsletterPage, NewsletterSend
from ..selectors import audience
from .delivery import finish_or_next
from .links import SubscriberUrls
from .rendering import render_newsletter, render_send

MAX_TEST_ADDRESSES = 5


class SendError(Exception):
    """A send that cannot be started; the message says why."""


@dataclass
class StartResult:
    send: NewsletterSend
    started: bool  # False: a send of this newsletter existed already


def start_send(
    page: NewsletterPage, user=None, *, at: datetime.datetime | None = None
) -> StartResult:
    """Create the one send of the page's translation set, to start now or
    ``at``. A second call finds the first send and changes nothing (only a
    cancelled schedule can be scheduled again)."""
    if not page.live:
        raise SendError(_("Publicera nyhetsbrevet innan du skickar det."))
    if at is not None and at <= timezone.now():
        at = None
    try:
        with transaction.atomic():
            send = NewsletterSend.objects.create(
                page=page,
                translation_key=page.translation_key,
                scheduled_for=at,
                created_by=user,
            )
    except IntegrityError:
        send = NewsletterSend.objects.get(translation_key=page.translation_key)
        revived = NewsletterSend.objects.filter(
            pk=send.pk, status=NewsletterSend.Status.CANCELLED
        ).update(
            status=NewsletterSend.Status.SCHEDULED,
            scheduled_for=at,
            created_by=user,
            page=page,
        )
        if not revived:
            return StartResult(send, started=False)
        send.refresh_from_db()
    log(
        instance=page,
        action="newsletters.send_scheduled" if at else "newsletters.send_started",
        user=user,
        data={"send_id": send.pk, "at": at.isoformat() if at else None},
    )
    return StartResult(send, started=True)


def cancel_send(send: NewsletterSend, user=None) -> bool:
    """Cancel a send that has not started yet."""
    cancelled = NewsletterSend.objects.filter(
        pk=send.pk, status=NewsletterSend.Status.SCHEDULED
    ).update(status=NewsletterSend.Status.CANCELLED)
    if cancelled:
        log(
            instance=send.page,
            action="newsletters.send_cancelled",
            user=user,
            data={"send_id": send.pk},
        )
    return bool(cancelled)


def _insert_deliveries(send: NewsletterSend, page: NewsletterPage) -> int:
    """One queued row per recipient, in one INSERT ... SELECT (no rows
    through Python, whatever the list's size)."""
    rows = (
        audience(page)
        .order_by()
        .annotate(
            d_send=Value(send.pk, output_field=BigIntegerField()),
            d_status=Value(NewsletterDelivery.Status.QUEUED, output_field=CharField()),
            d_attempts=Value(0, output_field=IntegerField()),
            d_available=Value(timezone.now(), output_field=DateTimeField()),
            d_blank=Value("", output_field=CharField()),
        )
        .values_list(
            "d_send",
            "pk",
            "language",
            "d_status",
            "d_attempts",
            "d_available",
            "d_blank",
            "d_blank",
        )
    )
    select_sql, params = rows.query.sql_with_params()
    table = connection.ops.quote_name(NewsletterDelivery._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (send_id, subscriber_id, language, status, "
            f"attempts, available_at, claimed_by, last_error) {select_sql}",
            params,
        )
    return NewsletterDelivery.objects.filter(send=send).count()


def prepare_send(send_id: int) -> int:
    """Render every language once and queue one delivery per recipient.
    Returns the number of recipients (0 if there is nothing to send now).
    Runs once: the send leaves "scheduled" in the same transaction."""
    with transaction.atomic():
        send = (
            NewsletterSend.objects.select_for_update()
            .filter(pk=send_id, status=NewsletterSend.Status.SCHEDULED)
            .first()
        )
        if send is None:
            return 0
        if (
            send.scheduled_for
            and send.scheduled_for > timezone.now() + datetime.timedelta(seconds=5)
        ):
            return 0  # an early task: the one at the right time follows
        page = NewsletterPage.objects.get(pk=send.page_id)
        if not page.live:
            send.status = NewsletterSend.Status.CANCELLED
            send.save(update_fields=["status"])
            return 0
        send.rendered = render_send(page)
        send.recipient_count = _insert_deliveries(send, page)
        send.status = NewsletterSend.Status.SENDING
        send.started_at = timezone.now()
        send.save()
    if not send.recipient_count:
        finish_or_next(send)
    log(
        instance=page,
        action="newsletters.send_prepared",
        data={"send_id": send.pk, "recipients": send.recipient_count},
    )
    return send.recipient_count


def send_test(
    page: NewsletterPage, addresses: list[str], language: str, user=None
) -> None:
    """The newsletter as a subscriber of ``language`` would get it, to a few
    addresses; its links lead to the page for asking for a preferences link."""
    urls = SubscriberUrls(language)
    rendered = render_newsletter(
        page,
        language,
        preferences_url=urls.new_link(),
        unsubscribe_url=urls.new_link(),
    )
    with translation.override(language):
        prefix = _("Test")
    send_email.enqueue(
        subject=f"[{prefix}] {rendered.subject}",
        text_body=rendered.text,
        to=addresses[:MAX_TEST_ADDRESSES],
        html_body=rendered.html,
    )
    log(
        instance=page,
        action="newsletters.test_sent",
        user=user,
        data={"count": len(addresses[:MAX_TEST_ADDRESSES])},
    )


def due_scheduled_sends() -> list[int]:
    return list(
        NewsletterSend.objects.filter(
            status=NewsletterSend.Status.SCHEDULED, scheduled_for__lte=timezone.now()
        ).values_list("pk", flat=True)
        | NewsletterSend.objects.filter(
            status=NewsletterSend.Status.SCHEDULED, scheduled_for__isnull=True
        ).values_list("pk", flat=True)
    )


def sends_with_due_rows() -> dict[int, int]:
    """Sends under way and how many of their rows are due now."""
    from django.db.models import Count

    return dict(
        NewsletterDelivery.objects.filter(
            send__status=NewsletterSend.Status.SENDING,
            status=NewsletterDelivery.Status.QUEUED,
            available_at__lte=timezone.now(),
        )
        .order_by()
        .values_list("send_id")
        .annotate(count=Count("pk"))
        .values_list("send_id", "count")
    )


def finish_idle_sends() -> int:
    """Sends whose every row is final are marked done."""
    finished = 0
    for send in NewsletterSend.objects.filter(status=NewsletterSend.Status.SENDING):
        if finish_or_next(send) is None:
            finished += 1
    return finished
