"""Set-up for self-service that ``seed_demo`` (and a production deploy via the
same command) calls. Idempotent."""

from __future__ import annotations

from django.conf import settings

from ..models import AssociationIndexPage, AssociationRegistrationPage
from .services import ensure_review_workflow

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


def ensure_registration_page() -> AssociationRegistrationPage | None:
    """The page at /foreningar/registrera/ under the register, and the review
    workflow. Returns None while there is no register to put it under."""
    index_page = (
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
    page.save_revision().publish()
    return page
