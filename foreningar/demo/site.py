"""The register's pages and the vocabularies' translations for the demo.
Idempotent: what exists is kept."""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Locale, Site

from core.demo import publish

from ..factories import AssociationIndexPageFactory
from ..models import VOCABULARIES, AssociationIndexPage, AssociationRegistrationPage
from ..services import ensure_review_workflow
from ..vocabulary_data import VOCABULARIES as VOCABULARY_DATA
from .data import REGISTER_SLUG

PRIVACY_TEXT = (
    "<p>Kommunen behandlar ditt namn, din e-postadress, ditt telefonnummer och din "
    "roll i föreningen för att kunna nå föreningen och för att du ska kunna logga in "
    "och uppdatera föreningens uppgifter. Uppgifterna visas aldrig publikt.</p>"
    "<ul><li>Rättslig grund: ditt samtycke, som du kan återkalla genom att kontakta "
    "koordinatorn.</li>"
    "<li>Uppgifterna sparas så länge du är kontaktperson för föreningen. Lämnar du "
    "föreningen raderas de.</li>"
    "<li>Obekräftade registreringar raderas efter 30 dagar.</li></ul>"
)


def ensure_register_page() -> AssociationIndexPage:
    """The "Föreningar" page at /foreningar/, shown in menus."""
    home = Site.objects.get(is_default_site=True).root_page
    existing = (
        AssociationIndexPage.objects.child_of(home).filter(slug=REGISTER_SLUG).first()
    )
    if existing is not None:
        return existing
    return AssociationIndexPageFactory(
        parent=home,
        slug=REGISTER_SLUG,
        title="Föreningar",
        show_in_menus=True,
        intro="<p>Här hittar du föreningarna i kommunen. Sök på namn eller "
        "intresse, eller välj verksamhet, målgrupp, område och språk.</p>",
    )


def ensure_registration_page(
    index_page: AssociationIndexPage | None = None,
) -> AssociationRegistrationPage | None:
    """The page at /foreningar/registrera/ under the register, and the review
    workflow. Returns None while there is no register to put it under."""
    index_page = index_page or (
        AssociationIndexPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        )
        .order_by("path")
        .first()
    )
    if index_page is None:
        return None
    ensure_review_workflow()
    existing = AssociationRegistrationPage.objects.child_of(index_page).first()
    if existing is not None:
        return existing.specific
    page = AssociationRegistrationPage(
        title="Registrera din förening",
        slug="registrera",
        intro=(
            "<p>Registrera föreningen i kommunens föreningsregister, så hittar nya "
            "medlemmar och samarbetspartner er. Det kostar inget.</p>"
        ),
        privacy_text=PRIVACY_TEXT,
        privacy_version="2026-11-24",
        thank_you_text=(
            "<p>Du kan redan nu logga in på Min förening och följa registreringen.</p>"
        ),
        show_in_menus=False,
    )
    index_page.add_child(instance=page)
    return publish(page)


def ensure_vocabulary_translations() -> int:
    """Finnish and English names for the default vocabularies, for every
    locale that exists. Returns the number of rows created."""
    created = 0
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=["fi", "en"])
    }
    models = {spec.model._meta.model_name: spec.model for spec in VOCABULARIES}
    for model_name, rows in VOCABULARY_DATA.items():
        model = models[model_name]
        sources = {
            row.slug: row
            for row in model.objects.filter(
                locale__language_code=settings.LANGUAGE_CODE
            )
        }
        existing = set(
            model.objects.filter(locale__in=locales.values()).values_list(
                "locale__language_code", "slug"
            )
        )
        new = []
        for row in rows:
            source = sources.get(row[0])
            if source is None:
                continue
            for code, position in (("fi", 2), ("en", 3)):
                if code not in locales or (code, row[0]) in existing:
                    continue
                copy = source.copy_for_translation(locales[code])
                copy.name = row[position]
                new.append(copy)
        model.objects.bulk_create(new)
        created += len(new)
    return created


def ensure_for_associations_page(registration: AssociationRegistrationPage | None):
    """ "För föreningar" in the main menu: register, log in, get help. A plain
    StandardPage the coordinator edits like any other page. Idempotent."""
    from home.models import StandardPage

    home = Site.objects.get(is_default_site=True).root_page
    existing = StandardPage.objects.child_of(home).filter(slug="for-foreningar").first()
    if existing is not None:
        return existing
    body = [
        ("heading", {"text": "Ny i registret", "level": "h2"}),
        (
            "paragraph",
            "<p>Registrera föreningen så syns den i föreningsregistret. Du behöver "
            "föreningens namn, en kort beskrivning och din egen e-postadress. Det "
            "tar ungefär tio minuter och kostar inget.</p>",
        ),
    ]
    if registration is not None:
        body.append(
            (
                "call_to_action",
                {
                    "heading": "Registrera din förening",
                    "text": "Koordinatorn granskar uppgifterna innan de visas.",
                    "page": registration,
                    "url": "",
                    "button_text": "Till registreringen",
                },
            )
        )
    body += [
        ("heading", {"text": "Redan registrerad", "level": "h2"}),
        (
            "paragraph",
            '<p><a href="/min-forening/logga-in/">Logga in på Min förening</a> med en '
            "länk som vi skickar till din e-post. Där håller du föreningens "
            "uppgifter aktuella och lägger in evenemang.</p>",
        ),
        ("heading", {"text": "Behöver ni hjälp?", "level": "h2"}),
        (
            "paragraph",
            "<p>Välfärds- och föreningskoordinatorn hjälper med bidrag, stadgar, "
            "styrelsearbete och samarbeten. Kontaktuppgifterna finns längst ned på "
            "varje sida.</p>",
        ),
    ]
    page = StandardPage(
        title="För föreningar",
        slug="for-foreningar",
        intro="Registrera din förening, logga in på Min förening eller få hjälp "
        "av koordinatorn.",
        body=body,
        show_in_menus=True,
    )
    home.add_child(instance=page)
    return publish(page)
