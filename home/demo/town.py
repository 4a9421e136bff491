"""The demo town: one consistent place per country. Every demo seeder takes
its names, postcodes, phone numbers, fees and web addresses from here, so a
Finnish demo never shows a Swedish phone number and the other way round.
Web and email addresses use the reserved ``.example`` top-level domain."""

from __future__ import annotations

from dataclasses import dataclass

from core.country import current_country


@dataclass(frozen=True)
class Town:
    country: str  # core.country code
    name: dict[str, str]  # by language: "Strandvik", "Rantalahti"
    # Finnish forms the texts need: genitive (Rantalahden) and inessive
    # (Rantalahdessa); the Swedish genitive adds -s.
    name_fi_genitive: str
    name_fi_inessive: str
    municipality: dict[str, str]  # "Strandviks stad"
    municipality_fi_genitive: str  # "Rantalahden kaupungin"
    domain: str  # reserved: *.example
    # One postcode per district (vocabulary slugs); the whole town uses the
    # centre's.
    postcodes: dict[str, str]
    streets: dict[str, tuple[str, ...]]
    coordinator_phone: str
    town_hall: str  # street address of the town hall
    mobile_prefixes: tuple[str, ...]  # "040", "070"
    fees: tuple[str, ...]
    centre: tuple[float, float]

    def postcode(self, district: str) -> str:
        return self.postcodes.get(district, self.postcodes["centrum"])

    def email(self, local: str) -> str:
        return f"{local}@{self.domain}"

    def url(self, path: str = "") -> str:
        return f"https://www.{self.domain}/{path}"

    def mobile(self, number: int) -> str:
        """A mobile number in the country's usual written form."""
        prefix = self.mobile_prefixes[number % len(self.mobile_prefixes)]
        digits = f"{number % 10**7:07d}"
        if self.country == "se":
            return f"{prefix}-{digits[:3]} {digits[3:5]} {digits[5:]}"
        return f"{prefix} {digits[:3]} {digits[3:]}"


_DISTRICT_STREETS_SV = {
    "centrum": ("Storgatan", "Torggatan", "Rådhusgatan"),
    "norrby": ("Norrbyvägen", "Skolgatan", "Lärkvägen"),
    "soderstrand": ("Strandvägen", "Sandviksvägen", "Badhusgatan"),
    "hamnen": ("Hamngatan", "Fyrvägen", "Sjöbodsgatan"),
    "skogsbacka": ("Skogsstigen", "Granvägen", "Björkhagsvägen"),
    "kyrkbyn": ("Kyrkogatan", "Prästgårdsvägen", "Klockarbacken"),
    "asen": ("Åsvägen", "Rönnvägen", "Utsiktsvägen"),
    "landsbygden": ("Byvägen", "Kvarnvägen", "Ängsbyvägen"),
}

FINLAND_TOWN = Town(
    country="fi",
    name={"sv": "Strandvik", "fi": "Rantalahti", "en": "Strandvik"},
    name_fi_genitive="Rantalahden",
    name_fi_inessive="Rantalahdessa",
    municipality={
        "sv": "Strandviks stad",
        "fi": "Rantalahden kaupunki",
        "en": "City of Strandvik",
    },
    municipality_fi_genitive="Rantalahden kaupungin",
    domain="strandvik.example",
    postcodes={
        "centrum": "10600",
        "norrby": "10610",
        "soderstrand": "10620",
        "hamnen": "10630",
        "skogsbacka": "10640",
        "kyrkbyn": "10650",
        "asen": "10660",
        "landsbygden": "10680",
    },
    streets=_DISTRICT_STREETS_SV,
    coordinator_phone="019 289 2310",
    town_hall="Rådhusgatan 1",
    mobile_prefixes=("040", "044", "050"),
    fees=(
        "Gratis",
        "10 € per år",
        "15 € per år",
        "20 € per år, familj 35 €",
        "25 € per år, gratis för barn",
        "12 € per termin",
    ),
    centre=(59.9750, 23.4350),
)

SWEDEN_TOWN = Town(
    country="se",
    name={"sv": "Sjöhamn", "fi": "Sjöhamn", "en": "Sjöhamn"},
    name_fi_genitive="Sjöhamnin",
    name_fi_inessive="Sjöhamnissa",
    municipality={
        "sv": "Sjöhamns kommun",
        "fi": "Sjöhamnin kunta",
        "en": "Sjöhamn Municipality",
    },
    municipality_fi_genitive="Sjöhamnin kunnan",
    domain="sjohamn.example",
    postcodes={
        "centrum": "453 30",
        "norrby": "453 31",
        "soderstrand": "453 32",
        "hamnen": "453 33",
        "skogsbacka": "453 34",
        "kyrkbyn": "453 35",
        "asen": "453 36",
        "landsbygden": "453 92",
    },
    streets=_DISTRICT_STREETS_SV,
    coordinator_phone="0523-61 23 40",
    town_hall="Rådhusgatan 1",
    mobile_prefixes=("070", "072", "073"),
    fees=(
        "Gratis",
        "100 kr per år",
        "150 kr per år",
        "200 kr per år, familj 350 kr",
        "250 kr per år, gratis för barn",
        "120 kr per termin",
    ),
    centre=(58.3530, 11.4850),
)

TOWNS = {town.country: town for town in (FINLAND_TOWN, SWEDEN_TOWN)}


def current_town() -> Town:
    """The demo town of the site's country."""
    return TOWNS[current_country().code]


# The placeholder name older demo texts use, and what replaces it.
_PLACEHOLDERS = (
    ("Esimerkkikaupungissa", "name_fi_inessive"),
    ("Esimerkkikaupungin", "name_fi_genitive"),
    ("Esimerkkikaupunki", "fi"),
    ("exempelstad.example", "domain"),
    ("Exempelstads", "sv_genitive"),
    ("Exempelstad", "sv"),
)


def in_town(text: str, town: Town | None = None) -> str:
    """``text`` with the placeholder town (Exempelstad) replaced by the
    demo town's name in the right form."""
    town = town or current_town()
    forms = {
        "name_fi_inessive": town.name_fi_inessive,
        "name_fi_genitive": town.name_fi_genitive,
        "fi": town.name["fi"],
        "domain": town.domain,
        "sv_genitive": town.name["sv"] + "s",
        "sv": town.name["sv"],
    }
    for placeholder, form in _PLACEHOLDERS:
        text = text.replace(placeholder, forms[form])
    return text
