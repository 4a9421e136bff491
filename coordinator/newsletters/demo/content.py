"""The archive and three newsletters of Exempelstad, in Swedish, Finnish and
English. Idempotent: pages are found by slug and updated."""

from __future__ import annotations

import datetime

from django.utils import timezone
from wagtail.models import Page, Site

from core.demo import translate, upsert_child

from ..factories import PRIVACY_TEXT
from ..models import NewsletterIndexPage, NewsletterPage, Topic

ARCHIVE_SLUG = "nyhetsbrev"

PRIVACY = {
    "fi": (
        "<p>Käytämme sähköpostiosoitettasi, nimeäsi (jos annat sen), valitsemiasi "
        "aiheita ja kieltäsi vain uutiskirjeen lähettämiseen. Oikeusperuste on "
        "suostumuksesi.</p><ul><li>Voit lopettaa tilauksen milloin tahansa "
        "jokaisen uutiskirjeen lopussa olevasta linkistä.</li><li>Vahvistamattomat "
        "osoitteet poistetaan 30 päivän kuluttua.</li><li>Tietoja ei luovuteta "
        "kenellekään muulle.</li></ul>"
    ),
    "en": (
        "<p>We use your email address, your name if you give it, your topics and "
        "your language only to send you the newsletter. The legal basis is your "
        "consent.</p><ul><li>You can unsubscribe at any time with the link in every "
        "newsletter.</li><li>Unconfirmed addresses are deleted after 30 days.</li>"
        "<li>Your details are never passed on to anyone else.</li></ul>"
    ),
}

ARCHIVE_TEXT = {
    "sv": (
        "Nyhetsbrev",
        "nyhetsbrev",
        "<p>Koordinatorns nyhetsbrev kommer ungefär en gång i månaden med bidrag "
        "att söka, utbildningar för föreningsaktiva och evenemang i Exempelstad.</p>",
    ),
    "fi": (
        "Uutiskirje",
        "uutiskirje",
        "<p>Koordinaattorin uutiskirje ilmestyy noin kerran kuukaudessa. Siinä "
        "kerrotaan haettavista avustuksista, koulutuksista yhdistysaktiiveille ja "
        "tapahtumista Esimerkkikaupungissa.</p>",
    ),
    "en": (
        "Newsletter",
        "newsletter",
        "<p>The coordinator's newsletter comes about once a month with grants to "
        "apply for, trainings for association volunteers and events in "
        "Exempelstad.</p>",
    ),
}

