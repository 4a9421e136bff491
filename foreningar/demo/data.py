"""What the demo register is made of: the town's districts and places, the
kinds of associations with the meeting places that fit them, and meeting
times. Postcodes, streets, phones and fees are the town's
(``home.demo.town``)."""

from __future__ import annotations

from dataclasses import dataclass

REGISTER_SLUG = "foreningar"
DEFAULT_DEMO_COUNT = 40

# Place names by district slug: (Swedish genitive stem, Finnish genitive stem,
# where it is in Swedish). "{town}" is the demo town's name.
PLACES: dict[str, list[tuple[str, str, str]]] = {
    "centrum": [
        ("Stadens", "Kaupungin", "mitt i stan"),
        ("Torgets", "Torin", "kring torget"),
        ("Stadsparkens", "Kaupunginpuiston", "kring stadsparken"),
    ],
    "norrby": [
        ("Norrby", "Pohjoiskylän", "i Norrby"),
        ("Lillby", "Pikkukylän", "i Lillby"),
        ("Storbacka", "Isomäen", "på Storbacka"),
    ],
    "soderstrand": [
        ("Söderstrands", "Etelärannan", "på Söderstrand"),
        ("Sandviks", "Hiekkalahden", "i Sandvik"),
        ("Ekuddens", "Tamminiemen", "på Ekudden"),
    ],
    "hamnen": [
        ("Hamnens", "Sataman", "i Hamnen"),
        ("Fyrbackens", "Majakkamäen", "på Fyrbacken"),
        ("Sjöbodarnas", "Rantamakasiinien", "vid sjöbodarna"),
    ],
    "skogsbacka": [
        ("Skogsbacka", "Metsämäen", "i Skogsbacka"),
        ("Granlidens", "Kuusirinteen", "i Granliden"),
        ("Björkhagens", "Koivuhaan", "i Björkhagen"),
    ],
    "kyrkbyn": [
        ("Kyrkbyns", "Kirkonkylän", "i Kyrkbyn"),
        ("Prästgårdens", "Pappilan", "kring Prästgården"),
        ("Klockarbackens", "Lukkarinmäen", "på Klockarbacken"),
    ],
    "asen": [
        ("Åsens", "Harjun", "på Åsen"),
        ("Höjdens", "Kummun", "på Höjden"),
        ("Rönnåsens", "Pihlajaharjun", "på Rönnåsen"),
    ],
    "landsbygden": [
        ("Bergby", "Vuorikylän", "i Bergby"),
        ("Ängsby", "Niittykylän", "i Ängsby"),
        ("Tallmo", "Männikön", "i Tallmo"),
        ("Kvarnby", "Myllykylän", "i Kvarnby"),
    ],
    "hela-kommunen": [
        ("{town}s", "{town_fi}", "i hela {town}"),
        ("Regionens", "Seudun", "i hela regionen"),
    ],
}


@dataclass(frozen=True)
class Kind:
    """A kind of association: how it is named and what it does."""

    sv: str  # "{place} Bollklubb"
    fi: str
    areas: tuple[str, ...]
    groups: tuple[str, ...]
    keywords: tuple[str, ...]
    description: str  # "{where}": where it is ("i Norrby")
    volunteers: str = ""
    # Where it meets: places that fit what it does (the hearing association
    # meets where there is a hearing loop, not at the sports field).
    places: tuple[str, ...] = ("Föreningshuset",)
    members: tuple[int, int] = (15, 80)  # a plausible range of members
    hearing_loop: bool = False


