"""Signing up, the queue, cancelling with the emailed link, and the emails
(language, .ics, meeting link only for confirmed participants)."""

from __future__ import annotations

import datetime

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from coordinator.trainings import services
from coordinator.trainings.factories import local_time
from coordinator.trainings.models import Participant, SignupState
from core.links import LinkError
from tests.helpers import links_in, path_of

pytestmark = pytest.mark.django_db


def _token(message) -> str:
    url = next(u for u in links_in(message) if "/anmalan/" in u)
    return url.rstrip("/").rsplit("/", 1)[1]


def _ics(message) -> icalendar.Calendar:
    (name, content, mimetype) = message.attachments[0]
    assert name == "utbildning.ics"
    assert mimetype.startswith("text/calendar")
    return icalendar.Calendar.from_ical(content)


def test_seats_then_queue_with_positions(make_training, signup):
    training = make_training(capacity=2)
    results = [signup(training, email=f"p{n}@example.org") for n in range(5)]
    statuses = [r.participant.status for r in results]
    assert statuses == [
        "confirmed",
        "confirmed",
        "waitlisted",
        "waitlisted",
        "waitlisted",
    ]
    assert [r.position for r in results] == [None, None, 1, 2, 3]
    # Each person got exactly one email, the right one.
    assert [m.to for m in mail.outbox] == [[f"p{n}@example.org"] for n in range(5)]
    assert "Bekräftelse" in mail.outbox[0].subject
    assert "kö" in mail.outbox[2].subject
    assert "Du står på plats 3 i kön." in mail.outbox[4].body


def test_duplicate_email_gets_no_second_seat(make_training, signup):
    training = make_training(capacity=5)
    first = signup(training, email="Aino@Example.org")
    again = signup(training, email=" aino@example.org ")
    assert first.created and not again.created
    assert again.participant.pk == first.participant.pk
    assert Participant.objects.filter(event=training).count() == 1


def test_no_waitlist_means_full(make_training, signup):
    training = make_training(capacity=1, waitlist_enabled=False)
    signup(training, email="a@example.org")
    with pytest.raises(services.SignupClosed) as closed:
        signup(training, email="b@example.org")
    assert closed.value.state is SignupState.FULL


@pytest.mark.parametrize(
    ("options", "state"),
    [
        ({"signup_closes": timezone.now() - datetime.timedelta(hours=1)}, "closed"),
        ({"signup_opens": timezone.now() + datetime.timedelta(days=1)}, "not_open"),
        ({"starts_at": timezone.now() - datetime.timedelta(minutes=5)}, "closed"),
        ({"starts_at": timezone.now() - datetime.timedelta(days=3)}, "past"),
    ],
)
def test_closed_window_and_start_stop_signups(make_training, signup, options, state):
    training = make_training(**options)
    with pytest.raises(services.SignupClosed) as closed:
        signup(training)
    assert closed.value.state.value == state
    assert not Participant.objects.exists()
    assert not mail.outbox


def test_confirmation_email_in_participants_language_with_ics(make_training, signup):
    training = make_training(
        title="Bokföring", starts_at=local_time(10, 18), session_count=2
    )
    signup(training, language="fi")
    message = mail.outbox[0]
    assert message.subject.startswith("Vahvistus")  # Finnish
    html = message.alternatives[0][0]
    assert 'lang="fi"' in html
    assert "klo 18.00" in message.body  # the Finnish date format
    calendar = _ics(message)
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Helsinki"
    start = events[0].decoded("dtstart")
    assert str(start.tzinfo) == "Europe/Helsinki"
    assert start == local_time(10, 18)
    uids = {str(event["uid"]) for event in events}
    # The same sessions get the same UIDs in the next file (calendar updates).
    signup(training, email="other@example.org")
    again = {str(event["uid"]) for event in _ics(mail.outbox[1]).walk("VEVENT")}
    assert uids == again and len(uids) == 2


