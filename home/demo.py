"""Swedish demo content for ``seed_demo``. Idempotent: pages are found by
slug under the home page and updated, never duplicated."""

from __future__ import annotations

import datetime

from django.conf import settings
from wagtail.models import Locale, Page, Site

from core.demo import publish, upsert_child

from .models import (
    AccessibilityStatementPage,
    HomePage,
    KnownAccessibilityProblem,
    SiteSettings,
    StandardPage,
)
from .services import sync_default_site

ABOUT_BODY = [
    ("heading", {"text": "Vad koordinatorn gör", "level": "h2"}),
    (
        "paragraph",
        "<p>Välfärds- och föreningskoordinatorn är kommunens kontaktperson för "
        "föreningslivet. Hen hjälper föreningar att söka bidrag, utveckla sin "
        "verksamhet och bygga hållbara strukturer, och är en länk mellan kommunen "
        "och föreningarna.</p>"
        "<ul><li>Råd om bidrag och ansökningar</li>"
        "<li>Gemensamma utbildningar för föreningsaktiva</li>"
        "<li>Nyhetsbrev om aktuella frågor</li>"
        "<li>Samordning av evenemang och nätverk mellan föreningar</li></ul>",
    ),
    ("heading", {"text": "Boka ett möte", "level": "h2"}),
    (
        "paragraph",
        "<p>Du kan boka ett möte på kommunhuset eller i din förenings lokal. "
        "Ring eller skicka e-post, så hittar vi en tid som passar.</p>",
    ),
    (
        "quote",
        {
            "text": "Föreningarna är kommunens viktigaste mötesplatser mot ensamhet.",
            "attribution": "Ur kommunfullmäktiges beslut om koordinatortjänsten",
        },
    ),
]

PRIVACY_BODY = [
    ("heading", {"text": "Vem ansvarar för dina personuppgifter?", "level": "h2"}),
    (
        "paragraph",
        "<p>Kommunstyrelsen är personuppgiftsansvarig för Föreningsnavet. Du når "
        "kommunens dataskyddsombud via kommunens växel.</p>",
    ),
    ("heading", {"text": "Vilka uppgifter vi behandlar och varför", "level": "h2"}),
    (
        "paragraph",
        "<ul><li><b>Föreningsregistret:</b> föreningens namn, verksamhet och "
        "kontaktuppgifter som föreningen själv väljer att visa. Rättslig grund: "
        "allmänt intresse.</li>"
        "<li><b>Föreningens kontaktpersoner:</b> namn, e-post och telefon, för att "
        "kommunen ska kunna nå föreningen. Visas aldrig publikt.</li>"
        "<li><b>Nyhetsbrev:</b> e-postadress och valda ämnen. Rättslig grund: "
        "samtycke, som du kan återkalla med ett klick i varje utskick.</li>"
        "<li><b>Anmälan till utbildningar:</b> namn, e-post och eventuella "
        "önskemål om kost eller tillgänglighet. Raderas sex månader efter "
        "utbildningen.</li></ul>",
    ),
    ("heading", {"text": "Dina rättigheter", "level": "h2"}),
    (
        "paragraph",
        "<p>Du har rätt att få veta vilka uppgifter vi har om dig, att få dem "
        "rättade eller raderade och att klaga hos Integritetsskyddsmyndigheten "
        "(IMY) eller, i Finland, hos Dataombudsmannens byrå.</p>",
    ),
]

KNOWN_PROBLEMS = [
    (
        KnownAccessibilityProblem.Situation.NO_VISION,
        "Några äldre PDF-dokument i bidragsarkivet saknar taggar och kan vara "
        "svåra att läsa med skärmläsare.",
        "Dokumenten är skannade från papper.",
        "Kontakta koordinatorn så skickar vi innehållet som vanlig text.",
        "Ersätts med tillgängliga dokument under våren 2027.",
    ),
    (
        KnownAccessibilityProblem.Situation.COGNITION,
        "Vissa texter om bidragsregler är långa och använder juridiska begrepp.",
        "Texterna följer kommunens bidragsreglemente ordagrant.",
        "Koordinatorn förklarar gärna reglerna per telefon.",
        "Sammanfattningar på lätt svenska tas fram under 2027.",
    ),
]


