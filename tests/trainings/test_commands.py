"""The scheduled commands: one reminder per confirmed participant, and the
anonymisation after the retention time; both idempotent."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from coordinator.trainings.factories import ParticipantFactory, local_time
from coordinator.trainings.models import Participant, TrainingSettings
from core.models import EmailedLink

pytestmark = pytest.mark.django_db


def test_reminders_go_once_to_confirmed_participants_only(make_training, signup):
    soon = make_training(
        online=True, starts_at=timezone.now() + datetime.timedelta(days=1)
    )
    later = make_training(starts_at=local_time(10, 18))
    for training in (soon, later):
        ParticipantFactory(event=training, email=f"seat-{training.pk}@example.org")
    ParticipantFactory(event=soon, status="waitlisted", email="queue@example.org")
    ParticipantFactory(event=soon, status="cancelled", email="gone@example.org")
    call_command("send_event_reminders", stdout=open("/dev/null", "w"))
    assert [m.to for m in mail.outbox] == [[f"seat-{soon.pk}@example.org"]]
    reminder = mail.outbox[0]
    assert reminder.subject.startswith("Påminnelse")
    assert soon.meeting_url in reminder.body
    assert reminder.attachments  # the .ics file again
    call_command("send_event_reminders", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1  # exactly once


def test_reminder_time_is_a_setting(make_training):
    training = make_training(starts_at=timezone.now() + datetime.timedelta(days=4))
    ParticipantFactory(event=training)
    call_command("send_event_reminders", stdout=open("/dev/null", "w"))
    assert not mail.outbox
    settings = TrainingSettings.load()
    settings.reminder_days_before = 5
    settings.save()
    call_command("send_event_reminders", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1


def test_purge_anonymises_after_retention_and_keeps_counts(make_training, signup):
    old = make_training(starts_at=timezone.now() - datetime.timedelta(days=200))
    recent = make_training(starts_at=timezone.now() - datetime.timedelta(days=20))
    for training in (old, recent):
        ParticipantFactory(
            event=training, attended=True, dietary_needs="Glutenfritt", phone="040 1"
        )
        ParticipantFactory(event=training, status="waitlisted")
    live = make_training()
    signup(live)  # has a link; not touched
    call_command("purge_training_data", stdout=open("/dev/null", "w"))
    anonymised = Participant.objects.filter(event=old)
    assert anonymised.count() == 2  # counts kept
    assert all(p.anonymised_at and not p.name and not p.email for p in anonymised)
    first = anonymised.order_by("pk").first()
    assert first.status == "confirmed" and first.attended is True
    assert first.dietary_needs == "" and first.phone == ""
    assert not Participant.objects.filter(event=recent, anonymised_at__isnull=False)
    assert Participant.objects.get(event=live).name == "Aino Andersson"
    stamp = first.anonymised_at
    call_command("purge_training_data", stdout=open("/dev/null", "w"))
    first.refresh_from_db()
    assert first.anonymised_at == stamp  # nothing happens twice


def test_purge_deletes_links_of_anonymised_people(make_training, signup):
    from coordinator.trainings.services import purge_personal_data

    training = make_training(starts_at=local_time(1, 18))
    participant = signup(training).participant
    assert EmailedLink.objects.filter(object_id=participant.pk).exists()
    assert purge_personal_data(now=timezone.now() + datetime.timedelta(days=400)) == 1
    assert not EmailedLink.objects.filter(object_id=participant.pk).exists()
    assert purge_personal_data(now=timezone.now() + datetime.timedelta(days=400)) == 0
