"""The country the site serves: one setting decides what differs between a
Finnish and a Swedish town (authorities, currency, phone and postcode formats,
time zone).

The country comes from an app that stores it (site settings, through the
``COUNTRY`` hook) and otherwise from ``settings.COUNTRY`` (environment
``COUNTRY``, default Finland).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import hooks


@dataclass(frozen=True)
class Authority:
    name: str | Promise
    url: str


@dataclass(frozen=True)
class Country:
    code: str
    name: str | Promise
    currency: str  # ISO 4217
    currency_symbol: str
    time_zone: str
    phone_pattern: str
    phone_example: str
    postcode_pattern: str
    postcode_example: str
    accessibility_authority: Authority
    data_protection_authority: Authority
    # The law on accessible digital public services, as the statement names it.
    accessibility_law: str | Promise
    # Organisation identifier kinds (foreningar.identifiers), the country's own
    # first; the register offers them in this order.
    identifier_kinds: tuple[str, ...] = ()
    phone_prefix: str = ""  # international calling code, "+358"

    def valid_phone(self, value: str) -> bool:
        return bool(re.fullmatch(self.phone_pattern, value.strip()))

    def valid_postcode(self, value: str) -> bool:
        return bool(re.fullmatch(self.postcode_pattern, value.strip()))


FINLAND = Country(
    code="fi",
    name=_("Finland"),
    currency="EUR",
    currency_symbol="€",
    time_zone="Europe/Helsinki",
    # 040 123 4567, 019 123 456, +358 40 123 4567
    phone_pattern=r"(\+358 ?|0)[1-9][0-9]{0,2}[ -]?[0-9]{3}[ -]?[0-9]{2,4}",
    phone_example="040 123 4567",
    postcode_pattern=r"[0-9]{5}",
    postcode_example="10600",
    accessibility_authority=Authority(
        _("Regionförvaltningsverket i Södra Finland"),
        "https://www.tillganglighetskrav.fi",
    ),
    data_protection_authority=Authority(
        _("Dataombudsmannens byrå"), "https://tietosuoja.fi/sv"
    ),
    accessibility_law=_("lagen om tillhandahållande av digitala tjänster (306/2019)"),
    identifier_kinds=("fi_ytunnus", "fi_association", "se_orgnr"),
    phone_prefix="+358",
)

SWEDEN = Country(
    code="se",
    name=_("Sverige"),
    currency="SEK",
    currency_symbol="kr",
    time_zone="Europe/Stockholm",
    # 0511-123 45, 070-123 45 67, +46 70 123 45 67
    phone_pattern=r"(\+46 ?|0)[1-9][0-9]{0,3}[ -]?[0-9]{2,3}( ?[0-9]{2}){1,2}",
    phone_example="0511-123 45",
    postcode_pattern=r"[0-9]{3} ?[0-9]{2}",
    postcode_example="532 31",
    accessibility_authority=Authority(
        _("Myndigheten för digital förvaltning (DIGG)"),
        "https://www.digg.se/tdosanmalan",
    ),
    data_protection_authority=Authority(
        _("Integritetsskyddsmyndigheten (IMY)"), "https://www.imy.se"
    ),
    accessibility_law=_(
        "lagen om tillgänglighet till digital offentlig service (2018:1937)"
    ),
    identifier_kinds=("se_orgnr", "fi_ytunnus", "fi_association"),
    phone_prefix="+46",
)

COUNTRIES = {country.code: country for country in (FINLAND, SWEDEN)}


def get_country(code: str | None) -> Country:
    return COUNTRIES.get((code or "").lower(), COUNTRIES[default_country_code()])


def default_country_code() -> str:
    code = getattr(settings, "COUNTRY", "fi").lower()
    return code if code in COUNTRIES else "fi"


def current_country() -> Country:
    """The country of the site: from the app that stores it, else the setting."""
    for code in hooks.collect(hooks.COUNTRY):
        if code in COUNTRIES:
            return COUNTRIES[code]
    return COUNTRIES[default_country_code()]


def country_choices() -> list[tuple[str, str | Promise]]:
    return [(country.code, country.name) for country in COUNTRIES.values()]


class CountryTimeZoneMiddleware:
    """Dates on the site in the country's time zone when the site settings
    choose another country than the ``TIME_ZONE`` setting's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.utils import timezone

        time_zone = current_country().time_zone
        if time_zone == settings.TIME_ZONE:
            return self.get_response(request)
        timezone.activate(time_zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
