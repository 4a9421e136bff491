"""Bevaka: watching a call, and the reminders 7 days and 1 day before its
deadline (``manage.py send_deadline_reminders``, hourly)."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from core import links
from core.emails import send_templated_email
from core.i18n import default_language
from foreningar.models import Representative

from ..models import CallWatch, GrantCallPage
from ..selectors import DueReminder, due_reminder, watches_to_consider
from .links import UNWATCH, call_in_language, call_url


def source_call(call: GrantCallPage) -> GrantCallPage:
    """Watches are kept on the default-language call, whichever language the
    person read it in."""
    if call.locale.language_code == default_language():
        return call
    return (
        GrantCallPage.objects.filter(
            translation_key=call.translation_key,
            locale__language_code=default_language(),
        ).first()
        or call
    )


def watch(representative: Representative, call: GrantCallPage) -> bool:
    """Start watching; False if the person already watched the call."""
    call = source_call(call)
    try:
        with transaction.atomic():
            _watch, created = CallWatch.objects.get_or_create(
                representative=representative, call=call
            )
    except IntegrityError:  # a double click raced us
        return False
    return created


def unwatch(representative: Representative, call: GrantCallPage) -> bool:
    deleted, _ = CallWatch.objects.filter(
        representative=representative, call=source_call(call)
    ).delete()
    return bool(deleted)


def unwatch_with_link(token: str) -> CallWatch:
    """Stop the reminders from the link in a reminder; raises LinkError."""
    watch_row = links.redeem(UNWATCH, token)
    watch_row.delete()
    return watch_row


def watch_for_link(token: str) -> CallWatch:
    """The watch a stop link is about, without using the link."""
    return links.subject_of(links.peek(UNWATCH, token))


def _claim(watch_row: CallWatch, due: DueReminder, now: datetime.datetime) -> bool:
    """Mark the reminder as sent unless another run did: one conditional
    UPDATE, so at most one of any number of parallel runs wins."""
    updates = {due.field: now}
    for skipped in due.skip:
        updates[skipped] = Coalesce(F(skipped), Value(now))
    return bool(
        CallWatch.objects.filter(
            pk=watch_row.pk, **{f"{due.field}__isnull": True}
        ).update(**updates)
    )


def _send_reminder(watch_row: CallWatch, due: DueReminder) -> None:
    representative = watch_row.representative
    language = representative.language
    call = call_in_language(watch_row.call, language)
    token = links.issue(UNWATCH, watch_row)
    send_templated_email(
        "grants/emails/deadline_reminder",
        {
            "representative": representative,
            "call": call,
            "deadline": watch_row.call.deadline,
            "days": due.days,
            "call_url": call_url(call, language),
            "help_url": call_url(call, language, "hjalp/"),
            "unwatch_url": call_url(call, language, f"sluta-bevaka/{token}/"),
        },
        to=[representative.email],
        language=language,
    )


def send_deadline_reminders(now: datetime.datetime | None = None) -> int:
    """Send the reminders that are due, each exactly once however often (or
    in parallel) this runs: the claim and the queued email share a
    transaction. Returns the number sent."""
    now = now or timezone.now()
    sent = 0
    for watch_row in watches_to_consider(now).iterator(chunk_size=200):
        due = due_reminder(watch_row, now)
        if due is None:
            continue
        with transaction.atomic():
            if not _claim(watch_row, due, now):
                continue
            _send_reminder(watch_row, due)
        sent += 1
    return sent
