"""Demo associations, generated reproducibly: association *i* for a given
seed and country always gets the same name, slug and details.

Each association is one (kind, place) pair, drawn without repetition, so
names and descriptions are unique; beyond the number of pairs (several
thousand associations) a number keeps them apart. Addresses, postcodes,
phones, fees and identifiers are those of the demo town's country."""

from __future__ import annotations

import datetime
import itertools
import random
import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.utils.text import slugify
from stdnum import luhn
from stdnum.fi import ytunnus

from home.demo.town import Town

from ..identifiers import IdentifierKind, normalise_identifier
from ..models import AssociationPage
from .data import (
    DISTRICT_OFFSETS,
    KINDS,
    MEETING_TIMES,
    PLACES,
    PREMISES,
    WELCOMES,
    Kind,
)


@dataclass
class Spec:
    index: int
    name: str
    slug: str = ""
    kind: Kind | None = None
    district: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    terms: dict[str, list[str]] = field(default_factory=dict)
    keywords: list[str] = field(default_factory=list)
    logo: bool = False


def _rng(seed: int, index: int) -> random.Random:
    return random.Random(f"{seed}:{index}")


@lru_cache(maxsize=8)
def _pairs(seed: int) -> list[tuple[int, str, int]]:
    """Every (kind, district, place) in an order fixed by the seed, taking
    the kinds in turn: any first ``len(KINDS)`` associations hold one of each
    kind, so even a small demo register has a football club, a choir and a
    seniors' club for the home page's example searches."""
    shuffle = random.Random(f"{seed}:pairs").shuffle
    by_kind = []
    for kind in range(len(KINDS)):
        pairs = [
            (kind, district, place)
            for district, places in PLACES.items()
            for place in range(len(places))
        ]
        shuffle(pairs)
        by_kind.append(pairs)
    shuffle(by_kind)
    return [
        pair
        for turn in itertools.zip_longest(*by_kind)
        for pair in turn
        if pair is not None
    ]


def _org_id(index: int, seed: int, country: str) -> tuple[str, str]:
    """A valid identifier of the country, unique to association ``index``
    (about one in four has none)."""
    base = (index * 7919 + seed * 31) % 10**7  # 7919 is prime: no repeats
    slot = index % 4
    if slot == 3:
        return "", ""
    if country == "se":
        digits = f"80{2 + base % 8}{base % 10**6:06d}"
        value = digits + luhn.calc_check_digit(digits)
        kind = IdentifierKind.SE_ORGNR
    elif slot == 1:
        value = f"{(index * 7919 + seed) % 900000 + 100000}"
        kind = IdentifierKind.FI_ASSOCIATION
    else:
        digits = f"{base:07d}"
        value = next(
            (digits + str(c) for c in range(10) if ytunnus.is_valid(digits + str(c))),
            "",
        )
        if not value:
            return "", ""
        kind = IdentifierKind.FI_YTUNNUS
    return kind, normalise_identifier(kind, value)


def _languages(rng: random.Random, kind: Kind, finnish: bool, country: str):
    if country == "se":
        languages = ["svenska"]
        if rng.random() < 0.1:
            languages.append("finska")
        sign_languages = ["svenskt-teckensprak"]
    else:
        languages = ["finska"] if finnish else ["svenska"]
        if rng.random() < 0.4:
            languages.append("svenska" if finnish else "finska")
        sign_languages = ["finlandssvenskt-teckensprak", "finskt-teckensprak"]
    if "integration" in kind.areas:
        languages += rng.sample(
            ["arabiska", "somaliska", "persiska", "ukrainska", "engelska"], 2
        )
    if "funktionsratt" in kind.areas and rng.random() < 0.5:
        languages.append(rng.choice(sign_languages))
    return list(dict.fromkeys(languages))


