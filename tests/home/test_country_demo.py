"""One country setting, and ``seed_demo`` building one consistent town of
that country (issue 11, done-when 3)."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone, translation
from stdnum.fi import associationid, ytunnus
from stdnum.se import orgnr

from core.country import COUNTRIES, current_country
from foreningar.demo import seed_associations
from foreningar.identifiers import IdentifierKind
from foreningar.models import AssociationPage
from home.demo import seed_site, translate_site
from home.demo.town import TOWNS
from home.models import SiteSettings

pytestmark = pytest.mark.django_db

VALIDATORS = {
    IdentifierKind.FI_YTUNNUS: ytunnus,
    IdentifierKind.FI_ASSOCIATION: associationid,
    IdentifierKind.SE_ORGNR: orgnr,
}
OWN_KINDS = {
    "fi": {IdentifierKind.FI_YTUNNUS, IdentifierKind.FI_ASSOCIATION},
    "se": {IdentifierKind.SE_ORGNR},
}


def test_site_settings_choose_the_country_over_the_environment(site_root, settings):
    settings.COUNTRY = "fi"
    assert current_country().code == "fi"
    site_settings = SiteSettings.objects.get()
    site_settings.country = "se"
    site_settings.save()
    country = current_country()
    assert (country.code, country.currency, country.time_zone) == (
        "se",
        "SEK",
        "Europe/Stockholm",
    )


def test_the_country_sets_the_time_zone_of_requests(client, site_root, settings):
    settings.COUNTRY = "fi"
    site_settings = SiteSettings.objects.get()
    site_settings.country = "se"
    site_settings.save()
    seen = {}

    from django.test.signals import template_rendered

    def record(sender, **kwargs):
        seen.setdefault("tz", timezone.get_current_timezone_name())

    template_rendered.connect(record, dispatch_uid="tz-test")
    try:
        client.get("/")
    finally:
        template_rendered.disconnect(dispatch_uid="tz-test")
    assert seen["tz"] == "Europe/Stockholm"


@pytest.mark.parametrize("code", ["fi", "se"])
def test_registration_offers_the_countrys_identifiers_first(code, site_root):
    from foreningar.forms.association import AssociationFieldsForm

    site_settings = SiteSettings.objects.get()
    site_settings.country = code
    site_settings.save()
    choices = [
        value for value, _label in AssociationFieldsForm().fields["org_id_kind"].choices
    ]
    assert choices[0] == ""  # "no number" stays first
    assert choices[1] == COUNTRIES[code].identifier_kinds[0]


def _text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.parametrize("code", ["fi", "se"])
def test_seed_demo_builds_one_consistent_town(code, client, site_root, register):
    pages = seed_site(country=code)
    translate_site(pages)
    seed_associations(40, 2026, register)
    country = COUNTRIES[code]
    other = COUNTRIES["se" if code == "fi" else "fi"]
    town = TOWNS[code]

    associations = AssociationPage.objects.child_of(register)
    assert associations.count() == 40
    with_ids = associations.exclude(org_id="")
    assert with_ids.count() >= 20
    for association in with_ids:
        assert association.org_id_kind in OWN_KINDS[code], association.title
        assert VALIDATORS[association.org_id_kind].is_valid(association.org_id)
    for association in associations:
        assert country.valid_postcode(association.postcode), association.postcode
        assert association.postcode in town.postcodes.values()
        assert country.valid_phone(association.public_phone), association.public_phone
        assert association.town == town.name["sv"]
        fee = association.membership_fee
        assert fee == "Gratis" or country.currency_symbol in fee, fee
        assert (other.currency_symbol not in fee) or fee == "Gratis"
    site_settings = SiteSettings.objects.get()
    assert country.valid_phone(site_settings.phone)
    assert site_settings.email.endswith(".example")
    assert site_settings.visiting_address.endswith(
        f"{town.postcode('centrum')} {town.name['sv']}"
    )

    # The accessibility statement and the privacy page name this country's
    # supervisors, in every language, and never the other country's.
    for language, prefix, slugs in (
        ("sv", "", ("tillganglighet", "dataskydd")),
        ("fi", "/fi", ("saavutettavuus", "tietosuoja")),
        ("en", "/en", ("accessibility", "privacy")),
    ):
        statement = _text(client, f"{prefix}/{slugs[0]}/")
        privacy = _text(client, f"{prefix}/{slugs[1]}/")
        with translation.override(language):
            own_a11y = str(country.accessibility_authority.name)
            own_dp = str(country.data_protection_authority.name)
            other_names = [
                str(other.accessibility_authority.name),
                str(other.data_protection_authority.name),
            ]
        assert own_a11y in statement, (language, own_a11y)
        assert own_dp in privacy, (language, own_dp)
        for name in other_names:
            assert name not in statement and name not in privacy, (language, name)
        for word in ("DIGG", "IMY") if code == "fi" else ("Regionförvaltningsverket",):
            assert word not in statement + privacy, (language, word)
        # The statement names this country's accessibility law, not the other's.
        own_law, other_law = ("306/2019", "2018:1937")[:: 1 if code == "fi" else -1]
        assert own_law in statement and other_law not in statement, language
