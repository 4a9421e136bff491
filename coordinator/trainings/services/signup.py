"""Signing up, leaving and moving up the queue.

Seats are exact under concurrency: every change to a training's seats runs
in a transaction that first locks the training's row (``SELECT ... FOR
UPDATE``), so sign-ups and cancellations of one training happen one at a
time and each sees the others' committed rows. A partial unique index keeps
one active sign-up per address even if two requests slip past the check.
Emails are queued after the transaction has committed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from core import links
from core.i18n import page_language

from ..models import Participant, SignupState, TrainingEventIndexPage, TrainingEventPage
from .links import MANAGE
from .notifications import send_participant_email, waitlist_position


class SignupClosed(Exception):
    """Sign-up is not possible now; ``state`` says why."""

    def __init__(self, state: SignupState):
        super().__init__(state.value)
        self.state = state


@dataclass
class SignupData:
    name: str
    email: str
    language: str
    phone: str = ""
    association_id: int | None = None
    association_name: str = ""
    dietary_needs: str = ""
    accessibility_needs: str = ""


@dataclass
class SignupResult:
    participant: Participant
    created: bool  # False: the address had signed up already
    position: int | None = None  # place in the queue


def _locked(event: TrainingEventPage) -> TrainingEventPage:
    """The training's own row, locked until the transaction ends."""
    return TrainingEventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def confirmed_count(event: TrainingEventPage) -> int:
    return Participant.objects.filter(
        event=event, status=Participant.Status.CONFIRMED
    ).count()


def active_signup(event: TrainingEventPage, email: str) -> Participant | None:
    return (
        Participant.objects.filter(
            event=event, email=email.strip().lower(), anonymised_at__isnull=True
        )
        .exclude(status=Participant.Status.CANCELLED)
        .first()
    )


def sign_up(
    page: TrainingEventPage,
    data: SignupData,
    *,
    index_page: TrainingEventIndexPage | None,
    now: datetime.datetime | None = None,
) -> SignupResult:
    """A seat if one is free, a place in the queue if the training is full and
    has a waitlist; raises :class:`SignupClosed` otherwise. The same address
    twice gets its existing sign-up back (``created=False``), not a second
    seat."""
    event = page.original()
    with transaction.atomic():
        event = _locked(event)
        existing = active_signup(event, data.email)
        if existing is not None:
            return SignupResult(existing, False, waitlist_position(existing))
        state = event.signup_state(confirmed_count(event), now)
        if not state.accepts_signups:
            raise SignupClosed(state)
        moment = now or timezone.now()
        seat = state is SignupState.OPEN
        try:
            with transaction.atomic():
                participant = Participant.objects.create(
                    event=event,
                    status=Participant.Status.CONFIRMED
                    if seat
                    else Participant.Status.WAITLISTED,
                    seat_since=moment if seat else None,
                    name=data.name,
                    email=data.email,
                    phone=data.phone,
                    association_id=data.association_id,
                    association_name=data.association_name,
                    dietary_needs=data.dietary_needs,
                    accessibility_needs=data.accessibility_needs,
                    language=data.language,
                    consent_version=index_page.privacy_version if index_page else "",
                    consent_text_hash=index_page.privacy_text_hash
                    if index_page
                    else "",
                    consent_language=page_language(index_page) if index_page else "",
                    consented_at=moment,
                )
        except IntegrityError:
            # The unique index caught a concurrent sign-up with this address.
            existing = active_signup(event, data.email)
            if existing is None:
                raise
            return SignupResult(existing, False, waitlist_position(existing))
        result = SignupResult(participant, True, waitlist_position(participant))
    send_participant_email("confirmed" if seat else "waitlisted", participant, event)
    return result


def participant_for_link(token: str) -> Participant:
    """Whose sign-up a link is about, without using it; raises LinkError."""
    participant = links.subject_of(links.peek(MANAGE, token))
    if participant.anonymised_at is not None:
        raise links.LinkError("expired")
    return participant


def _promote(event: TrainingEventPage, now: datetime.datetime) -> list[Participant]:
    """Give free seats to the first in the queue (call with the row locked)."""
    start = event.first_session_start
    if not event.waitlist_enabled or start is None or start <= now:
        return []
    free = event.capacity - confirmed_count(event)
    if free <= 0:
        return []
    queue = list(
        Participant.objects.filter(
            event=event, status=Participant.Status.WAITLISTED
        ).order_by("pk")[:free]
    )
    Participant.objects.filter(pk__in=[p.pk for p in queue]).update(
        status=Participant.Status.CONFIRMED, seat_since=now
    )
    for participant in queue:
        participant.status = Participant.Status.CONFIRMED
        participant.seat_since = now
        log(
            instance=event,
            action="trainings.promoted",
            data={"participant_id": participant.pk},
        )
    return queue


def cancel(token: str, now: datetime.datetime | None = None) -> Participant:
    """Cancel the sign-up the link is about and give the seat to the first in
    the queue. Raises LinkError ("used" once cancelled)."""
    participant = participant_for_link(token)
    moment = now or timezone.now()
    with transaction.atomic():
        event = _locked(participant.event)
        participant = Participant.objects.select_for_update().get(pk=participant.pk)
        if participant.status == Participant.Status.CANCELLED:
            raise links.LinkError("used")
        links.redeem(MANAGE, token)
        had_seat = participant.status == Participant.Status.CONFIRMED
        participant.status = Participant.Status.CANCELLED
        participant.cancelled_at = moment
        participant.save(update_fields=["status", "cancelled_at"])
        # Older emails' links show "cancelled" instead of a cancel button.
        links.revoke(MANAGE, participant)
        log(
            instance=event,
            action="trainings.cancelled",
            data={"participant_id": participant.pk, "had_seat": had_seat},
        )
        promoted = _promote(event, moment) if had_seat else []
    send_participant_email("cancelled", participant, event)
    for person in promoted:
        send_participant_email("promoted", person, event)
    return participant


def fill_free_seats(
    page: TrainingEventPage, now: datetime.datetime | None = None
) -> list[Participant]:
    """After the coordinator adds seats: the first in the queue get them."""
    event = page.original()
    with transaction.atomic():
        promoted = _promote(_locked(event), now or timezone.now())
    for person in promoted:
        send_participant_email("promoted", person, event)
    return promoted
