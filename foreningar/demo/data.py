"""What the demo register is made of: the town's districts and places, the
kinds of associations, streets, meeting places and times."""

from __future__ import annotations

from dataclasses import dataclass

REGISTER_SLUG = "foreningar"
DEFAULT_DEMO_COUNT = 40

# Place names by district slug: (Swedish genitive stem, Finnish genitive stem).
PLACES: dict[str, list[tuple[str, str]]] = {
    "centrum": [
        ("Stadens", "Kaupungin"),
        ("Torgets", "Torin"),
        ("Exempelstads", "Esimerkkikaupungin"),
    ],
    "norrby": [
        ("Norrby", "Pohjoiskylän"),
        ("Lillby", "Pikkukylän"),
        ("Storbacka", "Isomäen"),
    ],
    "soderstrand": [
        ("Söderstrands", "Etelärannan"),
        ("Sandviks", "Hiekkalahden"),
        ("Ekuddens", "Tamminiemen"),
    ],
    "hamnen": [
        ("Hamnens", "Sataman"),
        ("Fyrbackens", "Majakkamäen"),
        ("Sjöbodarnas", "Rantamakasiinien"),
    ],
    "skogsbacka": [
        ("Skogsbacka", "Metsämäen"),
        ("Granlidens", "Kuusirinteen"),
        ("Björkhagens", "Koivuhaan"),
    ],
    "kyrkbyn": [
        ("Kyrkbyns", "Kirkonkylän"),
        ("Prästgårdens", "Pappilan"),
        ("Klockarbackens", "Lukkarinmäen"),
    ],
    "asen": [
        ("Åsens", "Harjun"),
        ("Höjdens", "Kummun"),
        ("Rönnåsens", "Pihlajaharjun"),
    ],
    "landsbygden": [
        ("Bergby", "Vuorikylän"),
        ("Ängsby", "Niittykylän"),
        ("Tallmo", "Männikön"),
        ("Kvarnby", "Myllykylän"),
    ],
    "hela-kommunen": [("Exempelstads", "Esimerkkikaupungin"), ("Regionens", "Seudun")],
}


@dataclass(frozen=True)
class Kind:
    """A kind of association: how it is named and what it does."""

    sv: str  # "{place} Bollklubb"
    fi: str
    areas: tuple[str, ...]
    groups: tuple[str, ...]
    keywords: tuple[str, ...]
    description: str
    volunteers: str = ""


