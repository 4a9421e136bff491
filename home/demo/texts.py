"""The site's own demo pages in Swedish, Finnish and English, each written
for its reader (not word for word), for the demo town and its country.
Authorities come from ``core.country``, so the accessibility statement and
the privacy page name the supervisors of the country the site serves."""

from __future__ import annotations

from django.utils import translation

from core.country import Country

from .town import Town

LANGUAGES = ("sv", "fi", "en")

# Translated slugs of the site's pages (Swedish first).
SLUGS = {
    "about": {"sv": "om", "fi": "tietoa", "en": "about"},
    "privacy": {"sv": "dataskydd", "fi": "tietosuoja", "en": "privacy"},
    "accessibility": {
        "sv": "tillganglighet",
        "fi": "saavutettavuus",
        "en": "accessibility",
    },
    # Home pages sit side by side under the tree root ("hem" is the Swedish
    # one's); their slugs never show in addresses.
    "home": {"sv": "hem", "fi": "etusivu", "en": "home"},
}


# The supervisors' own pages in the reader's language, where they have one.
_AUTHORITY_PAGES = {
    "https://www.tillganglighetskrav.fi": {
        "fi": "https://www.saavutettavuusvaatimukset.fi",
        "en": "https://www.webaccessibility.fi",
    },
    "https://tietosuoja.fi/sv": {
        "fi": "https://tietosuoja.fi",
        "en": "https://tietosuoja.fi/en",
    },
}


def _authority(authority, language: str) -> str:
    with translation.override(language):
        return str(authority.name)


def _authority_url(authority, language: str) -> str:
    return _AUTHORITY_PAGES.get(authority.url, {}).get(language, authority.url)


def home(language: str, town: Town) -> dict:
    name = town.name[language]
    texts = {
        "sv": (
            f"Föreningar i {name}",
            f"<p>Hitta en förening i {name} efter intresse, område och målgrupp. "
            "Här finns också bidrag att söka, utbildningar för föreningsaktiva, "
            "evenemangskalendern och nyhetsbrevet från välfärds- och "
            "föreningskoordinatorn.</p>",
            "Behöver din förening hjälp?",
            "Koordinatorn hjälper till med bidragsansökningar, stadgar, "
            "styrelsearbete och samarbeten med andra föreningar.",
            "Läs om koordinatorn",
        ),
        "fi": (
            f"{town.name_fi_genitive} yhdistykset",
            f"<p>Löydä {town.name_fi_genitive} yhdistykset harrastuksen, "
            "asuinalueen ja kohderyhmän mukaan. Täältä löydät myös haettavat "
            "avustukset, koulutukset yhdistysaktiiveille, tapahtumakalenterin ja "
            "hyvinvointi- ja yhdistyskoordinaattorin uutiskirjeen.</p>",
            "Tarvitseeko yhdistyksesi apua?",
            "Koordinaattori auttaa avustushakemuksissa, säännöissä, hallitustyössä "
            "ja yhteistyössä muiden yhdistysten kanssa.",
            "Lue koordinaattorista",
        ),
        "en": (
            f"Associations in {name}",
            f"<p>Find an association in {name} by interest, area or who it is "
            "for. You will also find grants to apply for, trainings for people "
            "active in associations, the events calendar and the newsletter from "
            "the welfare and association coordinator.</p>",
            "Does your association need help?",
            "The coordinator helps with grant applications, rules, board work and "
            "working together with other associations.",
            "About the coordinator",
        ),
    }[language]
    title, intro, heading, text, button = texts
    return {
        "title": title,
        "intro": intro,
        "call_to_action": {
            "heading": heading,
            "text": text,
            "button_text": button,
        },
    }


