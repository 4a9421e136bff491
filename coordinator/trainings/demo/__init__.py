"""Demo content of the trainings for ``seed_demo``: the list of trainings and
the calendar (in Swedish, Finnish and English), past and coming trainings
with participants, and association events in the calendar. Idempotent: what
exists is kept, found by slug or title."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone
from wagtail.models import Site

from core.demo import translate
from foreningar.models import (
    ActivityArea,
    AssociationPage,
    District,
    Representative,
    RepresentativeLink,
)

from ..factories import (
    PRIVACY_VERSION,
    EventCalendarPageFactory,
    TrainingEventIndexPageFactory,
    TrainingEventPageFactory,
    local_time,
)
from ..models import (
    AssociationEvent,
    EventCalendarPage,
    Participant,
    TrainingEventIndexPage,
    TrainingEventPage,
)
from ..services import ensure_event_workflow, save_association_event
from .data import (
    DESCRIPTION,
    EVENTS,
    PEOPLE,
    PRIVACY_EN,
    PRIVACY_FI,
    TEXTS,
    TRAININGS,
    DemoTraining,
)

INDEX_SLUG = "utbildningar"
CALENDAR_SLUG = "kalender"


def _home():
    return Site.objects.get(is_default_site=True).root_page


def ensure_trainings_pages() -> tuple[TrainingEventIndexPage, EventCalendarPage]:
    """/utbildningar/ and /kalender/, shown in menus, with Finnish and English
    translations. Existing pages are kept."""
    home = _home()
    index = (
        TrainingEventIndexPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
    )
    if index is None:
        index = TrainingEventIndexPageFactory(
            parent=home,
            slug=INDEX_SLUG,
            title="Utbildningar",
            intro="<p>Koordinatorn ordnar gemensamma utbildningar för dig som är "
            "aktiv i en förening. De flesta är avgiftsfria. Anmäl dig på "
            "utbildningens sida.</p>",
        )
    calendar = (
        EventCalendarPage.objects.child_of(home).filter(slug=CALENDAR_SLUG).first()
    )
    if calendar is None:
        calendar = EventCalendarPageFactory(
            parent=home,
            slug=CALENDAR_SLUG,
            title="Kalender",
            intro="<p>Utbildningar och föreningarnas egna evenemang i kommunen, "
            "dag för dag. Din förening kan lägga till evenemang via Min "
            "förening.</p>",
        )
    return index, calendar


def _translate_index_pages(index, calendar) -> None:
    for page, texts in (
        (
            index,
            {
                "fi": {
                    "title": "Koulutukset",
                    "slug": "koulutukset",
                    "intro": "<p>Koordinaattori järjestää yhteisiä koulutuksia "
                    "yhdistysaktiiveille. Useimmat ovat maksuttomia. Ilmoittaudu "
                    "koulutuksen sivulla.</p>",
                    "privacy_text": PRIVACY_FI,
                    "privacy_version": PRIVACY_VERSION,
                },
                "en": {
                    "title": "Trainings",
                    "slug": "trainings",
                    "intro": "<p>The coordinator holds joint trainings for people "
                    "active in associations. Most are free. Sign up on the "
                    "training's page.</p>",
                    "privacy_text": PRIVACY_EN,
                    "privacy_version": PRIVACY_VERSION,
                },
            },
        ),
        (
            calendar,
            {
                "fi": {
                    "title": "Kalenteri",
                    "slug": "kalenteri",
                    "intro": "<p>Koulutukset ja yhdistysten omat tapahtumat kunnassa "
                    "päivä päivältä. Yhdistyksesi voi lisätä tapahtumia Oma "
                    "yhdistys -sivulla.</p>",
                },
                "en": {
                    "title": "Calendar",
                    "slug": "calendar",
                    "intro": "<p>Trainings and the associations' own events in the "
                    "municipality, day by day. Your association can add events "
                    "under My association.</p>",
                },
            },
        ),
    ):
        for language, fields in texts.items():
            translate(page, language, show_in_menus=True, **fields)


def _training(index: TrainingEventIndexPage, data: DemoTraining) -> TrainingEventPage:
    existing = TrainingEventPage.objects.child_of(index).filter(slug=data.slug).first()
    if existing is not None:
        return existing
    place_keys = ("place_name", "room", "place_accessibility")
    texts = {
        k: v for k, v in TEXTS["sv"].items() if not (data.online and k in place_keys)
    }
    options = {
        "parent": index,
        "slug": data.slug,
        "starts_at": local_time(data.days, data.hour),
        "session_count": data.sessions,
        "hours": data.hours,
        "capacity": data.capacity,
        "price": data.price,
        "price_note": "Kaffe och smörgås ingår." if data.price else "",
        "description": DESCRIPTION["sv"],
        "terms": {
            "districts": data.district,
            "activity_areas": data.areas,
            "target_groups": data.groups,
        },
        "ask_dietary_needs": not data.online,
        "signup_opens": local_time(data.opens_in, 9) if data.opens_in else None,
        "online": data.online,
        **data.sv,
        **texts,
    }
    page = TrainingEventPageFactory(**options)
    for language in ("fi", "en"):
        fields = dict(getattr(data, language))
        extra = {
            k: v
            for k, v in TEXTS[language].items()
            if not (data.online and k in place_keys)
        }
        translate(page, language, description=DESCRIPTION[language], **extra, **fields)
    return page


def _participants(
    event: TrainingEventPage, data: DemoTraining, rng: random.Random
) -> int:
    if data.signups == 0 or Participant.objects.filter(event=event).exists():
        return 0
    associations = list(
        AssociationPage.objects.listed().order_by("pk").values_list("pk", "title")[:40]
    )
    past = data.days < 0
    rows = []
    for number in range(data.signups):
        name, language = PEOPLE[number % len(PEOPLE)]
        seat = number < data.capacity
        association = (
            rng.choice(associations) if associations and rng.random() < 0.8 else None
        )
        signed_up = timezone.now() - datetime.timedelta(
            days=max(1, -data.days + 14) - number * 0.3
        )
        rows.append(
            Participant(
                event=event,
                status=Participant.Status.CONFIRMED
                if seat
                else Participant.Status.WAITLISTED,
                seat_since=signed_up if seat else None,
                name=name,
                email=f"{name.split()[0].lower()}.{number}@exempel.example",
                language=language,
                association_id=association[0] if association else None,
                association_name=association[1] if association else "",
                dietary_needs="Vegetarisk"
                if number % 5 == 2 and not data.online
                else "",
                attended=(rng.random() < 0.85) if past and seat else None,
                consent_version=PRIVACY_VERSION,
                consent_text_hash="0" * 64,
                consented_at=signed_up,
                reminder_sent_at=signed_up if past else None,
            )
        )
    Participant.objects.bulk_create(rows)
    return len(rows)


def _association_events(rng: random.Random) -> tuple[int, int]:
    """Published events of demo associations in their own districts, and one
    waiting for the coordinator's review. Needs demo associations."""
    created = pending = 0
    for days, hour, hours, district, title, place, areas, free, open_to_all in EVENTS:
        association = (
            AssociationPage.objects.listed()
            .filter(districts__slug=district)
            .order_by("pk")
            .first()
        ) or AssociationPage.objects.listed().order_by("pk").first()
        if association is None:
            return created, pending
        if AssociationEvent.objects.filter(
            association=association, title=title
        ).exists():
            continue
        start = local_time(days, hour)
        event = AssociationEvent(
            association=association,
            title=title,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=hours),
            place_name=place,
            district=District.objects.filter(
                slug=district, locale__language_code="sv"
            ).first(),
            description=f"{association.title} bjuder in. Välkommen!",
            free_of_charge=free,
            open_to_all=open_to_all,
            live=True,
        )
        event.save()
        event.activity_areas = list(
            ActivityArea.objects.filter(locale__language_code="sv", slug__in=areas)
        )
        event.save()
        event.save_revision().publish()
        created += 1
    # One event waiting for the coordinator, sent the way a representative does.
    association = AssociationPage.objects.listed().order_by("-pk").first()
    title = "Höstfest för hela byn"
    if association and not AssociationEvent.objects.filter(title=title).exists():
        rep = Representative.objects.filter(links__association=association).first()
        if rep is None:
            rep, _ = Representative.objects.get_or_create(
                email="helena.berg@exempel.example",
                defaults={"name": "Helena Berg", "language": "sv"},
            )
            RepresentativeLink.objects.get_or_create(
                representative=rep,
                association=association,
                defaults={"role": "Sekreterare"},
            )
        start = local_time(16, 16)
        save_association_event(
            association=association,
            representative=rep,
            values={
                "title": title,
                "starts_at": start,
                "ends_at": start + datetime.timedelta(hours=4),
                "place_name": "Byagården",
                "description": "Musik, lotteri och kaffeservering. Alla är välkomna!",
                "open_to_all": True,
                "free_of_charge": True,
            },
        )
        pending = 1
    return created, pending


def seed_trainings(seed: int = 2026) -> str:
    rng = random.Random(seed)
    index, calendar = ensure_trainings_pages()
    _translate_index_pages(index, calendar)
    ensure_event_workflow()
    made = signups = 0
    for data in TRAININGS:
        before = TrainingEventPage.objects.filter(slug=data.slug).exists()
        event = _training(index, data)
        made += not before
        signups += _participants(event, data, rng)
    events, pending = _association_events(rng)
    return (
        f"Utbildningar och kalender: {made} nya utbildningar, {signups} anmälningar, "
        f"{events} föreningsevenemang ({pending} väntar på granskning)."
    )