def generate(seed: int, index: int, now: datetime.datetime, town: Town) -> Spec:
    rng = _rng(seed, index)
    pairs = _pairs(seed)
    kind_index, district, place_index = pairs[index % len(pairs)]
    round_ = index // len(pairs)
    kind = KINDS[kind_index]
    stem_sv, stem_fi, where = (
        text.format(town=town.name["sv"], town_fi=town.name_fi_genitive)
        for text in PLACES[district][place_index]
    )
    finnish = town.country == "fi" and rng.random() < 0.35
    name = (kind.fi if finnish else kind.sv).format(p=stem_fi if finnish else stem_sv)
    if round_:
        name = f"{name} {round_ + 1}"
    if town.country == "fi" and rng.random() < 0.08:
        name = f"{name} ry" if finnish else f"{name} r.f."
    spec = Spec(index=index, name=name, kind=kind, district=district)
    districts = [district]
    if rng.random() < 0.15:
        districts.append(rng.choice([d for d in PLACES if d != district]))
    spec.terms = {
        "activity_areas": list(kind.areas),
        "target_groups": list(kind.groups),
        "districts": districts,
        "languages": _languages(rng, kind, finnish, town.country),
    }
    spec.keywords = list(kind.keywords)
    age_days = rng.randint(0, 5 * 365)
    published = now - datetime.timedelta(days=age_days, minutes=index)
    updated = published + datetime.timedelta(days=rng.randint(0, age_days))
    verified_roll = rng.random()
    if verified_roll < 0.1:
        verified = None
    elif verified_roll < 0.25:
        verified = now - datetime.timedelta(days=rng.randint(366, 900))
    else:
        verified = now - datetime.timedelta(days=rng.randint(0, 360))
    volunteers = bool(kind.volunteers) and rng.random() < 0.6
    org_kind, org_id = _org_id(index, seed, town.country)
    d_lat, d_lon = DISTRICT_OFFSETS.get(district, (0.0, 0.0))
    lat = town.centre[0] + d_lat + rng.uniform(-0.008, 0.008)
    lon = town.centre[1] + d_lon + rng.uniform(-0.015, 0.015)
    founded = 1900 + rng.randint(0, 124)
    members = rng.randint(*kind.members) if rng.random() < 0.9 else None
    place = rng.choice(kind.places)
    times = rng.choice(MEETING_TIMES)
    short = kind.description.format(where=where)
    if round_:
        short = f"{short} Avdelning {round_ + 1}."
    premises, step_free, toilet, loop = rng.choice(PREMISES)
    if kind.hearing_loop and not loop:
        premises, step_free, toilet, loop = PREMISES[3]
    about = f"Föreningen grundades {founded}"
    if members:
        about += f" och har {members} medlemmar"
    spec.values = {
        "short_description": short,
        "description": (
            f"<p>{short}</p><p>{about}. Vi träffas i regel {times[0].lower()}"
            f"{times[1:]} ({place}). {rng.choice(WELCOMES)}</p>"
        ),
        "org_id_kind": org_kind,
        "org_id": org_id,
        "founded_year": founded,
        "member_count": members,
        "meeting_place_name": place,
        "street_address": (
            f"{rng.choice(town.streets.get(district, town.streets['centrum']))} "
            f"{rng.randint(1, 60)}"
        ),
        "postcode": town.postcode(district),
        "town": town.name["sv"],
        "latitude": round(lat, 6),
        "longitude": round(lon, 6),
        "meeting_times": times,
        "premises_accessibility": premises,
        "step_free_access": step_free,
        "accessible_toilet": toilet,
        "hearing_loop": loop,
        "membership_fee": rng.choice(town.fees),
        "looking_for_volunteers": volunteers,
        "volunteers_text": kind.volunteers if volunteers else "",
        "public_phone": town.mobile(rng.randint(10**6, 10**7 - 1)),
        "facebook_url": "",
        "instagram_url": "",
        "other_social_url": "",
        "status": (
            AssociationPage.Status.DORMANT
            if rng.random() < 0.05
            else AssociationPage.Status.ACTIVE
        ),
        "listed_publicly": rng.random() > 0.02,
        "last_verified_at": verified,
        "_published": published,
        "_updated": updated,
        "_translation_key": uuid.UUID(int=rng.getrandbits(128), version=4),
    }
    spec.logo = index % 7 == 0
    return spec


def assign_slugs(specs: list[Spec]) -> None:
    used: set[str] = set()
    for spec in specs:
        slug = slugify(spec.name)[:70].strip("-") or "forening"
        if slug in used:
            slug = f"{slug}-{spec.index + 1}"
        used.add(slug)
        spec.slug = slug
        # Reserved names (RFC 2606): no real inbox or site is ever reached.
        spec.values["public_email"] = f"info@{slug[:40]}.example"
        spec.values["website"] = f"https://{slug[:40]}.example/"
