"""Demo content of the grants app for ``seed_demo``: the grants section and a
spread of calls (closed, open, closing soon, upcoming) from the town, the
state, the EU and foundations, in Swedish, Finnish and English. Idempotent:
pages are found by slug and updated; dates are set relative to today, so a
re-run keeps the spread."""

from __future__ import annotations

import datetime

from django.utils import timezone
from wagtail.models import Locale, Site

from core.demo import publish, translate, upsert_child
from foreningar.factories import vocabulary
from foreningar.models import ActivityArea, TargetGroup

from ..models import Funder, GrantCallIndexPage, GrantCallPage
from .calls import CALLS
from .data import FUNDERS, INDEX

INDEX_SLUG = "bidrag"


def _at(days: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def ensure_funders() -> dict[str, Funder]:
    """The funders in Swedish, with Finnish and English rows."""
    default = Locale.get_default()
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=["fi", "en"])
    }
    funders = {}
    for key, kind, website, names in FUNDERS:
        funder = Funder.objects.filter(locale=default, name=names["sv"]).first()
        if funder is None:
            funder = Funder.objects.create(
                locale=default, name=names["sv"], kind=kind, website=website
            )
        for code, locale in locales.items():
            translated = funder.get_translation_or_none(locale)
            if translated is None:
                translated = funder.copy_for_translation(locale)
            translated.name, translated.kind = names[code], kind
            translated.website = website
            translated.save()
        funders[key] = funder
    return funders


def ensure_index_page() -> GrantCallIndexPage:
    home = Site.objects.get(is_default_site=True).root_page
    index_page = upsert_child(
        home, GrantCallIndexPage, INDEX_SLUG, show_in_menus=True, **INDEX["sv"]
    )
    for code in ("fi", "en"):
        if Locale.objects.filter(language_code=code).exists():
            translate(index_page, code, **INDEX[code])
    return index_page


def seed_grants() -> str:
    funders = ensure_funders()
    index_page = ensure_index_page()
    has = {
        code: Locale.objects.filter(language_code=code).exists()
        for code in ("fi", "en")
    }
    for call in CALLS:
        sv = call["sv"]
        page = upsert_child(
            index_page,
            GrantCallPage,
            sv["slug"],
            funder=funders[call["funder"]],
            opens_at=_at(call["opens"], 8),
            deadline=_at(call["deadline"], 16),
            decision_date=timezone.localdate()
            + datetime.timedelta(days=call["deadline"] + 45),
            amount_min=call["amount"][0],
            amount_max=call["amount"][1],
            total_budget=call["amount"][2],
            recurs_yearly=bool(sv.get("recurrence_note")),
            apply_url=call.get("apply_url", ""),
            **{key: value for key, value in sv.items() if key != "slug"},
        )
        page.purposes.set([vocabulary(ActivityArea, s) for s in call["purposes"]])
        page.target_groups.set([vocabulary(TargetGroup, s) for s in call["targets"]])
        publish(page)
        for code in ("fi", "en"):
            if has[code]:
                translate(
                    page,
                    code,
                    opens_at=page.opens_at,
                    deadline=page.deadline,
                    decision_date=page.decision_date,
                    funder=page.funder,
                    **call[code],
                )
    return (
        f"Bidrag: {len(CALLS)} utlysningar från {len(FUNDERS)} finansiärer på "
        "svenska, finska och engelska."
    )
