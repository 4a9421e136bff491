"""Demo associations, generated reproducibly: association *i* for a given
seed always gets the same name, slug and details."""

from __future__ import annotations

import datetime
import random
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.utils.text import slugify
from stdnum import luhn
from stdnum.fi import ytunnus

from ..identifiers import IdentifierKind, normalise_identifier
from ..models import AssociationPage
from .data import (
    CENTRE,
    FEES,
    KINDS,
    MEETING_PLACES,
    MEETING_TIMES,
    PLACES,
    STREETS,
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


def _org_id(index: int, seed: int) -> tuple[str, str]:
    """A valid, unique identifier for association ``index`` (or none)."""
    base = (index * 7919 + seed * 31) % 10**7
    if index % 3 == 0:
        digits = f"80{base:07d}"
        value = digits + luhn.calc_check_digit(digits)
        kind = IdentifierKind.SE_ORGNR
    elif index % 3 == 1:
        digits = f"{base:07d}"
        if not any(ytunnus.is_valid(digits + str(check)) for check in range(10)):
            return "", ""
        value = next(
            digits + str(c) for c in range(10) if ytunnus.is_valid(digits + str(c))
        )
        kind = IdentifierKind.FI_YTUNNUS
    else:
        return "", ""
    return kind, normalise_identifier(kind, value)


def generate(seed: int, index: int, now: datetime.datetime) -> Spec:
    rng = _rng(seed, index)
    kind = rng.choice(KINDS)
    district = rng.choice(list(PLACES))
    place_sv, place_fi = rng.choice(PLACES[district])
    finnish = rng.random() < 0.35
    name = (kind.fi if finnish else kind.sv).format(p=place_fi if finnish else place_sv)
    if rng.random() < 0.08:
        name = f"{name} r.f." if not finnish else f"{name} ry"
    spec = Spec(index=index, name=name, kind=kind, district=district)
    languages = ["finska"] if finnish else ["svenska"]
    if rng.random() < 0.4:
        languages.append("svenska" if finnish else "finska")
    if "integration" in kind.areas:
        languages += rng.sample(
            ["arabiska", "somaliska", "persiska", "ukrainska", "engelska"], 2
        )
    if "funktionsratt" in kind.areas and rng.random() < 0.5:
        languages.append(
            "finlandssvenskt-teckensprak"
            if rng.random() < 0.5
            else "svenskt-teckensprak"
        )
    districts = [district]
    if rng.random() < 0.15:
        districts.append(rng.choice([d for d in PLACES if d != district]))
    spec.terms = {
        "activity_areas": list(kind.areas),
        "target_groups": list(kind.groups),
        "districts": districts,
        "languages": list(dict.fromkeys(languages)),
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
    org_kind, org_id = _org_id(index, seed)
    lat = CENTRE[0] + rng.uniform(-0.06, 0.06)
    lon = CENTRE[1] + rng.uniform(-0.12, 0.12)
    founded = 1900 + rng.randint(0, 124)
    spec.values = {
        "short_description": kind.description,
        "description": (
            f"<p>{kind.description}</p><p>Föreningen grundades {founded} "
            "och har verksamhet året runt. Nya medlemmar är alltid välkomna – kom och "
            "prova på!</p>"
        ),
        "org_id_kind": org_kind,
        "org_id": org_id,
        "founded_year": founded,
        "member_count": rng.choice([None, rng.randint(8, 40), rng.randint(40, 400)]),
        "meeting_place_name": rng.choice(MEETING_PLACES),
        "street_address": f"{rng.choice(STREETS)} {rng.randint(1, 60)}",
        "postcode": f"{rng.randint(10, 99)}{rng.randint(100, 999)}",
        "town": "Exempelstad",
        "latitude": round(lat, 6),
        "longitude": round(lon, 6),
        "meeting_times": rng.choice(MEETING_TIMES),
        "premises_accessibility": rng.choice(
            [
                "",
                "Ramp vid entrén och hiss till andra våningen.",
                "Två trappsteg vid entrén, ingen hiss.",
                "Allt på markplan. Hörslinga i stora salen.",
            ]
        ),
        "step_free_access": rng.random() < 0.6,
        "accessible_toilet": rng.random() < 0.5,
        "hearing_loop": rng.random() < 0.2,
        "membership_fee": rng.choice(FEES),
        "looking_for_volunteers": volunteers,
        "volunteers_text": kind.volunteers if volunteers else "",
        "public_phone": f"040-{rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        "facebook_url": "" if rng.random() < 0.5 else "https://www.facebook.com/",
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
        spec.values["public_email"] = f"info@{slug[:40]}.example"
        spec.values["website"] = f"https://{slug[:40]}.example/"
