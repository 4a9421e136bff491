"""Demo associations in bulk: ``seed_demo --associations 10000`` in well
under a minute. Pages go through ``core.bulk.add_live_children``, so each has
a revision, history and search-index entries like an editor-made page."""

from __future__ import annotations

import hashlib
import io
import time

from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from core.bulk import add_live_children
from core.i18n import default_locale_id
from home.demo.town import current_town

from ..caching import REGISTER
from ..models import VOCABULARIES, AssociationIndexPage, AssociationPage, AssociationTag
from ..services import sync_entries
from .data import LOGO_COLOURS
from .generate import Spec, assign_slugs, generate

BATCH = 1000


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


def _page(spec: Spec, terms, tags, logos: dict[int, int]) -> AssociationPage:
    values = {k: v for k, v in spec.values.items() if not k.startswith("_")}
    page = AssociationPage(
        title=spec.name,
        slug=spec.slug,
        first_published_at=spec.values["_published"],
        last_published_at=spec.values["_updated"],
        translation_key=spec.values["_translation_key"],
        logo_id=logos.get(spec.index),
        **values,
    )
    for vocabulary in VOCABULARIES:
        getattr(page, vocabulary.field).set(
            [
                terms[vocabulary.field][slug]
                for slug in spec.terms[vocabulary.field]
                if slug in terms[vocabulary.field]
            ]
        )
    page.tagged_items = [AssociationTag(tag=tags[keyword]) for keyword in spec.keywords]
    return page


def seed_associations(
    count: int, seed: int = 2026, register: AssociationIndexPage | None = None
) -> tuple[int, int]:
    """Create up to ``count`` demo associations under ``register`` (the
    /foreningar/ page by default), skipping those that exist. Returns
    (created, total)."""
    from .site import ensure_register_page

    register = register or ensure_register_page()
    now = timezone.now()
    town = current_town()
    specs = [generate(seed, index, now, town) for index in range(max(count, 0))]
    assign_slugs(specs)
    created_ids: list[int] = []
    with transaction.atomic():
        existing_slugs = set(
            Page.objects.child_of(register).values_list("slug", flat=True)
        )
        taken_ids = set(
            AssociationPage.objects.exclude(org_id="").values_list(
                "org_id_kind", "org_id"
            )
        )
        # The same association under another name (another --country) counts
        # as existing too: one register per town.
        existing_keys = set(
            Page.objects.child_of(register).values_list("translation_key", flat=True)
        )
        new = [
            spec
            for spec in specs
            if spec.slug not in existing_slugs
            and spec.values["_translation_key"] not in existing_keys
        ]
        for spec in new:
            if (spec.values["org_id_kind"], spec.values["org_id"]) in taken_ids:
                spec.values["org_id_kind"] = spec.values["org_id"] = ""

        locale_id = default_locale_id()
        terms = {
            spec.field: {
                row.slug: row for row in spec.model.objects.filter(locale_id=locale_id)
            }
            for spec in VOCABULARIES
        }
        keywords = sorted({keyword for spec in new for keyword in spec.keywords})
        Tag.objects.bulk_create(
            [Tag(name=k, slug=slugify(k)) for k in keywords], ignore_conflicts=True
        )
        tags = {tag.name: tag for tag in Tag.objects.filter(name__in=keywords)}
        for start in range(0, len(new), BATCH):
            batch = new[start : start + BATCH]
            logos = _create_logos([spec for spec in batch if spec.logo], seed)
            pages = [_page(spec, terms, tags, logos) for spec in batch]
            batch_ids = add_live_children(register, pages, now=now)
            sync_entries(batch_ids, log=False)
            created_ids += batch_ids
    if created_ids:
        REGISTER.bump()
        # Fresh planner statistics after a bulk load: without them SQLite
        # probes the full-text index once per row (300 ms instead of 1 ms).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return len(created_ids), AssociationPage.objects.child_of(register).count()


def timed(function, *args, **kwargs):
    started = time.monotonic()
    result = function(*args, **kwargs)
    return result, time.monotonic() - started
