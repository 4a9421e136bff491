"""The association register in a browser: axe-core at 1280 and 320 px on the
directory (unfiltered, filtered, empty) and a profile; the filter form works
without JavaScript; the JSON-LD parses; the CSP blocks nothing."""

from __future__ import annotations

import json

import pytest

from tests.e2e.helpers import check_page_at_widths, check_pages

pytestmark = [pytest.mark.e2e]


@pytest.fixture
def register_site(live_site):
    from wagtail_factories import ImageFactory

    from foreningar.demo import ensure_register_page, seed_associations
    from foreningar.factories import AssociationPageFactory

    register = ensure_register_page()
    seed_associations(45, seed=4)
    profile = AssociationPageFactory(
        parent=register,
        title="Norrby Bollklubb",
        slug="norrby-bollklubb",
        short_description="Fotboll för barn och unga i Norrby.",
        logo=ImageFactory(title="Norrby BK", description="Norrby Bollklubbs logotyp"),
        street_address="Skolgatan 4",
        postcode="12345",
        public_email="info@norrbybk.example",
        public_phone="040-123 45 67",
        website="https://norrbybk.example/",
        meeting_times="Tisdagar kl. 18–20",
        volunteers=True,
        terms={
            "activity_areas": ["idrott"],
            "target_groups": ["barn", "unga"],
            "districts": ["norrby"],
            "languages": ["svenska", "finska"],
        },
        tags=["fotboll"],
    )
    return {"base": live_site, "profile": profile}


DIRECTORY_VIEWS = [
    ("directory", "/foreningar/", 200),
    ("filtered", "/foreningar/?verksamhet=idrott&omrade=norrby&sortering=nyast", 200),
    ("text search", "/foreningar/?q=fotboll&volontarer=1", 200),
    ("empty result", "/foreningar/?q=finnsintenagonstans&omrade=hamnen", 200),
    ("page 2", "/foreningar/?page=2", 200),
    ("Finnish directory", "/fi/foreningar/?omrade=norrby", 200),
]


def test_directory_is_accessible(page, register_site):
    check_pages(page, register_site["base"], DIRECTORY_VIEWS)


def test_profile_is_accessible_and_has_valid_json_ld(page, register_site):
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    url = register_site["base"] + register_site["profile"].url
    check_page_at_widths(page, url, "profile")
    check_page_at_widths(
        page,
        register_site["base"] + "/fi" + register_site["profile"].url,
        "Finnish profile",
    )
    blocks = page.locator('script[type="application/ld+json"]').all_text_contents()
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "Organization"
    assert data["address"]["@type"] == "PostalAddress"
    assert data["contactPoint"]["@type"] == "ContactPoint"
    assert violations == []


def test_filters_work_without_javascript(browser, register_site):
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    page = context.new_page()
    try:
        page.goto(register_site["base"] + "/foreningar/")
        page.select_option("#directory-omrade", "norrby")
        page.select_option("#directory-verksamhet", "idrott")
        page.check("#directory-volunteers")
        page.click("form.directory-filters button[type=submit]")
        assert "omrade=norrby" in page.url and "volontarer=1" in page.url
        assert (
            page.locator(".association-card h3 a", has_text="Norrby Bollklubb").count()
            == 1
        )
        page.fill("#directory-q", "finnsintenagonstans")
        page.click("form.directory-filters button[type=submit]")
        assert page.locator(".directory-empty").is_visible()
        page.click(".directory-empty a >> text=Ta bort sökordet")
        assert (
            page.locator(".association-card h3 a", has_text="Norrby Bollklubb").count()
            == 1
        )
        page.click(".association-card h3 a >> text=Norrby Bollklubb")
        assert page.locator("h1").inner_text() == "Norrby Bollklubb"
    finally:
        context.close()


def test_home_page_search_box_leads_into_the_directory(page, register_site):
    page.goto(register_site["base"] + "/")
    page.fill("#home-associations-q", "Bollklubb")
    page.click(".home-associations button[type=submit]")
    assert "/foreningar/?q=Bollklubb" in page.url
    assert (
        page.locator(".association-card h3 a", has_text="Norrby Bollklubb").count() == 1
    )
