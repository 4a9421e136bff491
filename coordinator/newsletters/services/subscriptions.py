"""Subscribing (double opt-in), the preferences, unsubscribing and erasure.

The public forms answer the same whatever the address: the request only
queues a task, and the task (:func:`request_subscription`,
:func:`request_preferences_link`) decides what, if anything, to email."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from core import links
from core.emails import send_templated_email
from core.protection import rate_limited

from ..models import Subscriber, Topic, normalise_email
from .links import (
    CONFIRM,
    EMAIL_DIR,
    PREFERENCES,
    REQUESTED_PREFERENCES_VALIDITY,
    SubscriberUrls,
)

logger = logging.getLogger(__name__)

# No address gets more than this many emails a day from the public forms,
# however often someone types it in.
EMAILS_PER_ADDRESS_PER_DAY = 3
# An invitation after an import waits longer than a form's confirmation.
INVITATION_VALIDITY = datetime.timedelta(days=14)


@dataclass
class SubscriptionRequest:
    email: str
    language: str
    topics: list[str] = field(default_factory=list)  # topic slugs
    name: str = ""
    privacy_version: str = ""
    privacy_language: str = ""
    source: str = Subscriber.Source.FORM


def topics_by_slug(slugs: Iterable[str]) -> list[Topic]:
    """The default-language topics with these slugs (unknown slugs dropped)."""
    from core.i18n import default_locale_id

    return list(
        Topic.objects.filter(locale_id=default_locale_id(), slug__in=list(slugs))
    )


def _may_email(email: str) -> bool:
    return not rate_limited(
        f"newsletters:email:{email}", EMAILS_PER_ADDRESS_PER_DAY, 24 * 3600
    )


def send_confirmation(
    subscriber: Subscriber,
    *,
    template: str = "confirm",
    valid_for: datetime.timedelta | None = None,
) -> None:
    token = links.issue(CONFIRM, subscriber, valid_for=valid_for)
    urls = SubscriberUrls(subscriber.language)
    valid_for = valid_for or CONFIRM.valid_for
    send_templated_email(
        f"{EMAIL_DIR}/{template}",
        {
            "subscriber": subscriber,
            "url": urls.confirm(token),
            "archive_url": urls.archive(),
            "valid_hours": int(valid_for.total_seconds() // 3600),
            "valid_days": valid_for.days,
        },
        to=[subscriber.email],
        language=subscriber.language,
    )


def send_preferences_link(
    subscriber: Subscriber, *, template: str = "preferences_link"
) -> None:
    token = links.issue(
        PREFERENCES, subscriber, valid_for=REQUESTED_PREFERENCES_VALIDITY
    )
    urls = SubscriberUrls(subscriber.language)
    send_templated_email(
        f"{EMAIL_DIR}/{template}",
        {
            "subscriber": subscriber,
            "url": urls.preferences(token),
            "new_link_url": urls.new_link(),
            "archive_url": urls.archive(),
            "valid_hours": int(REQUESTED_PREFERENCES_VALIDITY.total_seconds() // 3600),
        },
        to=[subscriber.email],
        language=subscriber.language,
    )


def request_subscription(request: SubscriptionRequest) -> str:
    """Someone asked to subscribe ``request.email``. A new, pending or former
    subscriber gets a confirmation link (nothing is active before it is
    used); an active one gets a note with a preferences link and keeps their
    settings. Returns what happened ("confirm", "already", "limited")."""
    email = normalise_email(request.email)
    if not _may_email(email):
        logger.info("Subscription emails to one address limited for today")
        return "limited"
    topics = topics_by_slug(request.topics)
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.get_or_create(
            email=email, defaults={"language": request.language}
        )
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status == Subscriber.Status.ACTIVE:
            # Queued in this transaction (the task backend's table is in the
            # same database): no email for a change that is rolled back.
            send_preferences_link(subscriber, template="already_subscribed")
            return "already"
        subscriber.status = Subscriber.Status.PENDING
        subscriber.language = request.language
        subscriber.name = request.name or subscriber.name
        subscriber.source = request.source
        subscriber.privacy_version = request.privacy_version
        subscriber.privacy_language = request.privacy_language
        subscriber.subscribed_at = timezone.now()
        subscriber.confirmed_at = None
        subscriber.unsubscribed_at = None
        subscriber.bounced_at = None
        subscriber.save()
        subscriber.topics.set(topics)
        links.revoke(CONFIRM, subscriber)
        send_confirmation(subscriber)
    return "confirm"


def subscriber_to_confirm(token: str) -> Subscriber:
    """The pending subscriber a confirmation link is about (for the page
    that asks them to press the button); raises LinkError."""
    subscriber = links.subject_of(links.peek(CONFIRM, token))
    if subscriber.status != Subscriber.Status.PENDING:
        raise links.LinkError("used")
    return subscriber


@transaction.atomic
def confirm_subscription(token: str) -> Subscriber:
    """Use the confirmation link: the subscription becomes active and a
    welcome email with the preferences link follows."""
    subscriber = links.redeem(CONFIRM, token)
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status != Subscriber.Status.PENDING:
        raise links.LinkError("used")
    subscriber.status = Subscriber.Status.ACTIVE
    subscriber.confirmed_at = timezone.now()
    subscriber.save(update_fields=["status", "confirmed_at"])
    send_preferences_link(subscriber, template="welcome")
    return subscriber


def request_preferences_link(email: str) -> str:
    """Someone asked for a link to the preferences of ``email``: an active
    subscriber gets one, a pending one a new confirmation link, anyone else
    nothing. Returns what happened."""
    subscriber = Subscriber.objects.with_email(email).first()
    if subscriber is None or subscriber.status not in (
        Subscriber.Status.ACTIVE,
        Subscriber.Status.PENDING,
    ):
        return "unknown"
    if not _may_email(subscriber.email):
        return "limited"
    if subscriber.status == Subscriber.Status.PENDING:
        send_confirmation(subscriber)
        return "confirm"
    send_preferences_link(subscriber)
    return "preferences"


def subscriber_for_preferences(token: str) -> Subscriber:
    """The subscriber a preferences link is about; raises LinkError."""
    return links.subject_of(links.peek(PREFERENCES, token))


@transaction.atomic
def update_preferences(
    subscriber: Subscriber, *, topics: list[str], language: str, name: str
) -> Subscriber:
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    subscriber.language = language
    subscriber.name = name
    if subscriber.status in (
        Subscriber.Status.UNSUBSCRIBED,
        Subscriber.Status.BOUNCED,
    ):
        # Choosing topics again on one's own preferences page is a new,
        # confirmed consent: the link proves the address.
        subscriber.status = Subscriber.Status.ACTIVE
        subscriber.subscribed_at = subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = subscriber.bounced_at = None
    subscriber.save()
    subscriber.topics.set(topics_by_slug(topics))
    return subscriber


def unsubscribe(subscriber: Subscriber) -> bool:
    """Withdraw consent. Idempotent: True if this call changed anything."""
    changed = (
        Subscriber.objects.filter(pk=subscriber.pk)
        .exclude(status=Subscriber.Status.UNSUBSCRIBED)
        .update(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now())
    )
    if changed:
        links.revoke(CONFIRM, subscriber)
    return bool(changed)


def unsubscribe_with_token(token: str) -> Subscriber:
    """The one-click unsubscribe (RFC 8058); raises LinkError."""
    subscriber = subscriber_for_preferences(token)
    unsubscribe(subscriber)
    return subscriber


def mark_bounced(subscriber_id: int) -> None:
    """The mail server said the address does not exist."""
    Subscriber.objects.filter(
        pk=subscriber_id,
        status__in=[Subscriber.Status.ACTIVE, Subscriber.Status.PENDING],
    ).update(status=Subscriber.Status.BOUNCED, bounced_at=timezone.now())


def forget_links(subscriber: Subscriber) -> None:
    """Erasure: the emailed links about the subscriber go with them."""
    links.forget(subscriber)


# The privacy text promises it: unconfirmed addresses are deleted.
UNCONFIRMED_KEPT_FOR = datetime.timedelta(days=30)


def purge_unconfirmed(now: datetime.datetime | None = None) -> int:
    """Delete subscriptions never confirmed within 30 days (and their links)."""
    cutoff = (now or timezone.now()) - UNCONFIRMED_KEPT_FOR
    stale = list(
        Subscriber.objects.filter(
            status=Subscriber.Status.PENDING, subscribed_at__lt=cutoff
        )
    )
    for subscriber in stale:
        subscriber.delete()  # the pre_delete receiver forgets the links
    return len(stale)
