"""Factories for the trainings: used by the tests and by ``seed_demo``."""

from __future__ import annotations

import datetime

import factory
from django.conf import settings
from django.utils import timezone

from core.factories import PageFactory
from foreningar.factories import vocabulary
from foreningar.models import ActivityArea, District, TargetGroup

from .models import (
    AssociationEvent,
    EventCalendarPage,
    Participant,
    TrainingEventIndexPage,
    TrainingEventPage,
    TrainingSession,
)

PRIVACY_TEXT = (
    "<p>Kommunen behandlar ditt namn, din e-postadress, ditt telefonnummer, din "
    "förening och dina önskemål om kost och anpassning för att ordna utbildningen "
    "och kunna nå dig om något ändras. Rättslig grund: ditt samtycke.</p>"
    "<ul><li>Uppgifterna visas aldrig publikt.</li>"
    "<li>De anonymiseras 180 dagar efter utbildningen; antalet deltagare sparas "
    "för statistiken.</li>"
    "<li>Du kan när som helst avboka med länken i e-postmeddelandet, och be "
    "koordinatorn om utdrag eller radering.</li></ul>"
)
PRIVACY_VERSION = "2026-11-24"


def local_time(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    """``days`` from today at ``hour``:``minute`` in the town's time zone."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(hour, minute))
    )


class TrainingEventIndexPageFactory(PageFactory):
    title = "Utbildningar"
    slug = "utbildningar"
    show_in_menus = True
    intro = "<p>Gemensamma utbildningar för dig som är aktiv i en förening.</p>"
    privacy_text = PRIVACY_TEXT
    privacy_version = PRIVACY_VERSION

    class Meta:
        model = TrainingEventIndexPage


class EventCalendarPageFactory(PageFactory):
    title = "Kalender"
    slug = "kalender"
    show_in_menus = True
    intro = "<p>Utbildningar och föreningarnas evenemang i kommunen.</p>"

    class Meta:
        model = EventCalendarPage


class TrainingEventPageFactory(PageFactory):
    """``starts_at=`` the first session (default: in two weeks at 18.00),
    ``session_count=``, ``hours=`` per session; ``terms={"districts":
    "centrum", "activity_areas": [...], "target_groups": [...]}`` by slug."""

    title = factory.Sequence(lambda n: f"Utbildning nummer {n}")
    slug = factory.Sequence(lambda n: f"utbildning-{n}")
    summary = "En kväll om föreningens ekonomi för kassörer och styrelser."
    description = "<p>Vi går igenom grunderna och svarar på frågor.</p>"
    organiser = "Välfärds- och föreningskoordinatorn"
    place_name = "Kommunhuset"
    room = "Sammanträdesrum 2"
    street_address = "Storgatan 1"
    postcode = "12345"
    town = "Exempelstad"
    capacity = 20

    class Meta:
        model = TrainingEventPage
        skip_postgeneration_save = True

    class Params:
        online = factory.Trait(
            is_online=True,
            meeting_url="https://mote.example.org/utbildning-123",
            place_name="",
            room="",
            street_address="",
            postcode="",
            town="",
        )

    @classmethod
    def _create(
        cls,
        model_class,
        *args,
        starts_at=None,
        session_count=1,
        hours=2,
        terms=None,
        **kwargs,
    ):
        if "sessions" not in kwargs:
            start = starts_at or local_time(14, 18)
            kwargs["sessions"] = [
                TrainingSession(
                    starts_at=start + datetime.timedelta(days=7 * number),
                    ends_at=start + datetime.timedelta(days=7 * number, hours=hours),
                )
                for number in range(session_count)
            ]
        terms = terms or {}
        if "districts" in terms:
            kwargs["district"] = vocabulary(District, terms["districts"])
        if "activity_areas" in terms:
            kwargs["activity_areas"] = [
                vocabulary(ActivityArea, slug) for slug in terms["activity_areas"]
            ]
        if "target_groups" in terms:
            kwargs["target_groups"] = [
                vocabulary(TargetGroup, slug) for slug in terms["target_groups"]
            ]
        return super()._create(model_class, *args, **kwargs)


class ParticipantFactory(factory.django.DjangoModelFactory):
    event = None
    status = Participant.Status.CONFIRMED
    name = factory.Faker("name", locale="sv_SE")
    email = factory.Sequence(lambda n: f"deltagare{n}@example.org")
    language = settings.LANGUAGE_CODE
    consent_version = PRIVACY_VERSION
    consent_text_hash = "0" * 64
    consented_at = factory.LazyFunction(timezone.now)
    seat_since = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == Participant.Status.CONFIRMED else None
    )

    class Meta:
        model = Participant
        skip_postgeneration_save = True


class AssociationEventFactory(factory.django.DjangoModelFactory):
    """A published event (``live=False``: a draft); ``district="norrby"`` by
    slug."""

    association = None
    title = factory.Sequence(lambda n: f"Evenemang nummer {n}")
    starts_at = factory.LazyFunction(lambda: local_time(10, 18))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place_name = "Byagården"
    description = "Välkommen på en kväll med kaffe och samtal."
    live = True

    class Meta:
        model = AssociationEvent
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, district=None, **kwargs):
        if isinstance(district, str):
            kwargs["district"] = vocabulary(District, district)
        elif district is not None:
            kwargs["district"] = district
        instance = super()._create(model_class, *args, **kwargs)
        revision = instance.save_revision()
        if instance.live:
            revision.publish()
        return instance
