"""Demo content of the trainings for ``seed_demo``: the list of trainings and
the calendar (in Swedish, Finnish and English), past and coming trainings
with participants, and association events in the calendar. Idempotent: what
exists is kept, found by slug or title."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

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

from .factories import (
    PRIVACY_VERSION,
    EventCalendarPageFactory,
    TrainingEventIndexPageFactory,
    TrainingEventPageFactory,
    local_time,
)
from .models import (
    AssociationEvent,
    EventCalendarPage,
    Participant,
    TrainingEventIndexPage,
    TrainingEventPage,
)
from .services import ensure_event_workflow, save_association_event

INDEX_SLUG = "utbildningar"
CALENDAR_SLUG = "kalender"

PRIVACY_FI = (
    "<p>Kunta käsittelee nimeäsi, sähköpostiosoitettasi, puhelinnumeroasi, "
    "yhdistystäsi sekä ruokavalio- ja saavutettavuustoiveitasi koulutuksen "
    "järjestämiseksi ja tavoittaakseen sinut, jos jokin muuttuu. Oikeusperuste: "
    "suostumuksesi.</p><ul><li>Tietoja ei koskaan näytetä julkisesti.</li>"
    "<li>Tiedot anonymisoidaan 180 päivää koulutuksen jälkeen; osallistujamäärä "
    "säilytetään tilastointia varten.</li><li>Voit perua ilmoittautumisesi "
    "sähköpostin linkillä ja pyytää koordinaattorilta tietojesi otetta tai "
    "poistamista.</li></ul>"
)
PRIVACY_EN = (
    "<p>The municipality processes your name, email address, phone number, "
    "association and any dietary or access needs to arrange the training and to "
    "reach you if something changes. Legal basis: your consent.</p><ul>"
    "<li>Your details are never shown publicly.</li><li>They are anonymised 180 "
    "days after the training; the number of participants is kept for "
    "statistics.</li><li>You can cancel at any time with the link in the email, "
    "and ask the coordinator for a copy of your data or for its erasure.</li></ul>"
)

PEOPLE = [
    ("Anna Lindholm", "sv"),
    ("Mikko Virtanen", "fi"),
    ("Sara Nyström", "sv"),
    ("Jukka Korhonen", "fi"),
    ("Eva Sjöberg", "sv"),
    ("Leena Mäkinen", "fi"),
    ("Johan Grönqvist", "sv"),
    ("Amira Hassan", "sv"),
    ("Pekka Laine", "fi"),
    ("Karin Holmström", "sv"),
    ("Oksana Kovalenko", "en"),
    ("Tiina Heikkinen", "fi"),
    ("Maja Forsman", "sv"),
    ("Ahmed Yusuf", "en"),
    ("Birgitta Wikström", "sv"),
    ("Sami Lehtonen", "fi"),
    ("Linnea Åberg", "sv"),
    ("Heikki Salo", "fi"),
]


@dataclass
class DemoTraining:
    slug: str
    days: int  # first session, days from today
    hour: int
    sv: dict
    fi: dict
    en: dict
    sessions: int = 1
    hours: int = 2
    capacity: int = 20
    signups: int = 0  # sign-ups to make (beyond capacity: the waitlist)
    online: bool = False
    price: int = 0
    opens_in: int | None = None
    district: str = "centrum"
    areas: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=lambda: ["vuxna"])


TRAININGS = [
    DemoTraining(
        "bokforing-for-kassorer",
        -40,
        18,
        sv={
            "title": "Bokföring för föreningens kassör",
            "summary": "Grunderna i föreningens bokföring, bokslut och "
            "verksamhetsberättelse – för nya och erfarna kassörer.",
        },
        fi={
            "title": "Kirjanpito yhdistyksen rahastonhoitajalle",
            "summary": "Yhdistyksen kirjanpidon, tilinpäätöksen ja "
            "toimintakertomuksen perusteet uusille ja kokeneille rahastonhoitajille.",
            "slug": "kirjanpito-rahastonhoitajalle",
        },
        en={
            "title": "Bookkeeping for association treasurers",
            "summary": "The basics of an association's bookkeeping, annual "
            "accounts and annual report – for new and experienced treasurers.",
            "slug": "bookkeeping-for-treasurers",
        },
        capacity=25,
        signups=18,
        areas=["intresseorganisation"],
    ),
    DemoTraining(
        "att-soka-bidrag",
        -10,
        17,
        sv={
            "title": "Att söka bidrag – steg för steg",
            "summary": "Vi går igenom kommunens bidrag och skriver en ansökan "
            "tillsammans. Ta med en idé!",
        },
        fi={
            "title": "Avustuksen hakeminen vaihe vaiheelta",
            "summary": "Käymme läpi kunnan avustukset ja kirjoitamme hakemuksen "
            "yhdessä. Ota oma idea mukaan!",
            "slug": "avustuksen-hakeminen",
        },
        en={
            "title": "Applying for grants, step by step",
            "summary": "We go through the municipality's grants and write an "
            "application together. Bring an idea!",
            "slug": "applying-for-grants",
        },
        capacity=20,
        signups=14,
        district="kyrkbyn",
    ),
    DemoTraining(
        "dataskydd-i-foreningen",
        5,
        18,
        sv={
            "title": "Dataskydd i föreningen",
            "summary": "Medlemsregister, bilder och e-postlistor: så följer "
            "föreningen dataskyddsförordningen utan krångel.",
        },
        fi={
            "title": "Tietosuoja yhdistyksessä",
            "summary": "Jäsenrekisteri, kuvat ja sähköpostilistat: näin yhdistys "
            "noudattaa tietosuoja-asetusta ilman turhaa vaivaa.",
            "slug": "tietosuoja-yhdistyksessa",
        },
        en={
            "title": "Data protection in your association",
            "summary": "Member registers, photos and mailing lists: how your "
            "association follows the GDPR without fuss.",
            "slug": "data-protection",
        },
        capacity=12,
        signups=15,
        online=True,
        hours=1,
        district="hela-kommunen",
    ),
    DemoTraining(
        "styrelsearbete-i-praktiken",
        12,
        18,
        sv={
            "title": "Styrelsearbete i praktiken",
            "summary": "En kurs på tre kvällar om möten, protokoll, ansvar och "
            "hur styrelsen delar på arbetet.",
        },
        fi={
            "title": "Hallitustyö käytännössä",
            "summary": "Kolmen illan kurssi kokouksista, pöytäkirjoista, "
            "vastuista ja siitä, miten hallitus jakaa työt.",
            "slug": "hallitustyo-kaytannossa",
        },
        en={
            "title": "Board work in practice",
            "summary": "A course on three evenings about meetings, minutes, "
            "responsibilities and sharing the work in the board.",
            "slug": "board-work-in-practice",
        },
        sessions=3,
        capacity=24,
        signups=9,
        price=20,
        district="centrum",
        areas=["intresseorganisation", "by-och-lokalutveckling"],
    ),
    DemoTraining(
        "motesplatser-mot-ensamhet",
        21,
        13,
        sv={
            "title": "Mötesplatser mot ensamhet – nätverksträff",
            "summary": "Föreningar som ordnar träffar för äldre och nyinflyttade "
            "delar idéer och planerar våren tillsammans.",
        },
        fi={
            "title": "Kohtaamispaikat yksinäisyyttä vastaan – verkostotapaaminen",
            "summary": "Ikäihmisille ja uusille asukkaille tapaamisia järjestävät "
            "yhdistykset jakavat ideoita ja suunnittelevat kevättä yhdessä.",
            "slug": "kohtaamispaikat-verkostotapaaminen",
        },
        en={
            "title": "Meeting places against loneliness – network meeting",
            "summary": "Associations that hold meetings for older people and "
            "newcomers share ideas and plan the spring together.",
            "slug": "meeting-places-network",
        },
        capacity=40,
        signups=6,
        hours=3,
        district="norrby",
        areas=["social-verksamhet", "seniorer", "integration"],
        groups=["seniorer", "nyanlanda"],
    ),
    DemoTraining(
        "tillgangliga-evenemang",
        38,
        18,
        sv={
            "title": "Tillgängliga evenemang",
            "summary": "Hur gör vi evenemang som alla kan delta i? Lokal, "
            "hörslinga, lätt svenska och inbjudan som når fram.",
        },
        fi={
            "title": "Saavutettavat tapahtumat",
            "summary": "Miten järjestämme tapahtumia, joihin kaikki voivat "
            "osallistua? Tilat, induktiosilmukka, selkokieli ja kutsut, jotka "
            "tavoittavat.",
            "slug": "saavutettavat-tapahtumat",
        },
        en={
            "title": "Accessible events",
            "summary": "How do we hold events everyone can take part in? Venues, "
            "hearing loops, plain language and invitations that reach people.",
            "slug": "accessible-events",
        },
        capacity=20,
        opens_in=7,
        district="hamnen",
        areas=["funktionsratt"],
        groups=["personer-med-funktionsnedsattning", "alla"],
    ),
]

DESCRIPTION = {
    "sv": "<p>Utbildningen är gratis för föreningar i kommunen om inget annat "
    "anges. Kaffe serveras. Hör av dig till koordinatorn om du har frågor.</p>",
    "fi": "<p>Koulutus on maksuton kunnan yhdistyksille, ellei toisin mainita. "
    "Tarjolla on kahvia. Ota yhteyttä koordinaattoriin, jos sinulla on "
    "kysyttävää.</p>",
    "en": "<p>The training is free for associations in the municipality unless "
    "stated otherwise. Coffee is served. Contact the coordinator if you have "
    "questions.</p>",
}
TEXTS = {
    "sv": {
        "organiser": "Välfärds- och föreningskoordinatorn",
        "target_audience": "Styrelseledamöter och aktiva i föreningar",
        "training_language": "Svenska, frågor går bra också på finska",
        "place_accessibility": "Entré utan trappsteg från Storgatan, hiss, "
        "hörslinga och tillgänglig toalett.",
        "place_name": "Kommunhuset",
        "room": "Sammanträdesrum 2",
    },
    "fi": {
        "organiser": "Hyvinvointi- ja yhdistyskoordinaattori",
        "target_audience": "Yhdistysten hallitusten jäsenet ja aktiivit",
        "training_language": "Ruotsi, kysymyksiä voi esittää myös suomeksi",
        "place_accessibility": "Porrastonta sisäänkäynti Isokadulta, hissi, "
        "induktiosilmukka ja esteetön wc.",
        "place_name": "Kunnantalo",
        "room": "Kokoushuone 2",
    },
    "en": {
        "organiser": "The welfare and association coordinator",
        "target_audience": "Board members and volunteers in associations",
        "training_language": "Swedish; questions are welcome in Finnish too",
        "place_accessibility": "Step-free entrance from Storgatan, lift, hearing "
        "loop and accessible toilet.",
        "place_name": "The town hall",
        "room": "Meeting room 2",
    },
}


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


EVENTS = [
    # (days from today, hour, hours, district, title, place, areas, free, open)
    (
        3,
        18,
        2,
        "norrby",
        "Öppen kör för alla",
        "Norrby skola, musiksalen",
        ["musik-och-kor"],
        True,
        True,
    ),
    (
        3,
        17,
        3,
        "norrby",
        "Stickcafé",
        "Norrby bibliotek",
        ["hobby", "seniorer"],
        True,
        True,
    ),
    (
        6,
        10,
        4,
        "hamnen",
        "Vårstädning av stranden",
        "Hamnplanen",
        ["miljo-och-natur"],
        True,
        True,
    ),
    (
        9,
        13,
        3,
        "centrum",
        "Boccia-turnering",
        "Medborgarhuset",
        ["idrott", "seniorer"],
        False,
        True,
    ),
    (
        13,
        18,
        2,
        "skogsbacka",
        "Familjekväll med pyssel",
        "Skogsbacka byagård",
        ["barn-och-unga"],
        True,
        True,
    ),
    (
        13,
        18,
        2,
        "skogsbacka",
        "Byamöte om nya cykelvägen",
        "Skogsbacka byagård",
        ["by-och-lokalutveckling"],
        True,
        True,
    ),
    (
        17,
        19,
        2,
        "kyrkbyn",
        "Föredrag: Kyrkbyns historia",
        "Hembygdsmuseet",
        ["kultur"],
        False,
        True,
    ),
    (
        24,
        11,
        3,
        "asen",
        "Skidskola för nybörjare",
        "Åsens motionsspår",
        ["idrott"],
        False,
        False,
    ),
    (
        29,
        18,
        2,
        "centrum",
        "Språkcafé – svenska och finska",
        "Biblioteket, mötesrummet",
        ["integration"],
        True,
        True,
    ),
    (
        41,
        14,
        4,
        "landsbygden",
        "Julmarknad i Bergby",
        "Bergby ungdomslokal",
        ["by-och-lokalutveckling", "kultur"],
        True,
        True,
    ),
]


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
