"""A call's status is derived from the clock, never stored: kommande before
``opens_at``, öppen until ``deadline``, stängd from the deadline on, and
"stänger snart" while open with at most N days left (the coordinator's
setting). Nothing has to run at a boundary for the status to be right."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CallStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Kommande")
    OPEN = "open", _("Öppen")
    CLOSING_SOON = "closing_soon", _("Stänger snart")
    CLOSED = "closed", _("Stängd")


def closing_soon_limit(now: datetime.datetime, days: int) -> datetime.datetime:
    """Deadlines up to this instant count as "closing soon" at ``now``.

    Days are calendar days in the town's time zone (aware arithmetic on local
    time), so a call closing at 16.00 turns "closing soon" at 16.00 local time
    ``days`` days before, also across a change to or from summer time."""
    return timezone.localtime(now) + datetime.timedelta(days=days)


def status_at(
    opens_at: datetime.datetime,
    deadline: datetime.datetime,
    now: datetime.datetime,
    days: int,
) -> str:
    """The status at ``now``: open from ``opens_at`` (inclusive) until
    ``deadline`` (exclusive)."""
    if now < opens_at:
        return CallStatus.UPCOMING
    if now >= deadline:
        return CallStatus.CLOSED
    if deadline <= closing_soon_limit(now, days):
        return CallStatus.CLOSING_SOON
    return CallStatus.OPEN
