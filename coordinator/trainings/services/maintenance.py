"""What the scheduled commands do: reminders before a training and the
anonymisation of participants afterwards. Both are idempotent and safe to
run concurrently: every row is claimed with a conditional UPDATE first."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from core.models import EmailedLink

from ..models import Participant, TrainingEventPage, TrainingSettings
from .notifications import send_participant_email


def training_settings() -> TrainingSettings:
    return TrainingSettings.load()


def send_event_reminders(now: datetime.datetime | None = None) -> int:
    """One reminder to each confirmed participant of a training that starts
    within the reminder time (setting, default 2 days). Returns how many."""
    now = now or timezone.now()
    days = training_settings().reminder_days_before
    soon = (
        TrainingEventPage.objects.with_schedule()
        .filter(
            first_start__gt=now, first_start__lte=now + datetime.timedelta(days=days)
        )
        .values("pk")
    )
    due = Participant.objects.filter(
        event__in=soon,
        status=Participant.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        anonymised_at__isnull=True,
    ).select_related("event")
    sent = 0
    events: dict[int, TrainingEventPage] = {}
    for participant in due:
        # Claim the row first: a second run (or a concurrent one) skips it.
        claimed = Participant.objects.filter(
            pk=participant.pk,
            reminder_sent_at__isnull=True,
            status=Participant.Status.CONFIRMED,
        ).update(reminder_sent_at=now)
        if not claimed:
            continue
        event = events.setdefault(participant.event_id, participant.event)
        send_participant_email("reminder", participant, event)
        sent += 1
    return sent


def purge_personal_data(now: datetime.datetime | None = None) -> int:
    """Anonymise participants of trainings that ended more than the retention
    time ago (setting, default 180 days): names, addresses, phone numbers and
    needs are emptied, their links deleted; status, attendance, association
    and language stay for the statistics. Returns how many were anonymised."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=training_settings().retention_days)
    ended = (
        TrainingEventPage.objects.with_schedule()
        .filter(last_end__lt=cutoff)
        .values("pk")
    )
    ids = list(
        Participant.objects.filter(
            event__in=ended, anonymised_at__isnull=True
        ).values_list("pk", flat=True)
    )
    if not ids:
        return 0
    with transaction.atomic():
        count = Participant.objects.filter(
            pk__in=ids, anonymised_at__isnull=True
        ).update(
            name="",
            email="",
            phone="",
            dietary_needs="",
            accessibility_needs="",
            anonymised_at=now,
        )
        EmailedLink.objects.filter(
            content_type=ContentType.objects.get_for_model(Participant),
            object_id__in=ids,
        ).delete()
    return count
