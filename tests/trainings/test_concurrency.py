"""Seats are exact under concurrency (PostgreSQL): 200 sign-ups released at
once by a barrier, each thread on its own database connection, for 50 seats.

PostgreSQL here allows 100 connections, shared with other test runs, so the
threads that race at once are capped at what the server has free (all 200
where ``max_connections`` allows); every thread still has its own
connection and all are released by the same barrier."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from coordinator.trainings import services
from coordinator.trainings.models import Participant

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks (SELECT ... FOR UPDATE) need PostgreSQL; SQLite "
        "serialises all writes, so there is no race to test",
    ),
    pytest.mark.django_db(transaction=True),
]

SIGNUPS = 200
SEATS = 50
SAME_ADDRESS = 20


def _free_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('max_connections')::int "
            "- (SELECT count(*) FROM pg_stat_activity)"
        )
        return cursor.fetchone()[0]


def _race(training, index_page, emails: list[str]) -> tuple[list, list[str]]:
    """Sign ``emails`` up from one thread each, all released together."""
    barrier = threading.Barrier(len(emails))
    # Leave room for other test runs on the same server.
    slots = threading.BoundedSemaphore(
        max(10, min(len(emails), _free_connections() // 2))
    )
    results, errors = [], []
    lock = threading.Lock()

    def sign_up(number: int, email: str) -> None:
        try:
            barrier.wait(timeout=30)
            with slots:
                result = services.sign_up(
                    training,
                    services.SignupData(
                        name=f"Deltagare {number}", email=email, language="sv"
                    ),
                    index_page=index_page,
                )
            with lock:
                results.append(result)
        except Exception as error:  # noqa: BLE001 - every error counts
            with lock:
                errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=sign_up, args=(number, email))
        for number, email in enumerate(emails)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors


def test_exactly_the_seats_under_200_simultaneous_signups(
    django_db_serialized_rollback, make_training, trainings_index, monkeypatch
):
    # Which email each person gets, without rendering 200 emails (their
    # content is tested in test_services.py): the race stays a few seconds.
    sent: list[tuple[str, str]] = []
    record = threading.Lock()

    def send(name, participant, event, extra=None):
        with record:
            sent.append((name, participant.email))

    monkeypatch.setattr(
        "coordinator.trainings.services.signup.send_participant_email", send
    )
    training = make_training(capacity=SEATS)
    emails = [f"person{n}@example.org" for n in range(SIGNUPS)]
    results, errors = _race(training, trainings_index, emails)

    assert errors == []
    assert len(results) == SIGNUPS
    statuses = Counter(
        Participant.objects.filter(event=training).values_list("status", flat=True)
    )
    assert statuses == {"confirmed": SEATS, "waitlisted": SIGNUPS - SEATS}
    # Queue places are 1..150 without gaps or repeats.
    positions = sorted(r.position for r in results if r.position)
    assert positions == list(range(1, SIGNUPS - SEATS + 1))
    # One email per person, and the right kind.
    recipients = Counter(address for _name, address in sent)
    assert set(recipients) == set(emails) and set(recipients.values()) == {1}
    assert Counter(name for name, _address in sent) == {
        "confirmed": SEATS,
        "waitlisted": SIGNUPS - SEATS,
    }

    # The same address twenty times at once: one sign-up, no error.
    same = ["samma@example.org"] * SAME_ADDRESS
    results, errors = _race(training, trainings_index, same)
    assert errors == []
    assert sum(r.created for r in results) == 1
    assert Participant.objects.filter(email="samma@example.org").count() == 1
