"""Factories for home pages: used by the tests and by ``seed_demo``."""

import datetime

import factory
from wagtail.models import Page

from core.factories import PageFactory

from .models import AccessibilityStatementPage, HomePage, StandardPage


class HomePageFactory(PageFactory):
    title = "Föreningsnavet"
    slug = factory.Sequence(lambda n: f"hem-{n}")
    intro = "<p>Stöd, bidrag och utbildningar för föreningar i kommunen.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Informationssida {n}")
    slug = factory.Sequence(lambda n: f"sida-{n}")
    intro = "Här finns information för föreningar och invånare."
    body = factory.LazyFunction(
        lambda: [
            ("heading", {"text": "Så här går det till", "level": "h2"}),
            (
                "paragraph",
                "<p>Kontakta koordinatorn om du har frågor om stöd till din förening.</p>",
            ),
        ]
    )

    class Meta:
        model = StandardPage


class AccessibilityStatementPageFactory(PageFactory):
    title = "Tillgänglighetsredogörelse"
    slug = factory.Sequence(lambda n: f"tillganglighet-{n}")
    organisation_name = "Exempelstads kommun"
    assessment_date = datetime.date(2026, 10, 15)
    statement_updated = datetime.date(2026, 11, 2)

    class Meta:
        model = AccessibilityStatementPage


def site_root() -> Page:
    """The default site's root page (the Swedish home page)."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific
