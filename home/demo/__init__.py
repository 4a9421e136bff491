"""Demo content of the site for ``seed_demo``: the home page, about,
privacy and the accessibility statement in Swedish, with Finnish and English
translations, for the demo town of the site's country. Idempotent: pages are
found by slug (translations by translation key) and updated, never
duplicated.

``seed_site`` is also what the test database starts from; the translations
come only from ``translate_site`` (``seed_demo``), so tests choose their own.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from wagtail.models import Locale, Page, Site

from core.country import COUNTRIES, current_country
from core.demo import publish, translate, upsert_child

from ..models import (
    AccessibilityStatementPage,
    HomePage,
    KnownAccessibilityProblem,
    SiteSettings,
    StandardPage,
)
from ..services import sync_default_site
from . import texts
from .town import Town, current_town, in_town

__all__ = ["Town", "current_town", "in_town", "seed_site", "translate_site"]

ASSESSED = datetime.date(2026, 10, 15)
UPDATED = datetime.date(2026, 11, 2)


def ensure_locales() -> None:
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def _home_body(language: str, town: Town, about: Page | None) -> list:
    cta = texts.home(language, town)["call_to_action"]
    return [
        (
            "call_to_action",
            {**cta, "page": about, "url": ""},
        )
    ]


def _problems(language: str) -> list[KnownAccessibilityProblem]:
    return [
        KnownAccessibilityProblem(
            situation=situation,
            description=description,
            reason=reason,
            alternative=alternative,
            planned_fix=fix,
        )
        for situation, description, reason, alternative, fix in (
            texts.KNOWN_PROBLEMS[language]
        )
    ]


def _statement_fields(language: str, town: Town, country) -> dict:
    return {
        **texts.accessibility(language, town, country),
        "compliance": "partial",
        "assessment_method": "self",
        "assessment_date": ASSESSED,
        "statement_updated": UPDATED,
    }


def set_country(code: str | None) -> None:
    """Store the demo's country in the site settings (``None``: keep)."""
    if code is None or code not in COUNTRIES:
        return
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if site_settings.country != code:
        site_settings.country = code
        site_settings.save()


def seed_site(country: str | None = None) -> dict[str, Page]:
    """The Swedish pages and the site settings, for ``country`` (default:
    the site's current country)."""
    ensure_locales()
    sync_default_site()
    set_country(country)
    country_profile = current_country()
    town = current_town()
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    home_text = texts.home("sv", town)
    home.title = home_text["title"]
    home.intro = home_text["intro"]
    about = upsert_child(
        home,
        StandardPage,
        texts.SLUGS["about"]["sv"],
        show_in_menus=True,
        **texts.about("sv", town),
    )
    home.body = _home_body("sv", town, about)
    publish(home)
    if site.site_name != "Föreningsnavet":
        site.site_name = "Föreningsnavet"
        site.save()

    privacy = upsert_child(
        home,
        StandardPage,
        texts.SLUGS["privacy"]["sv"],
        **texts.privacy("sv", town, country_profile),
    )
    accessibility = upsert_child(
        home,
        AccessibilityStatementPage,
        texts.SLUGS["accessibility"]["sv"],
        **_statement_fields("sv", town, country_profile),
    )
    accessibility.known_problems.all().delete()
    for problem in _problems("sv"):
        accessibility.known_problems.add(problem)
    publish(accessibility)

    site_settings = SiteSettings.for_site(site)
    site_settings.town_name = town.municipality["sv"]
    site_settings.coordinator_name = "Maria Lindqvist"
    site_settings.coordinator_title = "Välfärds- och föreningskoordinator"
    site_settings.email = town.email("foreningar")
    site_settings.phone = town.coordinator_phone
    site_settings.office_hours = "Telefontid måndag–torsdag kl. 9.00–11.00"
    site_settings.visiting_address = (
        f"{'Stadshuset' if country_profile.code == 'fi' else 'Kommunhuset'}, "
        f"{town.town_hall}\n{town.postcode('centrum')} {town.name['sv']}"
    )
    site_settings.accessibility_page = accessibility
    site_settings.privacy_page = privacy
    site_settings.save()
    return {
        "home": home,
        "about": about,
        "privacy": privacy,
        "accessibility": accessibility,
    }


def translate_site(pages: dict[str, Page]) -> dict[str, dict[str, Page]]:
    """Finnish and English translations of the site's pages, written for
    each language, with translated slugs. Returns {language: {key: page}}."""
    town = current_town()
    country = current_country()
    translated: dict[str, dict[str, Page]] = {}
    for language in ("fi", "en"):
        if not Locale.objects.filter(language_code=language).exists():
            continue
        slugs = {key: value[language] for key, value in texts.SLUGS.items()}
        home_text = texts.home(language, town)
        home = translate(
            pages["home"],
            language,
            title=home_text["title"],
            slug=slugs["home"],
            intro=home_text["intro"],
        )
        about = translate(
            pages["about"],
            language,
            slug=slugs["about"],
            show_in_menus=True,
            **texts.about(language, town),
        )
        home = HomePage.objects.get(pk=home.pk)  # numchild changed
        home.body = _home_body(language, town, about)
        publish(home)
        privacy = translate(
            pages["privacy"],
            language,
            slug=slugs["privacy"],
            **texts.privacy(language, town, country),
        )
        statement = translate(
            pages["accessibility"],
            language,
            slug=slugs["accessibility"],
            **_statement_fields(language, town, country),
        )
        statement.known_problems.all().delete()
        for problem in _problems(language):
            statement.known_problems.add(problem)
        publish(statement)
        translated[language] = {
            "home": home,
            "about": about,
            "privacy": privacy,
            "accessibility": statement,
        }
    return translated
