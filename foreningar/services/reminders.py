"""Reminding associations to check their data (``send_verification_reminders``)."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log

from core import links

from ..models import VerificationReminder
from ..selectors.selfservice import REMIND_AGAIN_AFTER, associations_due_for_reminder
from .notifications import email_representatives


def send_verification_reminders(now: datetime.datetime | None = None) -> int:
    """Email the representatives of associations whose data has not been
    confirmed for FORENINGAR_VERIFY_AFTER_DAYS, at most once per 30 days per
    association. Safe to run as often as you like; returns associations reminded."""
    now = now or timezone.now()
    recently = now - REMIND_AGAIN_AFTER
    reminded = 0
    for page in associations_due_for_reminder(now).iterator():
        VerificationReminder.objects.get_or_create(association=page)
        # Claim the reminder atomically so parallel runs cannot both send.
        claimed = (
            VerificationReminder.objects.filter(association=page)
            .filter(Q(reminder_sent_at__isnull=True) | Q(reminder_sent_at__lt=recently))
            .update(reminder_sent_at=now)
        )
        if not claimed:
            continue
        email_representatives(page, "verification_reminder")
        log(instance=page, action="foreningar.reminder_sent")
        reminded += 1
    links.purge_expired()
    return reminded
