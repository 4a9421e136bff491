"""The page tree's rules, the sign-up state derived from time and seats,
validation in the editor, what the pages API shows, the settings' trusted
associations in the admin, and the demo content."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coordinator.trainings.factories import ParticipantFactory, local_time
from coordinator.trainings.models import (
    EventCalendarPage,
    SignupState,
    TrainingEventIndexPage,
    TrainingEventPage,
    TrainingSession,
    TrainingSettings,
)
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_page_tree_rules(site_root, trainings_index, calendar_page):
    assert TrainingEventPage.allowed_parent_page_models() == [TrainingEventIndexPage]
    assert TrainingEventPage.allowed_subpage_models() == []
    assert EventCalendarPage.allowed_subpage_models() == []
    assert TrainingEventIndexPage.allowed_subpage_models() == [TrainingEventPage]
    assert TrainingEventIndexPage.allowed_parent_page_models() == [HomePage]
    # One list and one calendar per home page (translations have their own).
    assert not TrainingEventIndexPage.can_create_at(site_root)
    assert not EventCalendarPage.can_create_at(site_root)
    assert TrainingEventPage.can_create_at(trainings_index)
    assert not TrainingEventPage.can_create_at(site_root)
    assert not StandardPage.can_create_at(trainings_index)


def test_signup_state_is_derived_from_time_and_seats(make_training):
    now = timezone.now()
    training = make_training(
        capacity=2,
        starts_at=now + datetime.timedelta(days=10),
        signup_opens=now + datetime.timedelta(days=1),
        signup_closes=now + datetime.timedelta(days=5),
    )
    state = training.signup_state
    assert state(0, now) is SignupState.NOT_OPEN
    opened = now + datetime.timedelta(days=2)
    assert state(1, opened) is SignupState.OPEN
    assert state(2, opened) is SignupState.WAITLIST
    training.waitlist_enabled = False
    assert state(2, opened) is SignupState.FULL
    assert state(0, now + datetime.timedelta(days=6)) is SignupState.CLOSED
    assert state(0, now + datetime.timedelta(days=10, hours=1)) is SignupState.CLOSED
    assert state(0, now + datetime.timedelta(days=11)) is SignupState.PAST


def test_querysets_annotate_schedule_and_seats(make_training):
    soon = make_training(starts_at=local_time(3, 18), session_count=3, capacity=4)
    old = make_training(starts_at=local_time(-3, 18))
    ParticipantFactory(event=soon)
    ParticipantFactory(event=soon, status="waitlisted")
    rows = {
        page.pk: page for page in TrainingEventPage.objects.with_schedule().with_seats()
    }
    assert rows[soon.pk].first_start == local_time(3, 18)
    assert rows[soon.pk].last_end == local_time(17, 20)
    assert (rows[soon.pk].confirmed_count, rows[soon.pk].waitlist_count) == (1, 1)
    upcoming = TrainingEventPage.objects.with_schedule().upcoming()
    assert soon in upcoming and old not in upcoming
    assert old in TrainingEventPage.objects.with_schedule().past()
    assert soon in TrainingEventPage.objects.with_schedule().open_for_signup()


def test_editor_validation(make_training):
    training = make_training()
    training.is_online, training.meeting_url = True, ""
    with pytest.raises(ValidationError) as error:
        training.clean()
    assert "meeting_url" in error.value.message_dict
    training.is_online, training.place_name = False, ""
    with pytest.raises(ValidationError) as error:
        training.clean()
    assert "place_name" in error.value.message_dict
    session = TrainingSession(starts_at=local_time(1, 18), ends_at=local_time(1, 17))
    with pytest.raises(ValidationError):
        session.clean()


def test_api_never_shows_the_meeting_link(client, make_training):
    training = make_training(online=True)
    response = client.get(
        "/api/v2/pages/", {"type": "trainings.TrainingEventPage", "fields": "*"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert training.title in body and "sessions" in body
    assert training.meeting_url not in body and "participants" not in body


def test_trusted_associations_are_edited_in_the_settings(
    coordinator_client, make_association
):
    association = make_association(title="Betrodda kören")
    settings = TrainingSettings.load()
    url = f"/admin/settings/trainings/trainingsettings/{settings.pk}/"
    response = coordinator_client.post(
        url,
        {
            "reminder_days_before": "3",
            "retention_days": "90",
            "trusted_associations-TOTAL_FORMS": "1",
            "trusted_associations-INITIAL_FORMS": "0",
            "trusted_associations-MIN_NUM_FORMS": "0",
            "trusted_associations-MAX_NUM_FORMS": "1000",
            "trusted_associations-0-association": str(association.pk),
            "trusted_associations-0-ORDER": "1",
            "trusted_associations-0-id": "",
            "trusted_associations-0-DELETE": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    settings = TrainingSettings.load()
    assert settings.reminder_days_before == 3 and settings.retention_days == 90
    assert list(
        settings.trusted_associations.values_list("association", flat=True)
    ) == [association.pk]


def test_demo_seeder_is_idempotent_and_three_languages(demo_site):
    from coordinator.trainings.demo import seed_trainings
    from coordinator.trainings.models import AssociationEvent, Participant

    first = seed_trainings()
    counts = (
        TrainingEventPage.objects.count(),
        Participant.objects.count(),
        AssociationEvent.objects.count(),
    )
    assert "6 nya utbildningar" in first
    assert seed_trainings().startswith("Utbildningar och kalender: 0 nya")
    assert counts == (
        TrainingEventPage.objects.count(),
        Participant.objects.count(),
        AssociationEvent.objects.count(),
    )
    languages = set(
        TrainingEventPage.objects.values_list("locale__language_code", flat=True)
    )
    assert languages == {"sv", "fi", "en"}
    finnish = TrainingEventIndexPage.objects.get(locale__language_code="fi")
    assert finnish.title == "Koulutukset" and "Kunta käsittelee" in finnish.privacy_text
    originals = TrainingEventPage.objects.filter(locale__language_code="sv")
    past = [p for p in originals if p.last_session_end < timezone.now()]
    assert past and Participant.objects.filter(event__in=past).exists()
    full = originals.get(slug="dataskydd-i-foreningen")
    assert full.participants.filter(status="waitlisted").exists()
