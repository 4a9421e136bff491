"""Where a training's sign-up stands, derived from times and seats (never
stored, so no cron job is needed for it to be right)."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import TYPE_CHECKING

from django.utils import timezone

if TYPE_CHECKING:
    from .pages import TrainingEventPage


class SignupState(Enum):
    """Where a training's sign-up stands now; derived from times and seats."""

    NOT_OPEN = "not_open"
    OPEN = "open"
    WAITLIST = "waitlist"  # full; new sign-ups join the queue
    FULL = "full"  # full and no waitlist
    CLOSED = "closed"  # sign-up closed or the training has started
    PAST = "past"

    @property
    def accepts_signups(self) -> bool:
        return self in (SignupState.OPEN, SignupState.WAITLIST)


def signup_state_for(
    page: TrainingEventPage,
    *,
    first_start: datetime.datetime | None,
    last_end: datetime.datetime | None,
    confirmed: int,
    now: datetime.datetime | None = None,
) -> SignupState:
    """A training's sign-up state from its schedule (given, so lists can pass
    annotated values) and the seats taken."""
    now = now or timezone.now()
    if last_end is not None and last_end < now:
        return SignupState.PAST
    ends = first_start
    if page.signup_closes and (ends is None or page.signup_closes < ends):
        ends = page.signup_closes
    if ends is None or ends <= now:
        return SignupState.CLOSED
    if page.signup_opens and page.signup_opens > now:
        return SignupState.NOT_OPEN
    if confirmed < page.capacity:
        return SignupState.OPEN
    return SignupState.WAITLIST if page.waitlist_enabled else SignupState.FULL
