"""Demo associations for ``seed_demo --associations N``.

Built for volume: 10 000 associations in well under a minute. Page rows are
bulk-inserted with tree paths computed here, the AssociationPage rows and the
M2M rows follow in bulk, and the search index is filled with the backend's
bulk ``add_bulk``. Idempotent: association *i* for a given ``--seed`` always
gets the same name and slug, and slugs already in the register are skipped.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import random
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.models import F, Prefetch
from django.utils import timezone
from django.utils.text import slugify
from stdnum import luhn
from stdnum.fi import ytunnus
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.search.backends import get_search_backend

from .cache import bump_register_generation
from .identifiers import IdentifierKind, normalise_identifier
from .models import (
    ActivityArea,
    ActivityLanguage,
    AssociationIndexPage,
    AssociationPage,
    AssociationTag,
    District,
    TargetGroup,
)
from .vocabulary_data import VOCABULARIES

BATCH = 1000
REGISTER_SLUG = "foreningar"
VOCABULARY_MODELS = {
    "activityarea": ActivityArea,
    "targetgroup": TargetGroup,
    "district": District,
    "activitylanguage": ActivityLanguage,
}
DEFAULT_DEMO_COUNT = 40

# Place names by district slug: (Swedish genitive stem, Finnish genitive stem).
PLACES: dict[str, list[tuple[str, str]]] = {
    "centrum": [
        ("Stadens", "Kaupungin"),
        ("Torgets", "Torin"),
        ("Exempelstads", "Esimerkkikaupungin"),
    ],
    "norrby": [
        ("Norrby", "Pohjoiskylän"),
        ("Lillby", "Pikkukylän"),
        ("Storbacka", "Isomäen"),
    ],
    "soderstrand": [
        ("Söderstrands", "Etelärannan"),
        ("Sandviks", "Hiekkalahden"),
        ("Ekuddens", "Tamminiemen"),
    ],
    "hamnen": [
        ("Hamnens", "Sataman"),
        ("Fyrbackens", "Majakkamäen"),
        ("Sjöbodarnas", "Rantamakasiinien"),
    ],
    "skogsbacka": [
        ("Skogsbacka", "Metsämäen"),
        ("Granlidens", "Kuusirinteen"),
        ("Björkhagens", "Koivuhaan"),
    ],
    "kyrkbyn": [
        ("Kyrkbyns", "Kirkonkylän"),
        ("Prästgårdens", "Pappilan"),
        ("Klockarbackens", "Lukkarinmäen"),
    ],
    "asen": [
        ("Åsens", "Harjun"),
        ("Höjdens", "Kummun"),
        ("Rönnåsens", "Pihlajaharjun"),
    ],
    "landsbygden": [
        ("Bergby", "Vuorikylän"),
        ("Ängsby", "Niittykylän"),
        ("Tallmo", "Männikön"),
        ("Kvarnby", "Myllykylän"),
    ],
    "hela-kommunen": [("Exempelstads", "Esimerkkikaupungin"), ("Regionens", "Seudun")],
}


@dataclass(frozen=True)
class Kind:
    """A kind of association: how it is named and what it does."""

    sv: str  # "{place} Bollklubb"
    fi: str
    areas: tuple[str, ...]
    groups: tuple[str, ...]
    keywords: tuple[str, ...]
    description: str
    volunteers: str = ""


KINDS: tuple[Kind, ...] = (
    Kind(
        "{p} Bollklubb",
        "{p} Pallo",
        ("idrott",),
        ("barn", "unga"),
        ("fotboll", "futsal"),
        "Fotboll för barn och unga, med lag för både nybörjare och vana spelare.",
        "Vi behöver fler tränare och föräldrar som vill hjälpa till på matcherna.",
    ),
    Kind(
        "{p} Idrottsförening",
        "{p} Urheilijat",
        ("idrott",),
        ("barn", "unga", "vuxna"),
        ("friidrott", "skidor", "orientering"),
        "Friidrott på sommaren och skidor på vintern – för alla åldrar.",
    ),
    Kind(
        "{p} Skidklubb",
        "{p} Hiihtoseura",
        ("idrott", "miljo-och-natur"),
        ("alla",),
        ("skidor", "längdskidor"),
        "Vi sköter skidspåren och ordnar skidskola för barn varje vinter.",
        "Hjälp oss att sköta spåren och leda skidskolan.",
    ),
    Kind(
        "{p} Seglarförening",
        "{p} Purjehdusseura",
        ("idrott", "hobby"),
        ("unga", "vuxna"),
        ("segling", "båtar"),
        "Seglarskola, kappseglingar och gemenskap i hamnen.",
    ),
    Kind(
        "{p} Pensionärsförening",
        "{p} Eläkeläiset",
        ("seniorer", "social-verksamhet"),
        ("seniorer",),
        ("kaffe", "utflykter", "boccia"),
        "Träffar med kaffe, föredrag och utflykter för pensionärer. Välkommen med!",
        "Vi söker chaufförer till våra utflykter.",
    ),
    Kind(
        "{p} Marthaförening",
        "{p} Martat",
        ("social-verksamhet", "hobby"),
        ("vuxna", "familjer"),
        ("matlagning", "hushåll"),
        "Kurser i matlagning och hushåll, och gemenskap över generationerna.",
    ),
    Kind(
        "{p} Hembygdsförening",
        "{p} Kotiseutuyhdistys",
        ("kultur", "by-och-lokalutveckling"),
        ("alla",),
        ("hembygd", "historia", "museum"),
        "Vi vårdar byns historia, sköter hembygdsmuseet och ordnar midsommarfest.",
        "Vill du guida i museet under sommaren?",
    ),
    Kind(
        "{p} Byaförening",
        "{p} Kyläyhdistys",
        ("by-och-lokalutveckling",),
        ("alla",),
        ("byagård", "talko"),
        "Byaföreningen driver byagården och ordnar talkon och byafester.",
    ),
    Kind(
        "{p} Ungdomsförening",
        "{p} Nuorisoseura",
        ("barn-och-unga", "kultur"),
        ("barn", "unga"),
        ("teater", "dans", "ungdomsgård"),
        "Teater, dans och en öppen ungdomsgård för alla unga i området.",
        "Vi söker vuxna som vill vara med på kvällarna i ungdomsgården.",
    ),
    Kind(
        "Scoutkåren {p} Sjöbjörnar",
        "{p} Partiolaiset",
        ("barn-och-unga", "miljo-och-natur"),
        ("barn", "unga"),
        ("scouting", "friluftsliv"),
        "Scouting för barn från sju år: friluftsliv, läger och kamratskap.",
        "Bli ledare! Du får utbildning och en trevlig gemenskap.",
    ),
    Kind(
        "{p} Manskör",
        "{p} Mieslaulajat",
        ("kultur", "musik-och-kor"),
        ("vuxna",),
        ("körsång", "konserter"),
        "Vi sjunger fyrstämmigt och ger konserter till jul och vår.",
    ),
    Kind(
        "{p} Blandade kör",
        "{p} Sekakuoro",
        ("kultur", "musik-och-kor"),
        ("vuxna", "seniorer"),
        ("körsång",),
        "En glad kör för alla som tycker om att sjunga. Ingen provsjungning.",
    ),
    Kind(
        "{p} Spelmanslag",
        "{p} Pelimannit",
        ("kultur", "musik-och-kor"),
        ("alla",),
        ("folkmusik", "fiol"),
        "Folkmusik i alla åldrar – vi spelar på byafester och bröllop.",
    ),
    Kind(
        "{p} Konstförening",
        "{p} Taideyhdistys",
        ("kultur", "hobby"),
        ("vuxna",),
        ("måleri", "utställningar"),
        "Utställningar, kurser i måleri och resor till konstmuseer.",
    ),
    Kind(
        "{p} Trädgårdsförening",
        "{p} Puutarhaseura",
        ("hobby", "miljo-och-natur"),
        ("vuxna", "seniorer"),
        ("trädgård", "odling"),
        "Vi byter plantor, besöker trädgårdar och odlar tillsammans.",
    ),
    Kind(
        "{p} Naturskyddsförening",
        "{p} Luonnonsuojeluyhdistys",
        ("miljo-och-natur", "intresseorganisation"),
        ("alla",),
        ("fåglar", "naturvård"),
        "Fågelskådning, naturvårdstalkon och exkursioner i närnaturen.",
        "Hjälp till vid våra naturvårdstalkon.",
    ),
    Kind(
        "{p} Grannsamverkan",
        "{p} Naapuriapu",
        ("trygghet", "by-och-lokalutveckling"),
        ("alla",),
        ("grannsamverkan", "trygghet"),
        "Grannar som håller utkik tillsammans, i samarbete med polisen och kommunen.",
        "Bli kontaktombud för din gata.",
    ),
    Kind(
        "{p} Integrationsförening",
        "{p} Kotoutumisyhdistys",
        ("integration", "social-verksamhet"),
        ("nyanlanda", "familjer"),
        ("språkcafé", "läxhjälp"),
        "Språkcafé, läxhjälp och gemenskap för nyanlända och etablerade.",
        "Vi söker samtalsvärdar till språkcaféet.",
    ),
    Kind(
        "{p} Handikappförening",
        "{p} Vammaisyhdistys",
        ("funktionsratt", "intresseorganisation"),
        ("personer-med-funktionsnedsattning",),
        ("tillgänglighet", "påverkan"),
        "Vi driver frågor om tillgänglighet och ordnar träffar och resor.",
    ),
    Kind(
        "{p} Hörselförening",
        "{p} Kuuloyhdistys",
        ("funktionsratt", "halsa"),
        ("personer-med-funktionsnedsattning", "seniorer"),
        ("hörsel", "hörslinga"),
        "Stöd, information och träffar för personer med hörselnedsättning.",
    ),
    Kind(
        "{p} Församlingsförening",
        "{p} Seurakuntayhdistys",
        ("religion-och-livsaskadning", "social-verksamhet"),
        ("alla",),
        ("samtalsgrupp", "diakoni"),
        "Samtalsgrupper, soppluncher och besök hos ensamma.",
    ),
    Kind(
        "{p} Schackklubb",
        "{p} Shakkikerho",
        ("hobby",),
        ("barn", "unga", "vuxna"),
        ("schack",),
        "Schack för nybörjare och vana spelare varje torsdag.",
    ),
    Kind(
        "{p} Motionsförening",
        "{p} Kuntoliikkujat",
        ("idrott", "halsa"),
        ("vuxna", "seniorer"),
        ("stavgång", "gympa"),
        "Stavgång, seniorgympa och vattengympa – i din egen takt.",
    ),
    Kind(
        "{p} Familjeförening",
        "{p} Perheyhdistys",
        ("barn-och-unga", "social-verksamhet"),
        ("familjer", "barn"),
        ("babycafé", "familjeträffar"),
        "Öppna familjeträffar, babycafé och utflykter för barnfamiljer.",
        "Vill du baka eller leka med barnen på träffarna?",
    ),
    Kind(
        "{p} Stödförening för närståendevårdare",
        "{p} Omaishoitajat",
        ("halsa", "social-verksamhet"),
        ("vuxna", "seniorer"),
        ("närståendevård", "stödgrupp"),
        "Stödgrupper och avlastning för dig som vårdar en närstående.",
    ),
    Kind(
        "{p} Företagarförening",
        "{p} Yrittäjät",
        ("intresseorganisation", "by-och-lokalutveckling"),
        ("vuxna",),
        ("företagande", "nätverk"),
        "Nätverk och frukostmöten för företagare i området.",
    ),
)

STREETS = (
    "Storgatan",
    "Skolgatan",
    "Kyrkogatan",
    "Strandvägen",
    "Hamngatan",
    "Åsvägen",
    "Byvägen",
    "Skogsstigen",
    "Järnvägsgatan",
    "Torggatan",
    "Ängsvägen",
    "Kvarnvägen",
)
MEETING_PLACES = (
    "Föreningshuset",
    "Byagården",
    "Församlingshemmet",
    "Skolans gymnastiksal",
    "Biblioteket, mötesrummet",
    "Ungdomsgården",
    "Idrottsplanen",
    "Medborgarhuset",
    "Seniorcentret",
    "Hembygdsmuseet",
    "Kulturhuset",
    "Simhallen",
)
MEETING_TIMES = (
    "Måndagar kl. 18–20",
    "Tisdagar kl. 17.30–19",
    "Onsdagar kl. 10–12",
    "Torsdagar kl. 18.30–20.30",
    "Varannan lördag kl. 10–14",
    "Söndagar kl. 14–16, inte under sommaren",
    "Första måndagen i månaden kl. 19",
)
FEES = (
    "Gratis",
    "100 kr per år",
    "200 kr per år, gratis för barn",
    "15 € per år",
    "25 € per år, familj 40 €",
    "50 kr per termin",
)
LOGO_COLOURS = (
    "#0b4f6c",
    "#1b5e20",
    "#7b1fa2",
    "#b71c1c",
    "#e65100",
    "#37474f",
    "#004d40",
)
CENTRE = (59.9750, 23.4350)  # a small coastal town


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


# --- the register page and vocabularies ---------------------------------------


def ensure_register_page() -> AssociationIndexPage:
    """The "Föreningar" page at /foreningar/, shown in menus."""
    from .factories import AssociationIndexPageFactory

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


def ensure_vocabulary_translations() -> int:
    """Finnish and English names for the default vocabularies, for every
    locale that exists. Returns the number of rows created."""
    created = 0
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=["fi", "en"])
    }
    for model_name, rows in VOCABULARIES.items():
        model = VOCABULARY_MODELS[model_name]
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


# --- logos -------------------------------------------------------------------


def _logo_png(name: str, colour: str) -> bytes:
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    initials = "".join(word[0] for word in name.split()[:2]).upper()
    image = PILImage.new("RGB", (240, 240), colour)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=96)
    draw.ellipse((16, 16, 224, 224), outline="white", width=8)
    draw.text((120, 120), initials, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def _create_logos(specs: list[Spec], seed: int) -> dict[int, int]:
    Image = get_image_model()
    collection = Collection.get_first_root_node()
    images = []
    for spec in specs:
        data = _logo_png(spec.name, LOGO_COLOURS[spec.index % len(LOGO_COLOURS)])
        path = default_storage.save(
            f"original_images/demo-logo-{seed}-{spec.index}.png", io.BytesIO(data)
        )
        images.append(
            Image(
                title=f"Logotyp: {spec.name}",
                description=f"{spec.name}s logotyp",
                file=path,
                width=240,
                height=240,
                file_size=len(data),
                file_hash=hashlib.sha1(data).hexdigest(),
                collection=collection,
            )
        )
    created = Image.objects.bulk_create(images)
    return {spec.index: image.pk for spec, image in zip(specs, created, strict=True)}


# --- bulk insert ---------------------------------------------------------------


def _create_batch(
    register: AssociationIndexPage,
    specs: list[Spec],
    first_step: int,
    term_ids: dict[str, dict[str, int]],
    tag_ids: dict[str, int],
    locale_id: int,
    content_type: ContentType,
    seed: int,
) -> list[int]:
    logos = _create_logos([spec for spec in specs if spec.logo], seed)
    pages = []
    for offset, spec in enumerate(specs):
        values = spec.values
        pages.append(
            Page(
                path=AssociationPage._get_path(
                    register.path, register.depth + 1, first_step + offset
                ),
                depth=register.depth + 1,
                numchild=0,
                title=spec.name,
                draft_title=spec.name,
                slug=spec.slug,
                content_type=content_type,
                url_path=f"{register.url_path}{spec.slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=values["_published"],
                last_published_at=values["_updated"],
                latest_revision_created_at=values["_updated"],
                locale_id=locale_id,
                translation_key=values["_translation_key"],
                search_description="",
                seo_title="",
            )
        )
    pages = Page.objects.bulk_create(pages)
    field_names = [
        f.attname
        for f in AssociationPage._meta.local_concrete_fields
        if f.attname != "page_ptr_id"
    ]
    rows = []
    for page, spec in zip(pages, specs, strict=True):
        row = AssociationPage(page_ptr_id=page.pk)
        for name in field_names:
            if name in spec.values:
                setattr(row, name, spec.values[name])
        row.logo_id = logos.get(spec.index)
        rows.append(row)
    # bulk_create refuses multi-table inheritance; insert the child rows the
    # way it does internally, in batches that fit SQLite's parameter limit.
    for start in range(0, len(rows), 500):
        AssociationPage.objects._insert(
            rows[start : start + 500],
            fields=AssociationPage._meta.local_concrete_fields,
        )

    for field_name in ("activity_areas", "target_groups", "districts", "languages"):
        through = getattr(AssociationPage, field_name).through
        fk = getattr(AssociationPage, field_name).field.related_model._meta.model_name
        through.objects.bulk_create(
            [
                through(
                    associationpage_id=page.pk,
                    **{f"{fk}_id": term_ids[field_name][slug]},
                )
                for page, spec in zip(pages, specs, strict=True)
                for slug in spec.terms[field_name]
                if slug in term_ids[field_name]
            ]
        )
    AssociationTag.objects.bulk_create(
        [
            AssociationTag(content_object_id=page.pk, tag_id=tag_ids[keyword])
            for page, spec in zip(pages, specs, strict=True)
            for keyword in spec.keywords
        ]
    )
    return [page.pk for page in pages]


# What the database search backends read (search and autocomplete fields).
INDEXED_FIELDS = (
    "title",
    "short_description",
    "description",
    "meeting_place_name",
    "town",
)


def _index(ids: list[int]) -> None:
    backend = get_search_backend()
    for start in range(0, len(ids), BATCH):
        objs = list(
            AssociationPage.objects.filter(pk__in=ids[start : start + BATCH])
            .only(*INDEXED_FIELDS)
            .prefetch_related(
                "keywords",
                *(
                    Prefetch(name, queryset=model.objects.only("name"))
                    for name, model in (
                        ("activity_areas", ActivityArea),
                        ("target_groups", TargetGroup),
                        ("districts", District),
                    )
                ),
            )
        )
        backend.add_bulk(AssociationPage, objs)


def seed_associations(count: int, seed: int = 2026, stdout=None) -> str:
    """Create up to ``count`` demo associations (skipping those that exist)
    and the register page. Returns a line for the console."""
    started = time.monotonic()
    now = timezone.now()
    specs = [generate(seed, index, now) for index in range(max(count, 0))]
    assign_slugs(specs)
    with transaction.atomic():
        from home.demo import ensure_locales

        ensure_locales()
        translations = ensure_vocabulary_translations()
        register = ensure_register_page()
        existing_slugs = set(
            Page.objects.child_of(register).values_list("slug", flat=True)
        )
        existing_ids = set(
            AssociationPage.objects.exclude(org_id="").values_list(
                "org_id_kind", "org_id"
            )
        )
        new = [spec for spec in specs if spec.slug not in existing_slugs]
        for spec in new:
            if (spec.values["org_id_kind"], spec.values["org_id"]) in existing_ids:
                spec.values["org_id_kind"] = spec.values["org_id"] = ""

        locale_id = Locale.objects.get(language_code=settings.LANGUAGE_CODE).pk
        term_ids = {
            field_name: dict(
                model.objects.filter(locale_id=locale_id).values_list("slug", "pk")
            )
            for field_name, model in (
                ("activity_areas", ActivityArea),
                ("target_groups", TargetGroup),
                ("districts", District),
                ("languages", ActivityLanguage),
            )
        }
        keywords = sorted({keyword for spec in new for keyword in spec.keywords})
        known = dict(Tag.objects.filter(name__in=keywords).values_list("name", "pk"))
        Tag.objects.bulk_create(
            [Tag(name=k, slug=slugify(k)) for k in keywords if k not in known],
            ignore_conflicts=True,
        )
        tag_ids = dict(Tag.objects.filter(name__in=keywords).values_list("name", "pk"))

        content_type = ContentType.objects.get_for_model(AssociationPage)
        last_child = register.get_last_child()
        step = (
            AssociationPage._str2int(last_child.path[-AssociationPage.steplen :]) + 1
            if last_child
            else 1
        )
        created_ids: list[int] = []
        for start in range(0, len(new), BATCH):
            batch = new[start : start + BATCH]
            created_ids += _create_batch(
                register,
                batch,
                step + start,
                term_ids,
                tag_ids,
                locale_id,
                content_type,
                seed,
            )
        if created_ids:
            Page.objects.filter(pk=register.pk).update(
                numchild=F("numchild") + len(created_ids)
            )
            _index(created_ids)
    if created_ids:
        bump_register_generation()
        # Fresh planner statistics after a bulk load: without them SQLite
        # probes the full-text index once per row (300 ms instead of 1 ms).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    total = AssociationPage.objects.child_of(register).count()
    elapsed = time.monotonic() - started
    message = (
        f"Föreningsregistret: {len(created_ids)} nya föreningar, {total} totalt "
        f"({elapsed:.1f} s)."
    )
    if translations:
        message += f" {translations} översättningar av ordlistorna."
    return message