# slug, publication date (days ago), topics, and per language: title,
# preheader, intro heading, paragraph, button text.
ISSUES = [
    (
        "nyhetsbrev-november-2026",
        3,
        ["foreningsnytt", "bidrag", "utbildningar", "evenemang"],
        {
            "sv": (
                "Nyhetsbrev november 2026",
                "Verksamhetsbidraget för 2027 går att söka, och i december lär vi oss mer om bokföring.",
                "Dags att söka verksamhetsbidrag",
                "<p>Föreningar i Exempelstad kan nu söka <b>verksamhetsbidrag för 2027</b>. "
                "Bidraget är till för föreningens löpande verksamhet: lokalhyra, material "
                "och ledarutbildning. Ansökan lämnas senast den 31 januari.</p>"
                "<p>Koordinatorn hjälper gärna till med ansökan. Boka en tid på "
                "kommunhuset eller ring under telefontiden.</p>",
                "Hitta en förening",
            ),
            "fi": (
                "Uutiskirje marraskuu 2026",
                "Vuoden 2027 toiminta-avustusta voi nyt hakea, ja joulukuussa opimme lisää kirjanpidosta.",
                "Toiminta-avustuksen haku on alkanut",
                "<p>Esimerkkikaupungin yhdistykset voivat nyt hakea <b>toiminta-avustusta "
                "vuodelle 2027</b>. Avustus on tarkoitettu yhdistyksen tavalliseen "
                "toimintaan: tilavuokriin, tarvikkeisiin ja ohjaajien koulutukseen. "
                "Hakemus on jätettävä viimeistään 31. tammikuuta.</p>"
                "<p>Koordinaattori auttaa mielellään hakemuksen kanssa. Varaa aika "
                "kunnantalolle tai soita puhelinaikana.</p>",
                "Löydä yhdistys",
            ),
            "en": (
                "Newsletter November 2026",
                "Apply now for the 2027 operating grant, and learn more about bookkeeping in December.",
                "Time to apply for operating grants",
                "<p>Associations in Exempelstad can now apply for the <b>operating grant "
                "for 2027</b>. It covers an association's everyday activities: rent for "
                "premises, materials and training for leaders. Applications close on "
                "31 January.</p><p>The coordinator is happy to help with your "
                "application. Book a meeting at the town hall or call during phone "
                "hours.</p>",
                "Find an association",
            ),
        },
    ),
    (
        "nyhetsbrev-oktober-2026",
        34,
        ["foreningsnytt", "evenemang"],
        {
            "sv": (
                "Nyhetsbrev oktober 2026",
                "Föreningsmässan i Kyrkbyn samlade 40 föreningar. Tack till alla som var med!",
                "Tack för en fin föreningsmässa",
                "<p>Över 600 besökare kom till föreningsmässan i Kyrkbyns skola den "
                "10 oktober. Fyrtio föreningar visade upp sin verksamhet och flera fick "
                "nya medlemmar och volontärer samma dag.</p>"
                "<ul><li>Nästa mässa hålls hösten 2027.</li>"
                "<li>Har ni idéer om hur mässan kan bli bättre? Svara på det här "
                "meddelandet.</li></ul>",
                "Läs om koordinatorn",
            ),
            "fi": (
                "Uutiskirje lokakuu 2026",
                "Kirkonkylän yhdistysmessuilla oli mukana 40 yhdistystä. Kiitos kaikille osallistujille!",
                "Kiitos onnistuneista yhdistysmessuista",
                "<p>Kirkonkylän koululla 10. lokakuuta järjestetyillä yhdistysmessuilla "
                "kävi yli 600 vierasta. Neljäkymmentä yhdistystä esitteli toimintaansa, "
                "ja moni sai uusia jäseniä ja vapaaehtoisia jo samana päivänä.</p>"
                "<ul><li>Seuraavat messut järjestetään syksyllä 2027.</li>"
                "<li>Onko teillä ideoita messujen kehittämiseksi? Vastaa tähän "
                "viestiin.</li></ul>",
                "Lue koordinaattorista",
            ),
            "en": (
                "Newsletter October 2026",
                "Forty associations took part in the association fair in Kyrkbyn. Thank you, everyone!",
                "Thank you for a great association fair",
                "<p>More than 600 visitors came to the association fair at Kyrkbyn school "
                "on 10 October. Forty associations showed what they do, and several "
                "found new members and volunteers the same day.</p>"
                "<ul><li>The next fair will be held in autumn 2027.</li>"
                "<li>Do you have ideas for making the fair better? Reply to this "
                "email.</li></ul>",
                "About the coordinator",
            ),
        },
    ),
    (
        "nyhetsbrev-september-2026",
        65,
        ["utbildningar", "bidrag"],
        {
            "sv": (
                "Nyhetsbrev september 2026",
                "Höstens utbildningar för styrelser, och ett nytt bidrag för trygghetsarbete.",
                "Höstens utbildningar",
                "<p>I höst ordnar koordinatorn tre kvällsutbildningar för föreningsaktiva: "
                "<b>styrelsearbete för nya ledamöter</b>, <b>att söka bidrag</b> och "
                "<b>tillgängliga möten</b>. Utbildningarna är avgiftsfria och hålls på "
                "kommunhuset.</p>"
                "<h3>Nytt bidrag för grannsamverkan</h3>"
                "<p>Föreningar som arbetar med trygghet i sitt bostadsområde kan söka "
                "upp till 2 000 euro för till exempel trygghetsvandringar.</p>",
                "Se alla föreningar",
            ),
            "fi": (
                "Uutiskirje syyskuu 2026",
                "Syksyn koulutukset hallituksille ja uusi avustus turvallisuustyöhön.",
                "Syksyn koulutukset",
                "<p>Syksyllä koordinaattori järjestää kolme iltakoulutusta "
                "yhdistysaktiiveille: <b>hallitustyö uusille jäsenille</b>, <b>avustusten "
                "hakeminen</b> ja <b>saavutettavat kokoukset</b>. Koulutukset ovat "
                "maksuttomia, ja ne pidetään kunnantalolla.</p>"
                "<h3>Uusi avustus naapuruusyhteistyöhön</h3>"
                "<p>Asuinalueensa turvallisuuden parissa toimivat yhdistykset voivat "
                "hakea enintään 2 000 euroa esimerkiksi turvallisuuskävelyihin.</p>",
                "Katso kaikki yhdistykset",
            ),
            "en": (
                "Newsletter September 2026",
                "This autumn's trainings for boards, and a new grant for neighbourhood safety.",
                "Trainings this autumn",
                "<p>This autumn the coordinator runs three evening trainings for "
                "association volunteers: <b>board work for new members</b>, <b>applying "
                "for grants</b> and <b>accessible meetings</b>. They are free and held at "
                "the town hall.</p>"
                "<h3>New grant for neighbourhood watch</h3>"
                "<p>Associations working for safety in their neighbourhood can apply for "
                "up to 2,000 euros, for example for safety walks.</p>",
                "See all associations",
            ),
        },
    ),
]


