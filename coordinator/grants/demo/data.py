"""The demo's grants: one consistent town (Exempelstad, a bilingual Finnish
town), real-sounding funders, texts in Swedish, Finnish and English. Days
are relative to the day ``seed_demo`` runs."""

from __future__ import annotations

from ..factories import PRIVACY_TEXT

# key, kind, website, names
FUNDERS = [
    (
        "town",
        "town",
        "https://www.exempelstad.example/foreningar",
        {
            "sv": "Exempelstads kommun",
            "fi": "Esimerkkikaupungin kunta",
            "en": "Municipality of Exempelstad",
        },
    ),
    (
        "ministry",
        "state",
        "https://okm.fi/",
        {
            "sv": "Undervisnings- och kulturministeriet",
            "fi": "Opetus- ja kulttuuriministeriö",
            "en": "Ministry of Education and Culture",
        },
    ),
    (
        "stea",
        "state",
        "https://www.stea.fi/",
        {
            "sv": "Social- och hälsoorganisationernas understödscentral STEA",
            "fi": "Sosiaali- ja terveysjärjestöjen avustuskeskus STEA",
            "en": "Funding Centre for Social Welfare and Health Organisations STEA",
        },
    ),
    (
        "leader",
        "eu",
        "https://www.leader-kustbygd.example/",
        {
            "sv": "Leader Kustbygd (EU:s landsbygdsfond)",
            "fi": "Leader Rannikkoseutu (EU:n maaseuturahasto)",
            "en": "Leader Coastal Area (EU rural development fund)",
        },
    ),
    (
        "savings",
        "foundation",
        "https://www.sparbanksstiftelsen.example/",
        {
            "sv": "Exempelstads Sparbanksstiftelse",
            "fi": "Esimerkkikaupungin Säästöpankkisäätiö",
            "en": "Exempelstad Savings Bank Foundation",
        },
    ),
    (
        "kulturfonden",
        "foundation",
        "https://www.kulturfonden.fi/",
        {
            "sv": "Svenska kulturfonden",
            "fi": "Svenska kulturfonden",
            "en": "Svenska kulturfonden (Swedish Cultural Foundation in Finland)",
        },
    ),
]

INDEX = {
    "sv": {
        "title": "Bidrag",
        "intro": "<p>Här ser du vilka bidrag föreningar kan söka just nu och vilka "
        "som är på väg. Koordinatorn hjälper gärna till med ansökan.</p>",
        "help_text": "<p>Koordinatorn kan hjälpa er att välja rätt bidrag, göra en "
        "budget, skriva ansökan och redovisa efteråt. Du får svar inom fem "
        "arbetsdagar.</p>",
        "privacy_text": PRIVACY_TEXT,
        "privacy_version": "2026-11-24",
    },
    "fi": {
        "title": "Avustukset",
        "slug": "avustukset",
        "intro": "<p>Täältä näet, mitä avustuksia yhdistykset voivat hakea juuri nyt "
        "ja mitkä haut ovat tulossa. Koordinaattori auttaa mielellään "
        "hakemuksessa.</p>",
        "help_text": "<p>Koordinaattori voi auttaa valitsemaan oikean avustuksen, "
        "laatimaan budjetin, kirjoittamaan hakemuksen ja raportoimaan jälkikäteen. "
        "Saat vastauksen viiden arkipäivän kuluessa.</p>",
        "privacy_text": "<p>Koordinaattori käyttää nimeäsi, sähköpostiosoitettasi, "
        "puhelinnumeroasi ja kysymystäsi vain vastatakseen sinulle ja auttaakseen "
        "hakemuksessa.</p><ul><li>Oikeusperuste: suostumuksesi. Voit perua sen "
        "ottamalla yhteyttä koordinaattoriin, jolloin kysymys poistetaan.</li>"
        "<li>Kysymys poistetaan vuoden kuluttua siitä, kun siihen on vastattu.</li>"
        "<li>Tietoja ei luovuteta rahoittajalle eikä muille.</li></ul>",
        "privacy_version": "2026-11-24",
    },
    "en": {
        "title": "Grants",
        "slug": "grants",
        "intro": "<p>Here you can see which grants associations can apply for right "
        "now and which calls are coming up. The coordinator is happy to help with "
        "your application.</p>",
        "help_text": "<p>The coordinator can help you choose the right grant, draw "
        "up a budget, write the application and report afterwards. You will get "
        "an answer within five working days.</p>",
        "privacy_text": "<p>The coordinator uses your name, email address, phone "
        "number and question only to answer you and help with your "
        "application.</p><ul><li>Legal basis: your consent. You can withdraw it "
        "by contacting the coordinator, and we will delete your question.</li>"
        "<li>The question is deleted one year after it has been answered.</li>"
        "<li>Your details are not passed on to the funder or anyone else.</li></ul>",
        "privacy_version": "2026-11-24",
    },
}