def ensure_locales() -> None:
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def seed_site() -> dict[str, Page]:
    ensure_locales()
    sync_default_site()
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    home.title = "Föreningsnavet"
    home.heading = "Föreningslivet i Exempelstad"
    home.intro = (
        "<p>Här hittar du föreningar i kommunen, bidrag att söka, utbildningar för "
        "föreningsaktiva och nyhetsbrevet från välfärds- och föreningskoordinatorn.</p>"
    )
    home.body = [
        (
            "call_to_action",
            {
                "heading": "Behöver din förening hjälp?",
                "text": "Koordinatorn hjälper till med bidragsansökningar, "
                "stadgar, styrelsearbete och samarbeten.",
                "page": None,
                "url": "",
                "button_text": "Läs om koordinatorn",
            },
        )
    ]
    about = upsert_child(
        home,
        StandardPage,
        "om",
        title="Om koordinatorn",
        intro="Välfärds- och föreningskoordinatorn är kommunens kontaktperson för "
        "föreningar, och finns till för att göra det lättare att driva förening.",
        body=ABOUT_BODY,
        show_in_menus=True,
    )
    home.body[0].value["page"] = about
    publish(home)

    privacy = upsert_child(
        home,
        StandardPage,
        "dataskydd",
        title="Dataskydd och personuppgifter",
        intro="Så här behandlar vi personuppgifter på Föreningsnavet.",
        body=PRIVACY_BODY,
    )
    accessibility = upsert_child(
        home,
        AccessibilityStatementPage,
        "tillganglighet",
        title="Tillgänglighetsredogörelse",
        organisation_name="Exempelstads kommun",
        intro="<p>Exempelstads kommun står bakom webbplatsen Föreningsnavet. Vi vill "
        "att så många som möjligt ska kunna använda den. Här beskriver vi hur "
        "Föreningsnavet uppfyller lagen om tillgänglighet till digital offentlig "
        "service, kända tillgänglighetsproblem och hur du kan rapportera brister "
        "till oss så att vi kan åtgärda dem.</p>",
        compliance="partial",
        compliance_text="<p>Webbplatsen är delvis förenlig på grund av de brister "
        "som beskrivs nedan.</p>",
        out_of_scope="<p>Dokument publicerade före den 23 september 2018 omfattas "
        "inte av lagen om de inte behövs för en pågående tjänst.</p>",
        assessment_method="self",
        assessment_date=datetime.date(2026, 10, 15),
        statement_updated=datetime.date(2026, 11, 2),
        feedback_text="<p>Koordinatorn tar emot återkopplingen och svarar inom fem "
        "arbetsdagar. Du kan också ringa eller skicka e-post, se kontaktuppgifterna "
        "längst ned på sidan.</p>",
        enforcement_text="<p>Myndigheten för digital förvaltning (DIGG) ansvarar för "
        "tillsynen av lagen. Om du inte är nöjd med hur vi hanterar dina synpunkter "
        'kan du <a href="https://www.digg.se/tdosanmalan">anmäla det till DIGG</a>. '
        "I Finland är tillsynsmyndigheten Regionförvaltningsverket i Södra Finland, "
        '<a href="https://www.tillganglighetskrav.fi">tillganglighetskrav.fi</a>.</p>',
    )
    accessibility.known_problems.all().delete()
    for situation, description, reason, alternative, fix in KNOWN_PROBLEMS:
        accessibility.known_problems.add(
            KnownAccessibilityProblem(
                situation=situation,
                description=description,
                reason=reason,
                alternative=alternative,
                planned_fix=fix,
            )
        )
    publish(accessibility)

    site_settings = SiteSettings.for_site(site)
    site_settings.town_name = "Exempelstads kommun"
    site_settings.coordinator_name = "Maria Lindqvist"
    site_settings.coordinator_title = "Välfärds- och föreningskoordinator"
    site_settings.email = "foreningar@exempelstad.se"
    site_settings.phone = "0123-45 67 89"
    site_settings.office_hours = "Telefontid måndag–torsdag kl. 9.00–11.00"
    site_settings.visiting_address = "Kommunhuset, Storgatan 1\n123 45 Exempelstad"
    site_settings.accessibility_page = accessibility
    site_settings.privacy_page = privacy
    site_settings.save()
    return {
        "home": home,
        "about": about,
        "privacy": privacy,
        "accessibility": accessibility,
    }
