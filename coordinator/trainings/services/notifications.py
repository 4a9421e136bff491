"""Emails to participants, always in the participant's own language. Mails
about a seat (confirmation, promotion, reminder) carry the .ics file and, for
online trainings, the meeting link; waitlisted people never get those."""

from __future__ import annotations

from typing import Any

from core.emails import email_defaults, render_email
from core.tasks import send_email

from ..ical import IcalEvent, build_calendar, session_uid
from ..models import Participant, TrainingEventPage
from .links import EMAIL_DIR, event_url, manage_url

ICS_FILENAME = "utbildning.ics"


def training_ical(
    event: TrainingEventPage, *, url: str, for_participant: bool = False
) -> bytes:
    """The training's sessions as iCalendar; with the meeting link only for a
    confirmed participant's copy."""
    location = (
        event.meeting_url
        if event.is_online and for_participant
        else ", ".join(
            part
            for part in (event.place_name, event.room, event.street_address, event.town)
            if part
        )
    )
    sessions = event.session_list()
    items = [
        IcalEvent(
            uid=session_uid(session.pk),
            title=event.title
            + (f" ({index}/{len(sessions)})" if len(sessions) > 1 else ""),
            starts_at=session.starts_at,
            ends_at=session.ends_at,
            url=url,
            location=location,
            description=event.summary,
        )
        for index, session in enumerate(sessions, start=1)
    ]
    return build_calendar(items, name=event.title, method="PUBLISH")


def waitlist_position(participant: Participant) -> int | None:
    if participant.status != Participant.Status.WAITLISTED:
        return None
    return Participant.objects.filter(
        event_id=participant.event_id,
        status=Participant.Status.WAITLISTED,
        pk__lte=participant.pk,
    ).count()


def _text_page(event: TrainingEventPage, language: str) -> TrainingEventPage:
    """The training in the participant's language, for its texts."""
    from django.utils import translation

    from core.i18n import localize_pages

    with translation.override(language):
        page = localize_pages([event])[0]
    return page if isinstance(page, TrainingEventPage) else event


def send_participant_email(
    name: str,
    participant: Participant,
    event: TrainingEventPage,
    *,
    extra: dict[str, Any] | None = None,
) -> None:
    """Render ``trainings/emails/<name>`` in the participant's language and
    queue it, with the .ics file when the participant has a seat."""
    confirmed = participant.status == Participant.Status.CONFIRMED
    url = event_url(event, participant.language)
    context = {
        "email_signature": email_defaults(),
        "participant": participant,
        "event": event,
        "page": _text_page(event, participant.language),
        "sessions": event.session_list(),
        "confirmed": confirmed,
        "meeting_url": event.meeting_url if confirmed and event.is_online else "",
        "event_url": url,
        "manage_url": manage_url(participant, event)
        if participant.status != Participant.Status.CANCELLED
        else "",
        "position": waitlist_position(participant),
        **(extra or {}),
    }
    subject, text_body, html_body = render_email(
        f"{EMAIL_DIR}/{name}", context, participant.language
    )
    attachments = []
    if confirmed and name in {"confirmed", "promoted", "reminder"}:
        ics = training_ical(event, url=url, for_participant=True)
        attachments.append(
            [ICS_FILENAME, ics.decode(), "text/calendar; method=PUBLISH"]
        )
    reply_to = email_defaults()["reply_to"] or None
    send_email.enqueue(
        subject=subject,
        text_body=text_body,
        html_body=html_body,
        to=[participant.email],
        reply_to=reply_to,
        attachments=attachments,
    )