def about(language: str, town: Town) -> dict:
    municipality = town.municipality[language]
    if language == "fi":
        return {
            "title": "Tietoa koordinaattorista",
            "intro": "Hyvinvointi- ja yhdistyskoordinaattori on "
            f"{town.municipality_fi_genitive} yhteyshenkilö yhdistyksille. Hänen "
            "tehtävänsä on helpottaa yhdistystoimintaa.",
            "body": [
                ("heading", {"text": "Mitä koordinaattori tekee", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Koordinaattori auttaa yhdistyksiä hakemaan avustuksia, "
                    "kehittämään toimintaansa ja rakentamaan kestäviä käytäntöjä. "
                    "Hän on linkki kaupungin ja yhdistysten välillä.</p>"
                    "<ul><li>Neuvoja avustuksista ja hakemuksista</li>"
                    "<li>Yhteisiä koulutuksia yhdistysaktiiveille</li>"
                    "<li>Uutiskirje ajankohtaisista asioista</li>"
                    "<li>Tapahtumien yhteensovittamista ja yhdistysten "
                    "verkostoja</li></ul>",
                ),
                ("heading", {"text": "Varaa tapaaminen", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Voit tavata koordinaattorin kaupungintalolla tai "
                    "yhdistyksesi tiloissa. Soita tai lähetä sähköpostia, niin "
                    "sovitaan sopiva aika. Palvelemme suomeksi ja ruotsiksi.</p>",
                ),
            ],
        }
    if language == "en":
        return {
            "title": "About the coordinator",
            "intro": f"The welfare and association coordinator is the {municipality}'s "
            "contact person for local associations, there to make running an "
            "association easier.",
            "body": [
                ("heading", {"text": "What the coordinator does", "level": "h2"}),
                (
                    "paragraph",
                    "<p>The coordinator helps associations apply for grants, "
                    "develop what they do and build structures that last, and "
                    "links the town and its associations.</p>"
                    "<ul><li>Advice on grants and applications</li>"
                    "<li>Joint trainings for people active in associations</li>"
                    "<li>A newsletter on current matters</li>"
                    "<li>Coordinating events and networks between "
                    "associations</li></ul>",
                ),
                ("heading", {"text": "Book a meeting", "level": "h2"}),
                (
                    "paragraph",
                    "<p>You can meet the coordinator at the town hall or at your "
                    "association's premises. Call or email and we will find a "
                    "time. We can meet in English, Swedish or Finnish.</p>",
                ),
            ],
        }
    return {
        "title": "Om koordinatorn",
        "intro": "Välfärds- och föreningskoordinatorn är kommunens kontaktperson "
        "för föreningar, och finns till för att göra det lättare att driva "
        "förening.",
        "body": [
            ("heading", {"text": "Vad koordinatorn gör", "level": "h2"}),
            (
                "paragraph",
                "<p>Välfärds- och föreningskoordinatorn hjälper föreningar att "
                "söka bidrag, utveckla sin verksamhet och bygga hållbara "
                "strukturer, och är en länk mellan kommunen och föreningarna.</p>"
                "<ul><li>Råd om bidrag och ansökningar</li>"
                "<li>Gemensamma utbildningar för föreningsaktiva</li>"
                "<li>Nyhetsbrev om aktuella frågor</li>"
                "<li>Samordning av evenemang och nätverk mellan föreningar</li></ul>",
            ),
            ("heading", {"text": "Boka ett möte", "level": "h2"}),
            (
                "paragraph",
                "<p>Du kan boka ett möte på kommunhuset eller i din förenings "
                "lokal. Ring eller skicka e-post, så hittar vi en tid som passar."
                "</p>",
            ),
        ],
    }


def privacy(language: str, town: Town, country: Country) -> dict:
    municipality = town.municipality[language]
    authority = country.data_protection_authority
    authority_link = (
        f'<a href="{_authority_url(authority, language)}">'
        f"{_authority(authority, language)}</a>"
    )
    if language == "fi":
        return {
            "title": "Tietosuoja ja henkilötiedot",
            "intro": "Näin käsittelemme henkilötietoja Föreningsnavetissa.",
            "body": [
                ("heading", {"text": "Kuka vastaa tiedoistasi?", "level": "h2"}),
                (
                    "paragraph",
                    f"<p>{municipality} on Föreningsnavetin rekisterinpitäjä. "
                    "Tietosuojavastaavan tavoitat vaihteen kautta.</p>",
                ),
                (
                    "heading",
                    {"text": "Mitä tietoja käsittelemme ja miksi", "level": "h2"},
                ),
                (
                    "paragraph",
                    "<ul><li><b>Yhdistysrekisteri:</b> yhdistyksen nimi, toiminta "
                    "ja yhteystiedot, jotka yhdistys itse haluaa näyttää. Peruste: "
                    "yleinen etu.</li>"
                    "<li><b>Yhdistysten yhteyshenkilöt:</b> nimi, sähköposti ja "
                    "puhelin, jotta kaupunki tavoittaa yhdistyksen. Niitä ei "
                    "näytetä julkisesti.</li>"
                    "<li><b>Avustukset:</b> kun pyydät koordinaattorilta apua "
                    "hakemukseen, nimesi, yhteystietosi ja viestisi. Poistetaan "
                    "vuoden kuluttua asian käsittelystä.</li>"
                    "<li><b>Koulutuksiin ilmoittautuminen:</b> nimi, sähköposti ja "
                    "mahdolliset ruokavalio- tai saavutettavuustoiveet. "
                    "Poistetaan kuuden kuukauden kuluttua koulutuksesta.</li>"
                    "<li><b>Uutiskirje:</b> sähköpostiosoite, kieli ja valitut "
                    "aiheet. Peruste: suostumus, jonka voit perua yhdellä "
                    "napsautuksella jokaisessa kirjeessä.</li></ul>",
                ),
                ("heading", {"text": "Oikeutesi", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Sinulla on oikeus tietää, mitä tietoja sinusta on, saada ne "
                    "korjatuiksi tai poistetuiksi ja tehdä valitus valvovalle "
                    f"viranomaiselle: {authority_link}.</p>",
                ),
            ],
        }
    if language == "en":
        return {
            "title": "Privacy and personal data",
            "intro": "How we handle personal data on Föreningsnavet.",
            "body": [
                (
                    "heading",
                    {"text": "Who is responsible for your data?", "level": "h2"},
                ),
                (
                    "paragraph",
                    f"<p>The {municipality} is the controller of Föreningsnavet. "
                    "You can reach its data protection officer through the town's "
                    "switchboard.</p>",
                ),
                ("heading", {"text": "What we handle and why", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li><b>The register of associations:</b> the "
                    "association's name, activities and the contact details it "
                    "chooses to show. Legal basis: public interest.</li>"
                    "<li><b>Associations' contact people:</b> name, email and "
                    "phone, so the town can reach the association. Never shown "
                    "publicly.</li>"
                    "<li><b>Grants:</b> when you ask the coordinator for help with "
                    "an application, your name, contact details and message. "
                    "Erased a year after the request is closed.</li>"
                    "<li><b>Training sign-ups:</b> name, email and any dietary or "
                    "access needs. Erased six months after the training.</li>"
                    "<li><b>Newsletter:</b> email address, language and chosen "
                    "topics. Legal basis: consent, which you can withdraw with one "
                    "click in every issue.</li></ul>",
                ),
                ("heading", {"text": "Your rights", "level": "h2"}),
                (
                    "paragraph",
                    "<p>You have the right to know what data we hold about you, to "
                    "have it corrected or erased, and to complain to the "
                    f"supervisory authority, {authority_link}.</p>",
                ),
            ],
        }
    return {
        "title": "Dataskydd och personuppgifter",
        "intro": "Så här behandlar vi personuppgifter på Föreningsnavet.",
        "body": [
            (
                "heading",
                {"text": "Vem ansvarar för dina personuppgifter?", "level": "h2"},
            ),
            (
                "paragraph",
                f"<p>{municipality} är personuppgiftsansvarig för Föreningsnavet. "
                "Du når dataskyddsombudet via växeln.</p>",
            ),
            (
                "heading",
                {"text": "Vilka uppgifter vi behandlar och varför", "level": "h2"},
            ),
            (
                "paragraph",
                "<ul><li><b>Föreningsregistret:</b> föreningens namn, verksamhet och "
                "kontaktuppgifter som föreningen själv väljer att visa. Rättslig "
                "grund: allmänt intresse.</li>"
                "<li><b>Föreningens kontaktpersoner:</b> namn, e-post och telefon, "
                "för att kommunen ska kunna nå föreningen. Visas aldrig publikt.</li>"
                "<li><b>Bidrag:</b> när du ber koordinatorn om hjälp med en "
                "ansökan, ditt namn, dina kontaktuppgifter och ditt meddelande. "
                "Raderas ett år efter att ärendet är avslutat.</li>"
                "<li><b>Anmälan till utbildningar:</b> namn, e-post och eventuella "
                "önskemål om kost eller tillgänglighet. Raderas sex månader efter "
                "utbildningen.</li>"
                "<li><b>Nyhetsbrev:</b> e-postadress, språk och valda ämnen. "
                "Rättslig grund: samtycke, som du kan återkalla med ett klick i "
                "varje utskick.</li></ul>",
            ),
            ("heading", {"text": "Dina rättigheter", "level": "h2"}),
            (
                "paragraph",
                "<p>Du har rätt att få veta vilka uppgifter vi har om dig, att få "
                "dem rättade eller raderade och att klaga hos "
                f"tillsynsmyndigheten, {authority_link}.</p>",
            ),
        ],
    }


# (situation, description, reason, alternative, planned fix) by language.
KNOWN_PROBLEMS = {
    "sv": [
        (
            "cognition",
            "Föreningarnas egna beskrivningar skrivs av föreningarna själva och är "
            "inte alltid lätta att läsa.",
            "Texterna är föreningarnas egna; vi ändrar dem inte.",
            "Koordinatorn berättar gärna om föreningen per telefon.",
            "Föreningarna får skrivtips i utbildningen våren 2027.",
        ),
        (
            "no_vision",
            "Några logotyper som föreningarna laddat upp saknar en beskrivning som "
            "säger mer än föreningens namn.",
            "Logotyperna laddas upp av föreningarna.",
            "Föreningens namn står alltid som text bredvid logotypen.",
            "Vi påminner föreningarna när de uppdaterar sina uppgifter.",
        ),
    ],
    "fi": [
        (
            "cognition",
            "Yhdistysten esittelytekstit ovat yhdistysten itse kirjoittamia, eivätkä "
            "ne aina ole helppolukuisia.",
            "Tekstit ovat yhdistysten omia, emmekä muokkaa niitä.",
            "Koordinaattori kertoo yhdistyksestä mielellään puhelimessa.",
            "Yhdistykset saavat kirjoitusvinkkejä koulutuksessa keväällä 2027.",
        ),
        (
            "no_vision",
            "Osasta yhdistysten lataamista logoista puuttuu kuvaus, joka kertoisi "
            "muuta kuin yhdistyksen nimen.",
            "Yhdistykset lataavat logot itse.",
            "Yhdistyksen nimi on aina tekstinä logon vieressä.",
            "Muistutamme yhdistyksiä, kun ne päivittävät tietojaan.",
        ),
    ],
    "en": [
        (
            "cognition",
            "Associations write their own descriptions, and these are not always "
            "easy to read.",
            "The texts are the associations' own; we do not edit them.",
            "The coordinator is happy to tell you about an association by phone.",
            "Associations get writing tips at a training in spring 2027.",
        ),
        (
            "no_vision",
            "Some logos uploaded by associations have no description beyond the "
            "association's name.",
            "Associations upload their own logos.",
            "The association's name is always shown as text next to the logo.",
            "We remind associations when they update their details.",
        ),
    ],
}


def accessibility(language: str, town: Town, country: Country) -> dict:
    municipality = town.municipality[language]
    authority = country.accessibility_authority
    name = _authority(authority, language)
    url = _authority_url(authority, language)
    site = url.removeprefix("https://").removeprefix("www.")
    if country.code == "se":
        law = {
            "sv": "lagen (2018:1937) om tillgänglighet till digital offentlig service",
            "fi": "Ruotsin lakia digitaalisen julkisen palvelun saavutettavuudesta "
            "(2018:1937)",
            "en": "the Swedish Act on accessibility of digital public services "
            "(2018:1937)",
        }[language]
    else:
        law = {
            "sv": "lagen om tillhandahållande av digitala tjänster (306/2019)",
            "fi": "digitaalisten palvelujen tarjoamisesta annettua lakia (306/2019)",
            "en": "the Act on the Provision of Digital Services (306/2019)",
        }[language]
    if language == "fi":
        return {
            "title": "Saavutettavuusseloste",
            "organisation_name": municipality,
            "intro": f"<p>{municipality} vastaa Föreningsnavet-sivustosta. Haluamme, "
            "että mahdollisimman moni voi käyttää sitä. Tässä selosteessa "
            f"kerromme, miten sivusto noudattaa {law}, mitkä ovat tunnetut "
            "saavutettavuuden puutteet ja miten voit ilmoittaa meille "
            "ongelmista.</p>",
            "compliance_text": "<p>Sivusto täyttää vaatimukset osittain alla "
            "kuvattujen puutteiden vuoksi.</p>",
            "out_of_scope": "<p>Ennen 23.9.2018 julkaistut tiedostot eivät kuulu "
            "lain piiriin, ellei niitä tarvita käynnissä olevaan palveluun.</p>",
            "feedback_text": "<p>Koordinaattori käsittelee palautteen ja vastaa "
            "viiden arkipäivän kuluessa. Voit myös soittaa tai lähettää "
            "sähköpostia; yhteystiedot ovat sivun alareunassa.</p>",
            "enforcement_text": f"<p>Valvova viranomainen on {name}. Jos et ole "
            "tyytyväinen vastaukseemme, voit tehdä ilmoituksen valvovalle "
            f'viranomaiselle: <a href="{url}">{site}</a>.</p>',
        }
    if language == "en":
        return {
            "title": "Accessibility statement",
            "organisation_name": municipality,
            "intro": f"<p>The {municipality} runs the Föreningsnavet website. We "
            "want as many people as possible to be able to use it. This statement "
            f"describes how it meets {law}, the accessibility problems we know "
            "of, and how to tell us about problems so we can fix them.</p>",
            "compliance_text": "<p>The website partly meets the requirements "
            "because of the problems listed below.</p>",
            "out_of_scope": "<p>Files published before 23 September 2018 are not "
            "covered by the law unless they are needed for a current service.</p>",
            "feedback_text": "<p>The coordinator handles feedback and answers "
            "within five working days. You can also call or email; the contact "
            "details are at the bottom of the page.</p>",
            "enforcement_text": f"<p>The supervisory authority is the {name}. If "
            "you are not happy with our answer, you can report it to them at "
            f'<a href="{url}">{site}</a>.</p>',
        }
    return {
        "title": "Tillgänglighetsredogörelse",
        "organisation_name": municipality,
        "intro": f"<p>{municipality} står bakom webbplatsen Föreningsnavet. Vi vill "
        "att så många som möjligt ska kunna använda den. Här beskriver vi hur "
        f"Föreningsnavet uppfyller {law}, kända tillgänglighetsproblem och hur "
        "du kan rapportera brister till oss så att vi kan åtgärda dem.</p>",
        "compliance_text": "<p>Webbplatsen är delvis förenlig på grund av de "
        "brister som beskrivs nedan.</p>",
        "out_of_scope": "<p>Dokument publicerade före den 23 september 2018 "
        "omfattas inte av lagen om de inte behövs för en pågående tjänst.</p>",
        "feedback_text": "<p>Koordinatorn tar emot återkopplingen och svarar inom "
        "fem arbetsdagar. Du kan också ringa eller skicka e-post, se "
        "kontaktuppgifterna längst ned på sidan.</p>",
        "enforcement_text": f"<p>{name} ansvarar för tillsynen. Om du inte är "
        "nöjd med hur vi hanterar dina synpunkter kan du anmäla det till "
        f'tillsynsmyndigheten: <a href="{url}">{site}</a>.</p>',
    }