KINDS: tuple[Kind, ...] = (
    Kind(
        "{p} Bollklubb",
        "{p} Pallo",
        ("idrott",),
        ("barn", "unga"),
        ("fotboll", "futsal"),
        "Fotboll för barn och unga, med lag för både nybörjare och vana spelare.",
        "Vi behöver fler tränare och föräldrar som vill hjälpa till på matcherna.",
    ),
    Kind(
        "{p} Idrottsförening",
        "{p} Urheilijat",
        ("idrott",),
        ("barn", "unga", "vuxna"),
        ("friidrott", "skidor", "orientering"),
        "Friidrott på sommaren och skidor på vintern – för alla åldrar.",
    ),
    Kind(
        "{p} Skidklubb",
        "{p} Hiihtoseura",
        ("idrott", "miljo-och-natur"),
        ("alla",),
        ("skidor", "längdskidor"),
        "Vi sköter skidspåren och ordnar skidskola för barn varje vinter.",
        "Hjälp oss att sköta spåren och leda skidskolan.",
    ),
    Kind(
        "{p} Seglarförening",
        "{p} Purjehdusseura",
        ("idrott", "hobby"),
        ("unga", "vuxna"),
        ("segling", "båtar"),
        "Seglarskola, kappseglingar och gemenskap i hamnen.",
    ),
    Kind(
        "{p} Pensionärsförening",
        "{p} Eläkeläiset",
        ("seniorer", "social-verksamhet"),
        ("seniorer",),
        ("kaffe", "utflykter", "boccia"),
        "Träffar med kaffe, föredrag och utflykter för pensionärer. Välkommen med!",
        "Vi söker chaufförer till våra utflykter.",
    ),
    Kind(
        "{p} Marthaförening",
        "{p} Martat",
        ("social-verksamhet", "hobby"),
        ("vuxna", "familjer"),
        ("matlagning", "hushåll"),
        "Kurser i matlagning och hushåll, och gemenskap över generationerna.",
    ),
    Kind(
        "{p} Hembygdsförening",
        "{p} Kotiseutuyhdistys",
        ("kultur", "by-och-lokalutveckling"),
        ("alla",),
        ("hembygd", "historia", "museum"),
        "Vi vårdar byns historia, sköter hembygdsmuseet och ordnar midsommarfest.",
        "Vill du guida i museet under sommaren?",
    ),
    Kind(
        "{p} Byaförening",
        "{p} Kyläyhdistys",
        ("by-och-lokalutveckling",),
        ("alla",),
        ("byagård", "talko"),
        "Byaföreningen driver byagården och ordnar talkon och byafester.",
    ),
    Kind(
        "{p} Ungdomsförening",
        "{p} Nuorisoseura",
        ("barn-och-unga", "kultur"),
        ("barn", "unga"),
        ("teater", "dans", "ungdomsgård"),
        "Teater, dans och en öppen ungdomsgård för alla unga i området.",
        "Vi söker vuxna som vill vara med på kvällarna i ungdomsgården.",
    ),
    Kind(
        "Scoutkåren {p} Sjöbjörnar",
        "{p} Partiolaiset",
        ("barn-och-unga", "miljo-och-natur"),
        ("barn", "unga"),
        ("scouting", "friluftsliv"),
        "Scouting för barn från sju år: friluftsliv, läger och kamratskap.",
        "Bli ledare! Du får utbildning och en trevlig gemenskap.",
    ),
    Kind(
        "{p} Manskör",
        "{p} Mieslaulajat",
        ("kultur", "musik-och-kor"),
        ("vuxna",),
        ("körsång", "konserter"),
        "Vi sjunger fyrstämmigt och ger konserter till jul och vår.",
    ),
    Kind(
        "{p} Blandade kör",
        "{p} Sekakuoro",
        ("kultur", "musik-och-kor"),
        ("vuxna", "seniorer"),
        ("körsång",),
        "En glad kör för alla som tycker om att sjunga. Ingen provsjungning.",
    ),
    Kind(
        "{p} Spelmanslag",
        "{p} Pelimannit",
        ("kultur", "musik-och-kor"),
        ("alla",),
        ("folkmusik", "fiol"),
        "Folkmusik i alla åldrar – vi spelar på byafester och bröllop.",
    ),
    Kind(
        "{p} Konstförening",
        "{p} Taideyhdistys",
        ("kultur", "hobby"),
        ("vuxna",),
        ("måleri", "utställningar"),
        "Utställningar, kurser i måleri och resor till konstmuseer.",
    ),
    Kind(
        "{p} Trädgårdsförening",
        "{p} Puutarhaseura",
        ("hobby", "miljo-och-natur"),
        ("vuxna", "seniorer"),
        ("trädgård", "odling"),
        "Vi byter plantor, besöker trädgårdar och odlar tillsammans.",
    ),
    Kind(
        "{p} Naturskyddsförening",
        "{p} Luonnonsuojeluyhdistys",
        ("miljo-och-natur", "intresseorganisation"),
        ("alla",),
        ("fåglar", "naturvård"),
        "Fågelskådning, naturvårdstalkon och exkursioner i närnaturen.",
        "Hjälp till vid våra naturvårdstalkon.",
    ),
    Kind(
        "{p} Grannsamverkan",
        "{p} Naapuriapu",
        ("trygghet", "by-och-lokalutveckling"),
        ("alla",),
        ("grannsamverkan", "trygghet"),
        "Grannar som håller utkik tillsammans, i samarbete med polisen och kommunen.",
        "Bli kontaktombud för din gata.",
    ),
    Kind(
        "{p} Integrationsförening",
        "{p} Kotoutumisyhdistys",
        ("integration", "social-verksamhet"),
        ("nyanlanda", "familjer"),
        ("språkcafé", "läxhjälp"),
        "Språkcafé, läxhjälp och gemenskap för nyanlända och etablerade.",
        "Vi söker samtalsvärdar till språkcaféet.",
    ),
    Kind(
        "{p} Handikappförening",
        "{p} Vammaisyhdistys",
        ("funktionsratt", "intresseorganisation"),
        ("personer-med-funktionsnedsattning",),
        ("tillgänglighet", "påverkan"),
        "Vi driver frågor om tillgänglighet och ordnar träffar och resor.",
    ),
    Kind(
        "{p} Hörselförening",
        "{p} Kuuloyhdistys",
        ("funktionsratt", "halsa"),
        ("personer-med-funktionsnedsattning", "seniorer"),
        ("hörsel", "hörslinga"),
        "Stöd, information och träffar för personer med hörselnedsättning.",
    ),
    Kind(
        "{p} Församlingsförening",
        "{p} Seurakuntayhdistys",
        ("religion-och-livsaskadning", "social-verksamhet"),
        ("alla",),
        ("samtalsgrupp", "diakoni"),
        "Samtalsgrupper, soppluncher och besök hos ensamma.",
    ),
    Kind(
        "{p} Schackklubb",
        "{p} Shakkikerho",
        ("hobby",),
        ("barn", "unga", "vuxna"),
        ("schack",),
        "Schack för nybörjare och vana spelare varje torsdag.",
    ),
    Kind(
        "{p} Motionsförening",
        "{p} Kuntoliikkujat",
        ("idrott", "halsa"),
        ("vuxna", "seniorer"),
        ("stavgång", "gympa"),
        "Stavgång, seniorgympa och vattengympa – i din egen takt.",
    ),
    Kind(
        "{p} Familjeförening",
        "{p} Perheyhdistys",
        ("barn-och-unga", "social-verksamhet"),
        ("familjer", "barn"),
        ("babycafé", "familjeträffar"),
        "Öppna familjeträffar, babycafé och utflykter för barnfamiljer.",
        "Vill du baka eller leka med barnen på träffarna?",
    ),
    Kind(
        "{p} Stödförening för närståendevårdare",
        "{p} Omaishoitajat",
        ("halsa", "social-verksamhet"),
        ("vuxna", "seniorer"),
        ("närståendevård", "stödgrupp"),
        "Stödgrupper och avlastning för dig som vårdar en närstående.",
    ),
    Kind(
        "{p} Företagarförening",
        "{p} Yrittäjät",
        ("intresseorganisation", "by-och-lokalutveckling"),
        ("vuxna",),
        ("företagande", "nätverk"),
        "Nätverk och frukostmöten för företagare i området.",
    ),
)

