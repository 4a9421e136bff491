"""Issue 12 in a browser: from the home page to the registration form and
the representatives' login by links only; no page scrolls sideways at 320
or 1280 px (long Finnish names, a long email, a form with errors) and axe
finds nothing; screenshots for docs/screenshots/ when FNAVET_SCREENSHOTS=1
(``make screenshots``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.helpers import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    check_pages,
)

pytestmark = [pytest.mark.e2e]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SHOT_WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
LONG_EMAIL = "puheenjohtaja.luonnonsuojelu@example.org"  # 40 characters


def _shoot(page, url: str, name: str, prepare=None) -> None:
    """Viewport PNGs at 390 and 1280 px, only when FNAVET_SCREENSHOTS=1."""
    if os.environ.get("FNAVET_SCREENSHOTS") != "1":
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, (width, height) in SHOT_WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.goto(url)
        if prepare:
            prepare(page)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"))


@pytest.fixture
def public_site(live_site, registration_page, make_association, make_rep):
    from foreningar.demo import seed_associations

    register = registration_page.get_parent().specific
    seed_associations(12, seed=7)
    profile = make_association(
        title="Luonnonsuojeluyhdistyksen Ympäristökasvatustoimikunta",
        short_description="Luonnonsuojeluyhdistys – retkiä ja talkoita koko kunnassa.",
        public_email=LONG_EMAIL,
        terms={
            "activity_areas": ["miljo-och-natur"],
            "target_groups": ["alla"],
            "districts": ["hela-kommunen"],
            "languages": ["finska", "svenska"],
        },
    )
    representative = make_rep(profile, email="rut@example.org")
    return {
        "base": live_site,
        "register": register,
        "profile": profile,
        "representative": representative,
    }


def test_home_page_leads_to_registration_and_login_by_links(page, public_site):
    base = public_site["base"]
    page.goto(base + "/")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="För föreningar"
    ).click()
    assert page.locator("h1").inner_text() == "För föreningar"
    page.get_by_role("link", name="Till registreringen").click()
    assert page.locator("h1").inner_text() == "Registrera din förening"
    assert page.locator('form input[name="title"]').count() == 1

    # On a phone: the menu opens without JavaScript, the footer has the login.
    page.set_viewport_size({"width": 320, "height": 800})
    page.get_by_role("link", name="Föreningsnavet").first.click()
    page.locator(".menu-disclosure summary").click()
    assert page.get_by_role("link", name="För föreningar").first.is_visible()
    page.locator(".site-footer").get_by_role(
        "link", name="Logga in på Min förening"
    ).click()
    assert page.url.endswith("/min-forening/logga-in/")
    assert page.locator('input[type="email"]').count() == 1

    # The home page's own call to action, and a profile's "is this yours?".
    page.goto(base + "/")
    page.locator(".home-associations").get_by_role("link", name="Idrott och motion")
    page.locator(".cta--associations").get_by_role(
        "link", name="Registrera din förening"
    ).click()
    assert page.locator("h1").inner_text() == "Registrera din förening"


def test_no_page_scrolls_sideways_and_axe_is_clean(page, public_site):
    base = public_site["base"]
    profile_url = public_site["profile"].url
    check_pages(
        page,
        base,
        [
            ("home", "/", 200),
            ("directory", "/foreningar/", 200),
            ("directory, long names", "/foreningar/?q=luonnonsuojelu", 200),
            ("directory filtered", "/foreningar/?omrade=norrby&malgrupp=barn", 200),
            ("profile with a long email", profile_url, 200),
            ("för föreningar", "/for-foreningar/", 200),
            ("registration", "/foreningar/registrera/", 200),
        ],
    )
    # The registration form sent empty: errors at the top and at each field.
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(base + "/foreningar/registrera/")
        page.locator('form button[type="submit"]').last.click()
        assert page.locator(".error-summary").count() == 1
        label = f"registration with errors at {width} px"
        assert_no_axe_violations(page, label)
        assert_no_horizontal_scroll(page, width, label)


def test_min_forening_is_accessible(page, public_site, login_client):
    base = public_site["base"]
    client = login_client(public_site["representative"])
    page.context.add_cookies(
        [
            {"name": name, "value": morsel.value, "url": base}
            for name, morsel in client.cookies.items()
        ]
    )
    association_url = f"/min-forening/{public_site['profile'].pk}/"
    check_pages(
        page,
        base,
        [
            ("min förening", "/min-forening/", 200),
            ("min förening, association", association_url, 200),
            ("min förening, edit", association_url + "redigera/", 200),
        ],
    )
    _shoot(page, base + association_url, "min-forening")


def test_screenshots(page, public_site):
    if os.environ.get("FNAVET_SCREENSHOTS") != "1":
        pytest.skip("FNAVET_SCREENSHOTS=1 (make screenshots) writes them")
    base = public_site["base"]
    _shoot(page, base + "/", "home")
    _shoot(page, base + "/foreningar/", "directory")
    _shoot(page, base + public_site["profile"].url, "profile")
    _shoot(page, base + "/foreningar/registrera/", "registration")