_TOWN_HOW = {
    "sv": "<p>Ansök i kommunens e-tjänst. Bifoga verksamhetsplan, budget och "
    "senaste bokslut. Har ni inte nätbankskoder kan ni lämna in ansökan på "
    "papper i kommunhusets kundtjänst.</p>",
    "fi": "<p>Hae kunnan sähköisessä asiointipalvelussa. Liitä mukaan "
    "toimintasuunnitelma, talousarvio ja viimeisin tilinpäätös. Jos teillä ei ole "
    "verkkopankkitunnuksia, voitte jättää paperisen hakemuksen kunnantalon "
    "asiakaspalveluun.</p>",
    "en": "<p>Apply through the municipality's e-service. Attach your activity "
    "plan, budget and latest financial statement. If you have no online banking "
    "credentials, you can hand in a paper application at the town hall's "
    "customer service.</p>",
}
_TOWN_ELIGIBILITY = {
    "sv": "<ul><li>Föreningen är registrerad och har sin verksamhet i "
    "Exempelstad.</li><li>Verksamheten är öppen för alla och drogfri.</li>"
    "<li>Förra årets bidrag är redovisat.</li></ul>",
    "fi": "<ul><li>Yhdistys on rekisteröity ja toimii Esimerkkikaupungissa.</li>"
    "<li>Toiminta on avointa kaikille ja päihteetöntä.</li><li>Edellisen vuoden "
    "avustuksen käyttö on selvitetty.</li></ul>",
    "en": "<ul><li>The association is registered and active in Exempelstad.</li>"
    "<li>Its activities are open to everyone and free of alcohol and drugs.</li>"
    "<li>Last year's grant has been reported.</li></ul>",
}


def _text(sv: str, fi: str, en: str) -> dict[str, str]:
    return {"sv": sv, "fi": fi, "en": en}


def _call(
    slugs,
    titles,
    summaries,
    who,
    *,
    how=None,
    eligibility=None,
    easy=None,
    recurrence=None,
):
    texts = {}
    for code in ("sv", "fi", "en"):
        texts[code] = {
            "slug": slugs[code],
            "title": titles[code],
            "summary": summaries[code],
            "who_may_apply": f"<p>{who[code]}</p>",
            "how_to_apply": (how or _TOWN_HOW)[code],
            "eligibility": (eligibility or {}).get(code, ""),
            "easy_read_summary": (easy or {}).get(code, ""),
            "recurrence_note": (recurrence or {}).get(code, ""),
        }
    return texts


_OWN_HOW = _text(
    "<p>Ansökan görs på finansiärens webbplats. Läs anvisningarna noga innan du "
    "börjar.</p>",
    "<p>Hakemus tehdään rahoittajan verkkosivuilla. Lue ohjeet huolellisesti "
    "ennen kuin aloitat.</p>",
    "<p>You apply on the funder's website. Read the instructions carefully before "
    "you start.</p>",
)