STREETS = (
    "Storgatan",
    "Skolgatan",
    "Kyrkogatan",
    "Strandvägen",
    "Hamngatan",
    "Åsvägen",
    "Byvägen",
    "Skogsstigen",
    "Järnvägsgatan",
    "Torggatan",
    "Ängsvägen",
    "Kvarnvägen",
)
MEETING_PLACES = (
    "Föreningshuset",
    "Byagården",
    "Församlingshemmet",
    "Skolans gymnastiksal",
    "Biblioteket, mötesrummet",
    "Ungdomsgården",
    "Idrottsplanen",
    "Medborgarhuset",
    "Seniorcentret",
    "Hembygdsmuseet",
    "Kulturhuset",
    "Simhallen",
)
MEETING_TIMES = (
    "Måndagar kl. 18–20",
    "Tisdagar kl. 17.30–19",
    "Onsdagar kl. 10–12",
    "Torsdagar kl. 18.30–20.30",
    "Varannan lördag kl. 10–14",
    "Söndagar kl. 14–16, inte under sommaren",
    "Första måndagen i månaden kl. 19",
)
FEES = (
    "Gratis",
    "100 kr per år",
    "200 kr per år, gratis för barn",
    "15 € per år",
    "25 € per år, familj 40 €",
    "50 kr per termin",
)
LOGO_COLOURS = (
    "#0b4f6c",
    "#1b5e20",
    "#7b1fa2",
    "#b71c1c",
    "#e65100",
    "#37474f",
    "#004d40",
)
CENTRE = (59.9750, 23.4350)  # a small coastal town