def test_meeting_link_only_for_confirmed(make_training, signup):
    training = make_training(online=True, capacity=1)
    signup(training, email="seat@example.org")
    signup(training, email="queue@example.org")
    confirmed, waitlisted = mail.outbox
    assert training.meeting_url in confirmed.body
    assert training.meeting_url in str(_ics(confirmed).walk("VEVENT")[0]["location"])
    assert training.meeting_url not in waitlisted.body
    assert training.meeting_url not in waitlisted.alternatives[0][0]
    assert not waitlisted.attachments  # no calendar entry for a queue place


def test_cancel_promotes_first_in_queue_with_email(make_training, signup):
    training = make_training(capacity=1, online=True)
    seat = signup(training, email="seat@example.org").participant
    first = signup(training, email="first@example.org").participant
    signup(training, email="second@example.org")
    token = _token(mail.outbox[0])
    mail.outbox = []
    services.cancel(token)
    seat.refresh_from_db()
    first.refresh_from_db()
    assert seat.status == "cancelled" and first.status == "confirmed"
    assert Participant.objects.get(email="second@example.org").status == "waitlisted"
    receipt, promoted = mail.outbox
    assert receipt.to == ["seat@example.org"] and "Avbokad" in receipt.subject
    assert promoted.to == ["first@example.org"]
    assert "fått en plats" in promoted.subject
    assert training.meeting_url in promoted.body  # now confirmed: the link
    assert promoted.attachments


def test_cancel_link_reused_or_tampered(make_training, signup):
    training = make_training()
    signup(training)
    token = _token(mail.outbox[0])
    services.cancel(token)
    with pytest.raises(LinkError) as used:
        services.cancel(token)
    assert used.value.reason == "used"
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    with pytest.raises(LinkError) as invalid:
        services.cancel(tampered)
    assert invalid.value.reason == "invalid"


def test_waitlist_link_still_cancels_after_promotion(make_training, signup):
    """The link in the waitlist email keeps working once the person got a
    seat: it is used only by the cancellation."""
    training = make_training(capacity=1)
    signup(training, email="seat@example.org")
    signup(training, email="queue@example.org")
    seat_token, queue_token = _token(mail.outbox[0]), _token(mail.outbox[1])
    services.cancel(seat_token)
    promoted = Participant.objects.get(email="queue@example.org")
    assert promoted.status == "confirmed"
    services.cancel(queue_token)
    promoted.refresh_from_db()
    assert promoted.status == "cancelled"


def test_leaving_the_queue_promotes_nobody(make_training, signup):
    training = make_training(capacity=1)
    signup(training, email="seat@example.org")
    signup(training, email="queue1@example.org")
    signup(training, email="queue2@example.org")
    services.cancel(_token(mail.outbox[1]))
    assert Participant.objects.get(email="queue2@example.org").status == "waitlisted"
    assert (
        services.waitlist_position(Participant.objects.get(email="queue2@example.org"))
        == 1
    )


def test_more_seats_on_publish_fill_from_queue(make_training, signup):
    from core.demo import publish

    training = make_training(capacity=1)
    for n in range(3):
        signup(training, email=f"p{n}@example.org")
    mail.outbox = []
    training.capacity = 2
    publish(training)
    assert Participant.objects.get(email="p1@example.org").status == "confirmed"
    assert Participant.objects.get(email="p2@example.org").status == "waitlisted"
    assert [m.to for m in mail.outbox] == [["p1@example.org"]]


def test_translation_signs_up_on_the_original(make_training, signup):
    from core.demo import translate

    training = make_training(capacity=1)
    finnish = translate(training, "fi", title="Kirjanpito", slug="kirjanpito")
    signup(finnish, email="a@example.org", language="fi")
    result = signup(finnish, email="b@example.org", language="fi")
    assert result.participant.event_id == training.pk
    assert result.participant.status == "waitlisted"
    assert "Kirjanpito" in mail.outbox[0].subject  # the Finnish page's title
    assert "/fi/" in next(u for u in links_in(mail.outbox[0]) if "/anmalan/" in u)


def test_consent_and_language_recorded(make_training, signup, trainings_index):
    training = make_training()
    participant = signup(training, language="en").participant
    assert participant.language == "en"
    assert participant.consent_version == trainings_index.privacy_version
    assert participant.consent_text_hash == trainings_index.privacy_text_hash
    assert participant.consented_at is not None
    assert path_of("https://x.example/a/") == "/a/"
