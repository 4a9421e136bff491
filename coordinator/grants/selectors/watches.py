"""Who watches what, and which reminders are due."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from foreningar.models import Representative

from ..models import CallWatch, GrantCallPage

# Reminders before the deadline: (field on CallWatch, days before), latest first.
REMINDERS: tuple[tuple[str, int], ...] = (
    ("day_reminder_at", 1),
    ("week_reminder_at", 7),
)
LONGEST = max(days for _field, days in REMINDERS)


def is_watching(representative: Representative | None, call: GrantCallPage) -> bool:
    if representative is None:
        return False
    return CallWatch.objects.filter(
        representative=representative, call_id=call.pk
    ).exists()


def watched_call_ids(representative: Representative) -> list[int]:
    return list(
        CallWatch.objects.filter(representative=representative).values_list(
            "call_id", flat=True
        )
    )


def watches_to_consider(now: datetime.datetime) -> QuerySet[CallWatch]:
    """Watches of live calls closing within the longest reminder period that
    still lack a reminder (a superset; :func:`due_reminder` decides)."""
    horizon = timezone.localtime(now) + datetime.timedelta(days=LONGEST)
    return (
        CallWatch.objects.filter(
            call__live=True, call__deadline__gt=now, call__deadline__lte=horizon
        )
        .filter(Q(day_reminder_at__isnull=True) | Q(week_reminder_at__isnull=True))
        .select_related("call", "representative")
        .order_by("pk")
    )


@dataclass(frozen=True)
class DueReminder:
    field: str  # the CallWatch field to claim
    days: int
    skip: tuple[str, ...]  # earlier reminders no longer worth sending


def reminder_threshold(deadline: datetime.datetime, days: int) -> datetime.datetime:
    """``days`` calendar days before the deadline, at the same local time."""
    return timezone.localtime(deadline) - datetime.timedelta(days=days)


def due_reminder(watch: CallWatch, now: datetime.datetime) -> DueReminder | None:
    """The one reminder to send now, if any: the latest threshold passed,
    provided the person was watching before it passed (a reminder must be
    news). Earlier reminders not sent by then are skipped, not sent late."""
    deadline = watch.call.deadline
    if now >= deadline:
        return None
    for index, (field, days) in enumerate(REMINDERS):
        threshold = reminder_threshold(deadline, days)
        if now < threshold:
            continue
        earlier = tuple(name for name, _days in REMINDERS[index + 1 :])
        if getattr(watch, field) is not None or watch.created_at >= threshold:
            return None
        return DueReminder(field, days, earlier)
    return None
