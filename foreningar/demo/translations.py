"""Finnish and English versions of the register's own pages for the demo
(the associations themselves are not copied: a translated register lists the
one register), and a demo representative to try Min förening with."""

from __future__ import annotations

from wagtail.models import Locale

from core.demo import translate

from ..models import (
    AssociationIndexPage,
    AssociationPage,
    AssociationRegistrationPage,
    Representative,
    RepresentativeLink,
)
from ..services.links import login_link_context

REGISTER = {
    "fi": {
        "title": "Yhdistykset",
        "slug": "yhdistykset",
        "intro": "<p>Täältä löydät kunnan yhdistykset. Hae nimellä tai "
        "harrastuksella, tai valitse toiminta, kohderyhmä, alue ja kieli.</p>",
    },
    "en": {
        "title": "Associations",
        "slug": "associations",
        "intro": "<p>Find the associations in the municipality. Search by name or "
        "interest, or choose an activity, who it is for, an area and a "
        "language.</p>",
    },
}

PRIVACY_TEXT = {
    "fi": (
        "<p>Kaupunki käsittelee nimeäsi, sähköpostiosoitettasi, puhelinnumeroasi "
        "ja rooliasi yhdistyksessä, jotta se tavoittaa yhdistyksen ja jotta voit "
        "kirjautua päivittämään yhdistyksen tietoja. Tietoja ei näytetä "
        "julkisesti.</p>"
        "<ul><li>Peruste: suostumuksesi, jonka voit perua ottamalla yhteyttä "
        "koordinaattoriin.</li>"
        "<li>Tiedot säilytetään niin kauan kuin olet yhdistyksen yhteyshenkilö. "
        "Kun lopetat, ne poistetaan.</li>"
        "<li>Vahvistamattomat rekisteröinnit poistetaan 30 päivän kuluttua.</li>"
        "</ul>"
    ),
    "en": (
        "<p>The town handles your name, email address, phone number and role in "
        "the association so that it can reach the association and so that you "
        "can log in and keep its details up to date. They are never shown "
        "publicly.</p>"
        "<ul><li>Legal basis: your consent, which you can withdraw by contacting "
        "the coordinator.</li>"
        "<li>We keep them while you are a contact person for the association and "
        "erase them when you stop.</li>"
        "<li>Registrations that are never confirmed are erased after 30 days."
        "</li></ul>"
    ),
}

REGISTRATION = {
    "fi": {
        "title": "Rekisteröi yhdistyksesi",
        "slug": "rekisteroi",
        "intro": "<p>Rekisteröi yhdistys kunnan yhdistysrekisteriin, niin uudet "
        "jäsenet ja yhteistyökumppanit löytävät teidät. Se on maksutonta.</p>",
        "thank_you_text": "<p>Voit jo nyt kirjautua Oma yhdistys -sivulle ja "
        "seurata rekisteröinnin etenemistä.</p>",
        "privacy_text": PRIVACY_TEXT["fi"],
    },
    "en": {
        "title": "Register your association",
        "slug": "register",
        "intro": "<p>Add your association to the municipality's register so new "
        "members and partners can find you. It is free.</p>",
        "thank_you_text": "<p>You can already log in to My association and follow "
        "the registration.</p>",
        "privacy_text": PRIVACY_TEXT["en"],
    },
}


def translate_register(
    register: AssociationIndexPage, registration: AssociationRegistrationPage | None
) -> int:
    """The register and registration pages in Finnish and English."""
    count = 0
    for language in ("fi", "en"):
        if not Locale.objects.filter(language_code=language).exists():
            continue
        translate(register, language, show_in_menus=True, **REGISTER[language])
        count += 1
        if registration is not None:
            translate(
                registration,
                language,
                privacy_version=registration.privacy_version,
                **REGISTRATION[language],
            )
            count += 1
    return count


DEMO_REPRESENTATIVE = {
    "email": "anna.berg@example.net",
    "name": "Anna Berg",
    "role": "Ordförande",
}


def demo_representative_link(register: AssociationIndexPage) -> str | None:
    """A representative of the register's first association and a fresh
    login link (valid 7 days) for the console, so a newcomer can try Min
    förening. None while there are no associations."""
    association = (
        AssociationPage.objects.child_of(register).live().order_by("path").first()
    )
    if association is None:
        return None
    representative, _created = Representative.objects.get_or_create(
        email=DEMO_REPRESENTATIVE["email"],
        defaults={"name": DEMO_REPRESENTATIVE["name"]},
    )
    RepresentativeLink.objects.get_or_create(
        representative=representative,
        association=association,
        defaults={"role": DEMO_REPRESENTATIVE["role"]},
    )
    link = login_link_context(representative, long=True)
    return (
        f"\nMin förening: logga in som {representative.name} "
        f"({representative.email}), representant för {association.title}, med "
        f"länken nedan. Den gäller i {link['valid_days']} dagar och en gång; "
        f"en ny länk får du med `python manage.py seed_demo`.\n"
        f"  {link['login_url']}"
    )
