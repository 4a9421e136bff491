"""The demo's grant calls (Swedish, with Finnish and English texts), built
from the helpers and shared texts in ``data``."""

from __future__ import annotations

from .data import _OWN_HOW, _TOWN_ELIGIBILITY, _call, _text

CALLS = [
    {
        "funder": "town",
        "opens": -20,
        "deadline": 38,
        "amount": (300, 8000, 120000),
        "purposes": [
            "idrott",
            "kultur",
            "social-verksamhet",
            "seniorer",
            "barn-och-unga",
        ],
        "targets": ["alla"],
        "apply_url": "https://www.exempelstad.example/e-tjanster/foreningsbidrag",
        **_call(
            _text(
                "verksamhetsbidrag-2027",
                "toiminta-avustus-2027",
                "operating-grant-2027",
            ),
            _text(
                "Verksamhetsbidrag för föreningar 2027",
                "Yhdistysten toiminta-avustus 2027",
                "Operating grants for associations 2027",
            ),
            _text(
                "Kommunens årliga bidrag till föreningars ordinarie verksamhet: "
                "träningar, möten, kurser och lokalhyra.",
                "Kunnan vuosittainen avustus yhdistysten tavalliseen toimintaan: "
                "harjoituksiin, kokouksiin, kursseihin ja tilavuokriin.",
                "The municipality's yearly grant for associations' regular "
                "activities: training, meetings, courses and rent.",
            ),
            _text(
                "Registrerade föreningar med verksamhet i Exempelstad.",
                "Rekisteröidyt yhdistykset, jotka toimivat Esimerkkikaupungissa.",
                "Registered associations active in Exempelstad.",
            ),
            eligibility=_TOWN_ELIGIBILITY,
            easy=_text(
                "<p>Kommunen ger pengar till föreningar varje år.</p><ul><li>Pengarna "
                "är till det ni gör varje vecka.</li><li>Ni kan få högst 8 000 "
                "euro.</li><li>Ansök senast på sista ansökningsdagen.</li></ul>",
                "<p>Kunta antaa rahaa yhdistyksille joka vuosi.</p><ul><li>Rahat "
                "ovat siihen, mitä teette joka viikko.</li><li>Voitte saada enintään "
                "8 000 euroa.</li><li>Hakekaa viimeistään viimeisenä "
                "hakupäivänä.</li></ul>",
                "<p>The municipality gives money to associations every "
                "year.</p><ul><li>The money is for what you do every week.</li>"
                "<li>You can get up to 8,000 euros.</li><li>Apply by the last "
                "day.</li></ul>",
            ),
            recurrence=_text(
                "Utlysningen öppnar varje år i januari.",
                "Haku avautuu joka vuosi tammikuussa.",
                "The call opens every year in January.",
            ),
        ),
    },
    {
        "funder": "town",
        "opens": -60,
        "deadline": 6,
        "amount": (None, 1000, 10000),
        "purposes": ["hobby", "by-och-lokalutveckling"],
        "targets": ["alla"],
        "apply_url": "https://www.exempelstad.example/e-tjanster/startbidrag",
        **_call(
            _text(
                "startbidrag-nya-foreningar",
                "aloitusavustus-uusille-yhdistyksille",
                "start-up-grant-new-associations",
            ),
            _text(
                "Startbidrag för nya föreningar",
                "Aloitusavustus uusille yhdistyksille",
                "Start-up grant for new associations",
            ),
            _text(
                "Ett litet bidrag för registreringsavgiften och det första årets "
                "kostnader när ni bildar en ny förening.",
                "Pieni avustus rekisteröintimaksuun ja ensimmäisen vuoden kuluihin, "
                "kun perustatte uuden yhdistyksen.",
                "A small grant towards the registration fee and first-year costs "
                "when you set up a new association.",
            ),
            _text(
                "Föreningar som har bildats under de senaste tolv månaderna.",
                "Yhdistykset, jotka on perustettu viimeksi kuluneiden kahdentoista "
                "kuukauden aikana.",
                "Associations founded within the last twelve months.",
            ),
            eligibility=_TOWN_ELIGIBILITY,
        ),
    },
    {
        "funder": "stea",
        "opens": -5,
        "deadline": 55,
        "amount": (5000, 40000, None),
        "purposes": ["seniorer", "social-verksamhet", "halsa"],
        "targets": ["seniorer", "vuxna"],
        "apply_url": "https://www.stea.fi/",
        **_call(
            _text(
                "motesplatser-mot-ensamhet",
                "kohtaamispaikat-yksinaisyytta-vastaan",
                "meeting-places-against-loneliness",
            ),
            _text(
                "Mötesplatser mot ensamhet",
                "Kohtaamispaikat yksinäisyyttä vastaan",
                "Meeting places against loneliness",
            ),
            _text(
                "Stöd för öppna mötesplatser, vänverksamhet och samtalsgrupper som "
                "minskar ensamhet bland äldre och vuxna.",
                "Tukea avoimille kohtaamispaikoille, ystävätoiminnalle ja "
                "keskusteluryhmille, jotka vähentävät ikääntyneiden ja aikuisten "
                "yksinäisyyttä.",
                "Support for drop-in meeting places, befriending schemes and "
                "discussion groups that reduce loneliness among older people and "
                "adults.",
            ),
            _text(
                "Allmännyttiga föreningar inom social- och hälsoområdet.",
                "Yleishyödylliset sosiaali- ja terveysalan yhdistykset.",
                "Non-profit associations in social welfare and health.",
            ),
            how=_OWN_HOW,
            easy=_text(
                "<p>Pengar till platser där människor kan träffas.</p><ul><li>Till "
                "exempel ett café eller en samtalsgrupp.</li><li>Målet är att färre "
                "ska känna sig ensamma.</li></ul>",
                "<p>Rahaa paikkoihin, joissa ihmiset voivat tavata toisiaan.</p><ul>"
                "<li>Esimerkiksi kahvila tai keskusteluryhmä.</li><li>Tavoitteena "
                "on, että harvempi tuntee itsensä yksinäiseksi.</li></ul>",
                "<p>Money for places where people can meet.</p><ul><li>For example "
                "a café or a discussion group.</li><li>The aim is that fewer people "
                "feel lonely.</li></ul>",
            ),
        ),
    },
    {
        "funder": "savings",
        "opens": -30,
        "deadline": 2,
        "amount": (None, 1500, 15000),
        "purposes": ["barn-och-unga", "idrott"],
        "targets": ["unga"],
        **_call(
            _text(
                "stipendier-unga-ledare",
                "apurahat-nuorille-ohjaajille",
                "grants-young-leaders",
            ),
            _text(
                "Stipendier för unga ledare",
                "Apurahat nuorille ohjaajille",
                "Grants for young leaders",
            ),
            _text(
                "Stipendier för ledarutbildning och kurser för unga som leder "
                "barn- och ungdomsverksamhet.",
                "Apurahoja ohjaajakoulutukseen ja kursseihin nuorille, jotka "
                "ohjaavat lasten ja nuorten toimintaa.",
                "Grants for leadership training and courses for young people who "
                "run activities for children and young people.",
            ),
            _text(
                "Unga ledare under 29 år, via sin förening.",
                "Alle 29-vuotiaat nuoret ohjaajat yhdistyksensä kautta.",
                "Young leaders under 29, through their association.",
            ),
            how=_text(
                "<p>Skicka en fritt formulerad ansökan per e-post till stiftelsen. "
                "Berätta vilken kurs det gäller och vad den kostar.</p>",
                "<p>Lähetä vapaamuotoinen hakemus sähköpostilla säätiölle. Kerro, "
                "mistä kurssista on kyse ja mitä se maksaa.</p>",
                "<p>Send a free-form application to the foundation by email. Say "
                "which course it is for and what it costs.</p>",
            ),
        ),
    },
    {
        "funder": "leader",
        "opens": -40,
        "deadline": 80,
        "amount": (5000, 50000, 300000),
        "purposes": ["by-och-lokalutveckling", "miljo-och-natur"],
        "targets": ["alla"],
        "apply_url": "https://www.leader-kustbygd.example/ansok",
        **_call(
            _text(
                "lokalt-utvecklingsstod-leader",
                "paikallinen-kehittamistuki-leader",
                "local-development-leader",
            ),
            _text(
                "Lokalt utvecklingsstöd – Leader",
                "Paikallinen kehittämistuki – Leader",
                "Local development support – Leader",
            ),
            _text(
                "EU-stöd för projekt som gör byarna och kustbygden livskraftigare: "
                "samlingslokaler, naturstigar, evenemang och samarbete.",
                "EU-tukea hankkeille, jotka tekevät kylistä ja rannikkoseudusta "
                "elinvoimaisempia: kokoontumistiloille, luontopoluille, "
                "tapahtumille ja yhteistyölle.",
                "EU funding for projects that make villages and the coast more "
                "vibrant: community halls, nature trails, events and "
                "co-operation.",
            ),
            _text(
                "Föreningar, byalag och stiftelser på landsbygden i regionen.",
                "Alueen maaseudun yhdistykset, kyläyhdistykset ja säätiöt.",
                "Associations, village groups and foundations in the region's "
                "rural areas.",
            ),
            how=_OWN_HOW,
        ),
    },
    {
        "funder": "ministry",
        "opens": 18,
        "deadline": 75,
        "amount": (2000, 20000, None),
        "purposes": ["integration"],
        "targets": ["nyanlanda", "familjer"],
        "apply_url": "https://okm.fi/",
        **_call(
            _text(
                "integrationsprojekt-2027",
                "kotoutumishankkeet-2027",
                "integration-projects-2027",
            ),
            _text(
                "Bidrag för integrationsprojekt 2027",
                "Avustukset kotoutumishankkeisiin 2027",
                "Grants for integration projects 2027",
            ),
            _text(
                "Statligt stöd för föreningars verksamhet som hjälper nyanlända och "
                "deras familjer att delta i fritid, kultur och idrott.",
                "Valtion tukea yhdistysten toimintaan, joka auttaa maahan "
                "muuttaneita ja heidän perheitään osallistumaan vapaa-aikaan, "
                "kulttuuriin ja liikuntaan.",
                "State funding for associations' work that helps newcomers and "
                "their families take part in leisure, culture and sport.",
            ),
            _text(
                "Registrerade föreningar i hela landet.",
                "Rekisteröidyt yhdistykset koko maassa.",
                "Registered associations anywhere in the country.",
            ),
            how=_OWN_HOW,
        ),
    },
    {
        "funder": "town",
        "opens": 30,
        "deadline": 90,
        "amount": (None, 3000, 20000),
        "purposes": ["trygghet"],
        "targets": ["alla"],
        **_call(
            _text(
                "trygghet-och-grannsamverkan",
                "turvallisuus-ja-naapuriapu",
                "safety-and-neighbourhood-watch",
            ),
            _text(
                "Bidrag för trygghetsarbete och grannsamverkan",
                "Avustus turvallisuustyöhön ja naapuriapuun",
                "Grants for safety work and neighbourhood watch",
            ),
            _text(
                "För föreningar som ordnar grannsamverkan, nattvandringar eller "
                "andra insatser i kommunens medborgarlöfte om trygghet.",
                "Yhdistyksille, jotka järjestävät naapuriapua, yökävelyjä tai muuta "
                "toimintaa kunnan turvallisuutta koskevan asukaslupauksen "
                "mukaisesti.",
                "For associations that organise neighbourhood watch, night walks "
                "or other work under the municipality's community safety pledge.",
            ),
            _text(
                "Föreningar och byalag i Exempelstad.",
                "Esimerkkikaupungin yhdistykset ja kyläyhdistykset.",
                "Associations and village groups in Exempelstad.",
            ),
            eligibility=_TOWN_ELIGIBILITY,
        ),
    },
    {
        "funder": "town",
        "opens": -120,
        "deadline": -25,
        "amount": (None, 4000, 30000),
        "purposes": ["kultur", "musik-och-kor"],
        "targets": ["alla"],
        **_call(
            _text(
                "evenemangsbidrag-hosten",
                "tapahtuma-avustus-syksy",
                "event-grant-autumn",
            ),
            _text(
                "Evenemangsbidrag för hösten",
                "Syksyn tapahtuma-avustus",
                "Event grants for the autumn",
            ),
            _text(
                "Bidrag för konserter, utställningar och andra öppna evenemang "
                "under hösten.",
                "Avustus konsertteihin, näyttelyihin ja muihin avoimiin "
                "tapahtumiin syksyllä.",
                "Grants for concerts, exhibitions and other public events in the "
                "autumn.",
            ),
            _text(
                "Föreningar som ordnar evenemang öppna för alla i Exempelstad.",
                "Yhdistykset, jotka järjestävät kaikille avoimia tapahtumia "
                "Esimerkkikaupungissa.",
                "Associations organising events open to everyone in Exempelstad.",
            ),
            eligibility=_TOWN_ELIGIBILITY,
            recurrence=_text(
                "Utlysningen öppnar igen i maj.",
                "Haku avautuu uudelleen toukokuussa.",
                "The call opens again in May.",
            ),
        ),
    },
    {
        "funder": "kulturfonden",
        "opens": -200,
        "deadline": -100,
        "amount": (1000, 15000, None),
        "purposes": ["kultur"],
        "targets": ["barn", "unga"],
        "apply_url": "https://www.kulturfonden.fi/",
        **_call(
            _text(
                "kulturprojekt-barn-och-unga",
                "kulttuurihankkeet-lapset-ja-nuoret",
                "culture-projects-children",
            ),
            _text(
                "Kulturprojekt för barn och unga",
                "Lasten ja nuorten kulttuurihankkeet",
                "Culture projects for children and young people",
            ),
            _text(
                "Stöd för teater, musik, konst och skrivande på svenska för barn "
                "och unga.",
                "Tukea ruotsinkieliseen teatteriin, musiikkiin, taiteeseen ja "
                "kirjoittamiseen lapsille ja nuorille.",
                "Support for theatre, music, art and writing in Swedish for "
                "children and young people.",
            ),
            _text(
                "Föreningar och grupper med svenskspråkig verksamhet.",
                "Yhdistykset ja ryhmät, joilla on ruotsinkielistä toimintaa.",
                "Associations and groups working in Swedish.",
            ),
            how=_OWN_HOW,
        ),
    },
]