def ensure_archive() -> NewsletterIndexPage:
    """The archive at /nyhetsbrev/ (in the menu) and its translations."""
    home = Site.objects.get(is_default_site=True).root_page
    title, slug, intro = ARCHIVE_TEXT["sv"]
    archive = (
        NewsletterIndexPage.objects.child_of(home).filter(slug=ARCHIVE_SLUG).first()
    )
    if archive is None:
        archive = upsert_child(
            home,
            NewsletterIndexPage,
            ARCHIVE_SLUG,
            title=title,
            intro=intro,
            privacy_text=PRIVACY_TEXT,
            privacy_version="2026-11-24",
            show_in_menus=True,
        )
    for code in ("fi", "en"):
        title, slug, intro = ARCHIVE_TEXT[code]
        translate(
            archive,
            code,
            title=title,
            slug=slug,
            intro=intro,
            privacy_text=PRIVACY[code],
        )
    return archive


def _body(language: str, texts, related: dict[str, Page | None]) -> list:
    _title, _preheader, heading, paragraph, button = texts
    body = [
        ("heading", {"text": heading, "level": "h2"}),
        ("paragraph", paragraph),
        (
            "grant_deadlines",
            {"heading": "", "days": 90, "limit": 5, "target_group": ""},
        ),
        (
            "upcoming_events",
            {"heading": "", "days": 60, "limit": 5, "target_group": ""},
        ),
    ]
    if related["association"] is not None:
        body.append(("spotlight", {"association": related["association"], "text": ""}))
    body.append(("divider", None))
    if related["button"] is not None:
        body.append(("button", {"text": button, "page": related["button"], "url": ""}))
    return body


def seed_issues(archive: NewsletterIndexPage) -> int:
    from foreningar.models import AssociationIndexPage, AssociationPage

    association = (
        AssociationPage.objects.live()
        .filter(listed_publicly=True)
        .order_by("path")
        .first()
    )
    register = (
        AssociationIndexPage.objects.live().filter(locale_id=archive.locale_id).first()
    )
    about = Page.objects.child_of(archive.get_parent()).filter(slug="om").first()
    topics = {t.slug: t for t in Topic.objects.filter(locale_id=archive.locale_id)}
    for slug, days_ago, topic_slugs, texts in ISSUES:
        related = {
            "association": association,
            "button": about if slug == "nyhetsbrev-oktober-2026" else register,
        }
        title, preheader, *_rest = texts["sv"]
        page = upsert_child(
            archive,
            NewsletterPage,
            slug,
            title=title,
            preheader=preheader,
            body=_body("sv", texts["sv"], related),
            topics=[topics[s] for s in topic_slugs if s in topics],
        )
        published = timezone.now() - datetime.timedelta(days=days_ago)
        pages = [page]
        for code in ("fi", "en"):
            title, preheader, *_rest = texts[code]
            pages.append(
                translate(
                    page,
                    code,
                    title=title,
                    slug=slug,
                    preheader=preheader,
                    body=_body(code, texts[code], related),
                )
            )
        NewsletterPage.objects.filter(pk__in=[p.pk for p in pages]).update(
            first_published_at=published
        )
    return len(ISSUES)
