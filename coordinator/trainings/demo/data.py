"""The trainings demo's texts and data: people, trainings, descriptions and
association events (Swedish, with Finnish and English where shown)."""

from __future__ import annotations

from dataclasses import dataclass, field

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
