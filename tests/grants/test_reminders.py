"""Deadline reminders: each watched call sends exactly one reminder per
threshold, however often or in parallel ``send_deadline_reminders`` runs."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from coordinator.grants import services
from coordinator.grants.factories import CallWatchFactory
from coordinator.grants.models import CallWatch

from .conftest import local

DEADLINE = local(2027, 4, 10, 16, 0)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def watched(make_call, make_association, make_rep, frozen_now):
    frozen_now(local(2027, 3, 1, 12, 0))
    call = make_call(
        title="Kulturbidrag", opens_at=local(2027, 3, 1, 8, 0), deadline=DEADLINE
    )
    rep = make_rep(make_association(), email="rut@example.org")
    rep.language = "fi"
    rep.save()
    watch = CallWatchFactory(call=call, representative=rep)
    return call, rep, watch


def run(frozen_now, at, times=1) -> int:
    frozen_now(at)
    return sum(services.send_deadline_reminders() for _ in range(times))


def test_each_threshold_sends_once_when_run_every_hour(watched, frozen_now):
    call, rep, watch = watched
    sent = 0
    at = local(2027, 3, 30, 0, 0)
    while at < DEADLINE + 2 * HOUR:
        sent += run(frozen_now, at, times=2)  # twice an hour, for good measure
        at += HOUR
    assert sent == 2
    assert [m.to for m in mail.outbox] == [[rep.email], [rep.email]]
    week, day = mail.outbox
    # In the representative's language (Finnish), with a stop link.
    assert "Kulturbidrag" in week.subject and "viikko" in week.subject.lower()
    assert "huomenna" in day.subject.lower()
    assert "/sluta-bevaka/" in week.body
    watch.refresh_from_db()
    assert watch.week_reminder_at == local(2027, 4, 3, 16, 0)
    assert watch.day_reminder_at == local(2027, 4, 9, 16, 0)


def test_parallel_runs_send_once(watched, frozen_now, monkeypatch):
    """Two runs that both read the watch before either claims it: the
    conditional UPDATE lets only one send."""
    from coordinator.grants.services import watches as watch_services

    frozen_now(local(2027, 4, 4, 9, 0))

    class Snapshot(list):
        def iterator(self, chunk_size=None):
            return iter(self)

    snapshot = Snapshot(watch_services.watches_to_consider(local(2027, 4, 4, 9, 0)))
    monkeypatch.setattr(watch_services, "watches_to_consider", lambda now: snapshot)
    assert services.send_deadline_reminders() == 1
    assert services.send_deadline_reminders() == 0  # same stale rows, no claim
    assert len(mail.outbox) == 1


def test_the_command_is_idempotent(watched, frozen_now):
    frozen_now(local(2027, 4, 9, 17, 0))
    call_command("send_deadline_reminders", stdout=open("/dev/null", "w"))
    call_command("send_deadline_reminders", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1  # only the 1-day reminder: the week one is skipped
    watch = CallWatch.objects.get()
    assert watch.week_reminder_at is not None and watch.day_reminder_at is not None


def test_watching_late_gets_only_the_later_reminder(watched, frozen_now):
    call, rep, watch = watched
    CallWatch.objects.filter(pk=watch.pk).update(created_at=local(2027, 4, 5, 10, 0))
    assert run(frozen_now, local(2027, 4, 5, 11, 0)) == 0
    assert run(frozen_now, local(2027, 4, 9, 16, 30)) == 1
    assert run(frozen_now, DEADLINE + HOUR) == 0


def test_stop_link_from_the_reminder(watched, frozen_now, client):
    run(frozen_now, local(2027, 4, 4, 9, 0))
    (link,) = [line for line in mail.outbox[0].body.split() if "/sluta-bevaka/" in line]
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    assert client.get(path).status_code == 200  # a confirmation, nothing done
    assert CallWatch.objects.exists()
    response = client.post(path)
    assert response.status_code == 200
    assert not CallWatch.objects.exists()
    again = client.get(path)
    assert again.status_code == 409  # used: a clear page with a way forward
    assert "Min förening" in again.content.decode() or "Oma yhdistys" in (
        again.content.decode()
    )
    assert client.get(path[:-5] + "xxxx/").status_code == 400