KINDS: tuple[Kind, ...] = (
    Kind(
        "{p} Bollklubb",
        "{p} Pallo",
        ("idrott",),
        ("barn", "unga"),
        ("fotboll", "futsal"),
        "Fotboll för barn och unga {where}, med lag för både nybörjare och vana spelare.",
        "Vi behöver fler tränare och föräldrar som vill hjälpa till på matcherna.",
        places=("Idrottsplanen", "Konstgräsplanen vid skolan"),
        members=(60, 300),
    ),
    Kind(
        "{p} Idrottsförening",
        "{p} Urheilijat",
        ("idrott",),
        ("barn", "unga", "vuxna"),
        ("friidrott", "skidor", "orientering"),
        "Friidrott på sommaren och skidor på vintern för alla åldrar {where}.",
        places=("Idrottsplanen", "Skolans gymnastiksal"),
        members=(80, 400),
    ),
    Kind(
        "{p} Skidklubb",
        "{p} Hiihtoseura",
        ("idrott", "miljo-och-natur"),
        ("alla",),
        ("skidor", "längdskidor"),
        "Vi sköter skidspåren {where} och ordnar skidskola för barn varje vinter.",
        "Hjälp oss att sköta spåren och leda skidskolan.",
        places=("Skidstugan vid motionsspåret",),
        members=(40, 200),
    ),
    Kind(
        "{p} Seglarförening",
        "{p} Purjehdusseura",
        ("idrott", "hobby"),
        ("unga", "vuxna"),
        ("segling", "båtar"),
        "Seglarskola, kappseglingar och gemenskap för seglare {where}.",
        places=("Klubbhuset i gästhamnen", "Seglarpaviljongen"),
        members=(50, 250),
    ),
    Kind(
        "{p} Pensionärsförening",
        "{p} Eläkeläiset",
        ("seniorer", "social-verksamhet"),
        ("seniorer",),
        ("kaffe", "utflykter", "boccia"),
        "Kaffe, föredrag och utflykter för pensionärer {where}. Välkommen med!",
        "Vi söker chaufförer till våra utflykter.",
        places=("Seniorcentret", "Församlingshemmet"),
        members=(40, 200),
    ),
    Kind(
        "{p} Marthaförening",
        "{p} Martat",
        ("social-verksamhet", "hobby"),
        ("vuxna", "familjer"),
        ("matlagning", "hushåll"),
        "Kurser i matlagning och hushåll {where}, och gemenskap över generationerna.",
        places=("Marthastugan", "Skolans hemkunskapsklass"),
        members=(20, 90),
    ),
    Kind(
        "{p} Hembygdsförening",
        "{p} Kotiseutuyhdistys",
        ("kultur", "by-och-lokalutveckling"),
        ("alla",),
        ("hembygd", "historia", "museum"),
        "Vi vårdar historien {where}, sköter hembygdsmuseet och ordnar midsommarfest.",
        "Vill du guida i museet under sommaren?",
        places=("Hembygdsmuseet",),
        members=(60, 300),
    ),
    Kind(
        "{p} Byaförening",
        "{p} Kyläyhdistys",
        ("by-och-lokalutveckling",),
        ("alla",),
        ("byagård", "talko"),
        "Vi driver byagården {where} och ordnar talkon och byafester.",
        places=("Byagården",),
        members=(30, 150),
    ),
    Kind(
        "{p} Ungdomsförening",
        "{p} Nuorisoseura",
        ("barn-och-unga", "kultur"),
        ("barn", "unga"),
        ("teater", "dans", "ungdomsgård"),
        "Teater, dans och en öppen ungdomsgård för unga {where}.",
        "Vi söker vuxna som vill vara med på kvällarna i ungdomsgården.",
        places=("Ungdomsgården", "Föreningshuset"),
        members=(30, 150),
    ),
    Kind(
        "Scoutkåren {p} Sjöbjörnar",
        "{p} Partiolaiset",
        ("barn-och-unga", "miljo-och-natur"),
        ("barn", "unga"),
        ("scouting", "friluftsliv"),
        "Scouting för barn från sju år {where}: friluftsliv, läger och kamratskap.",
        "Bli ledare! Du får utbildning och en trevlig gemenskap.",
        places=("Scoutstugan",),
        members=(30, 120),
    ),
    Kind(
        "{p} Manskör",
        "{p} Mieslaulajat",
        ("kultur", "musik-och-kor"),
        ("vuxna",),
        ("körsång", "konserter"),
        "Vi är en manskör {where} som sjunger fyrstämmigt och ger konserter till jul och vår.",
        places=("Musikinstitutets sal", "Församlingshemmet"),
        members=(20, 45),
    ),
    Kind(
        "{p} Blandade kör",
        "{p} Sekakuoro",
        ("kultur", "musik-och-kor"),
        ("vuxna", "seniorer"),
        ("körsång",),
        "En glad blandad kör {where} för alla som tycker om att sjunga. Ingen provsjungning.",
        places=("Församlingshemmet", "Kulturhuset"),
        members=(20, 50),
    ),
    Kind(
        "{p} Spelmanslag",
        "{p} Pelimannit",
        ("kultur", "musik-och-kor"),
        ("alla",),
        ("folkmusik", "fiol"),
        "Folkmusik i alla åldrar {where} – vi spelar på byafester och bröllop.",
        places=("Musikinstitutets sal", "Föreningshuset"),
        members=(12, 40),
    ),
    Kind(
        "{p} Konstförening",
        "{p} Taideyhdistys",
        ("kultur", "hobby"),
        ("vuxna",),
        ("måleri", "utställningar"),
        "Utställningar, kurser i måleri och resor till konstmuseer för konstvänner {where}.",
        places=("Kulturhusets ateljé",),
        members=(30, 150),
    ),
    Kind(
        "{p} Trädgårdsförening",
        "{p} Puutarhaseura",
        ("hobby", "miljo-och-natur"),
        ("vuxna", "seniorer"),
        ("trädgård", "odling"),
        "Vi byter plantor, besöker trädgårdar och odlar tillsammans {where}.",
        places=("Koloniträdgårdens stuga", "Biblioteket, mötesrummet"),
        members=(25, 120),
    ),
    Kind(
        "{p} Naturskyddsförening",
        "{p} Luonnonsuojeluyhdistys",
        ("miljo-och-natur", "intresseorganisation"),
        ("alla",),
        ("fåglar", "naturvård"),
        "Fågelskådning, naturvårdstalkon och exkursioner i naturen {where}.",
        "Hjälp till vid våra naturvårdstalkon.",
        places=("Naturstugan vid fågeltornet", "Biblioteket, mötesrummet"),
        members=(30, 180),
    ),
    Kind(
        "{p} Grannsamverkan",
        "{p} Naapuriapu",
        ("trygghet", "by-och-lokalutveckling"),
        ("alla",),
        ("grannsamverkan", "trygghet"),
        "Grannar {where} som håller utkik tillsammans, i samarbete med polisen och kommunen.",
        "Bli kontaktombud för din gata.",
        places=("Medborgarhuset",),
        members=(20, 120),
    ),
    Kind(
        "{p} Integrationsförening",
        "{p} Kotoutumisyhdistys",
        ("integration", "social-verksamhet"),
        ("nyanlanda", "familjer"),
        ("språkcafé", "läxhjälp"),
        "Språkcafé, läxhjälp och gemenskap för nyanlända och etablerade {where}.",
        "Vi söker samtalsvärdar till språkcaféet.",
        places=("Biblioteket, mötesrummet", "Medborgarhuset"),
        members=(20, 100),
    ),
    Kind(
        "{p} Handikappförening",
        "{p} Vammaisyhdistys",
        ("funktionsratt", "intresseorganisation"),
        ("personer-med-funktionsnedsattning",),
        ("tillgänglighet", "påverkan"),
        "Vi driver frågor om tillgänglighet {where} och ordnar träffar och resor.",
        places=("Medborgarhuset", "Seniorcentret"),
        members=(30, 150),
    ),
    Kind(
        "{p} Hörselförening",
        "{p} Kuuloyhdistys",
        ("funktionsratt", "halsa"),
        ("personer-med-funktionsnedsattning", "seniorer"),
        ("hörsel", "hörslinga"),
        "Stöd, information och träffar för personer med hörselnedsättning {where}.",
        places=("Seniorcentret", "Medborgarhuset"),
        members=(25, 120),
        hearing_loop=True,
    ),
    Kind(
        "{p} Församlingsförening",
        "{p} Seurakuntayhdistys",
        ("religion-och-livsaskadning", "social-verksamhet"),
        ("alla",),
        ("samtalsgrupp", "diakoni"),
        "Samtalsgrupper, soppluncher och besök hos ensamma {where}.",
        places=("Församlingshemmet",),
        members=(20, 90),
    ),
    Kind(
        "{p} Schackklubb",
        "{p} Shakkikerho",
        ("hobby",),
        ("barn", "unga", "vuxna"),
        ("schack",),
        "Schack för nybörjare och vana spelare {where} varje torsdag.",
        places=("Biblioteket, mötesrummet", "Föreningshuset"),
        members=(12, 40),
    ),
    Kind(
        "{p} Motionsförening",
        "{p} Kuntoliikkujat",
        ("idrott", "halsa"),
        ("vuxna", "seniorer"),
        ("stavgång", "gympa"),
        "Stavgång, seniorgympa och vattengympa {where} – i din egen takt.",
        places=("Skolans gymnastiksal", "Simhallen"),
        members=(40, 200),
    ),
    Kind(
        "{p} Familjeförening",
        "{p} Perheyhdistys",
        ("barn-och-unga", "social-verksamhet"),
        ("familjer", "barn"),
        ("babycafé", "familjeträffar"),
        "Öppna familjeträffar, babycafé och utflykter för barnfamiljer {where}.",
        "Vill du baka eller leka med barnen på träffarna?",
        places=("Familjecentret", "Församlingshemmet"),
        members=(30, 150),
    ),
    Kind(
        "{p} Stödförening för närståendevårdare",
        "{p} Omaishoitajat",
        ("halsa", "social-verksamhet"),
        ("vuxna", "seniorer"),
        ("närståendevård", "stödgrupp"),
        "Stödgrupper och avlastning {where} för dig som vårdar en närstående.",
        places=("Seniorcentret", "Församlingshemmet"),
        members=(15, 60),
    ),
    Kind(
        "{p} Företagarförening",
        "{p} Yrittäjät",
        ("intresseorganisation", "by-och-lokalutveckling"),
        ("vuxna",),
        ("företagande", "nätverk"),
        "Nätverk och frukostmöten för företagare {where}.",
        places=("Stadshotellets konferensrum", "Medborgarhuset"),
        members=(25, 120),
    ),
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
LOGO_COLOURS = (
    "#0b4f6c",
    "#1b5e20",
    "#7b1fa2",
    "#b71c1c",
    "#e65100",
    "#37474f",
    "#004d40",
)
# Where each district lies from the town centre (degrees latitude, longitude).
DISTRICT_OFFSETS = {
    "centrum": (0.0, 0.0),
    "norrby": (0.03, 0.01),
    "soderstrand": (-0.02, 0.02),
    "hamnen": (-0.01, -0.02),
    "skogsbacka": (0.02, -0.05),
    "kyrkbyn": (0.04, 0.06),
    "asen": (0.01, 0.05),
    "landsbygden": (0.06, -0.09),
    "hela-kommunen": (0.0, 0.0),
}

# (text, step-free, accessible toilet, hearing loop): what the text says and
# the ticks agree.
PREMISES = (
    ("", False, False, False),
    ("Ramp vid entrén och hiss till andra våningen.", True, True, False),
    ("Två trappsteg vid entrén, ingen hiss.", False, False, False),
    ("Allt på markplan. Hörslinga i stora salen.", True, True, True),
    ("Entré utan trappsteg; toaletten är inte anpassad.", True, False, False),
)

WELCOMES = (
    "Nya medlemmar är alltid välkomna – kom och prova på!",
    "Du är välkommen att komma och titta först, utan att förbinda dig.",
    "Hör av dig, så berättar vi mer.",
    "Ta gärna med en vän första gången.",
)
