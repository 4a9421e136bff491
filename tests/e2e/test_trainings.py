"""Trainings and the calendar in a browser: axe-core at 1280 and 320 px on a
training open for sign-up, full with a waitlist and closed, the form's error
state, the thank-you and link pages, the list of trainings and the calendar
with filters; signing up works without JavaScript."""

from __future__ import annotations

import datetime
import re

import pytest

from tests.e2e.helpers import (
    NARROW,
    WIDTHS,
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    check_pages,
)

pytestmark = [pytest.mark.e2e]

# The form posts to the page's #anmalan section; the redirect keeps it.
THANKS = re.compile(r".*/utbildningar/styrelsearbete/tack/(#anmalan)?$")


@pytest.fixture
def trainings_site(live_site):
    from django.utils import timezone

    from coordinator.trainings.factories import (
        AssociationEventFactory,
        ParticipantFactory,
        TrainingEventPageFactory,
        local_time,
    )
    from coordinator.trainings.models import TrainingEventIndexPage
    from coordinator.trainings.services import manage_url
    from core.demo import translate
    from foreningar.demo import ensure_register_page
    from foreningar.factories import AssociationPageFactory

    index = TrainingEventIndexPage.objects.get(slug="utbildningar")
    association = AssociationPageFactory(
        parent=ensure_register_page(),
        title="Föreningen för Hembygdsforskningsverksamhetsutveckling",
        terms={"districts": ["norrby"]},
    )
    days = 3 if timezone.localdate().day <= 25 else 1
    open_training = TrainingEventPageFactory(
        parent=index,
        title="Styrelsearbete i praktiken",
        slug="styrelsearbete",
        starts_at=local_time(days, 18),
        session_count=2,
        ask_dietary_needs=True,
        capacity=10,
        street_address="Långa Föreningshusvägen 123 B, trappuppgång 4",
        place_accessibility="Hiss, hörslinga och tillgänglig toalett.",
        terms={"districts": "norrby", "activity_areas": ["seniorer"]},
    )
    translate(open_training, "fi", title="Hallitustyö käytännössä", slug="hallitustyo")
    full = TrainingEventPageFactory(
        parent=index, title="Dataskydd", slug="dataskydd", capacity=1, online=True
    )
    ParticipantFactory(event=full)
    ParticipantFactory(event=full, status="waitlisted")
    TrainingEventPageFactory(
        parent=index,
        title="Bokslut",
        slug="bokslut",
        signup_closes=timezone.now() - datetime.timedelta(hours=1),
    )
    AssociationEventFactory(
        association=association,
        title="Släktforskningskväll",
        starts_at=local_time(days, 14),
        district="norrby",
        link="https://example.org/slaktforskning-i-norrby-och-hela-kommunen",
    )
    seat = ParticipantFactory(event=open_training)
    token_url = manage_url(seat, open_training).split("://", 1)[1].split("/", 1)[1]
    month = f"{local_time(days, 12):%Y-%m}"
    return {
        "base": live_site,
        "open": open_training.url,
        "manage": "/" + token_url,
        "month": month,
    }


def test_training_pages_are_accessible(page, trainings_site):
    site = trainings_site
    month = site["month"]
    check_pages(
        page,
        site["base"],
        [
            ("list of trainings", "/utbildningar/", 200),
            ("training open for sign-up", site["open"], 200),
            ("training full with waitlist", "/utbildningar/dataskydd/", 200),
            ("training closed", "/utbildningar/bokslut/", 200),
            ("emailed link", site["manage"], 200),
            (
                "calendar with filters",
                f"/kalender/?manad={month}&omrade=norrby&verksamhet=seniorer&avgiftsfri=1",
                200,
            ),
            ("Finnish calendar", f"/fi/kalender/?manad={month}&malgrupp=alla", 200),
        ],
    )


def test_signup_errors_then_thanks_and_no_javascript_needed(
    browser, page, trainings_site
):
    url = trainings_site["base"] + trainings_site["open"]
    page.goto(url)
    page.fill("#id_email", "inte-en-adress")
    with page.expect_navigation():
        page.click("form.signup-form button[type=submit]")
    assert page.locator(".error-summary").is_visible()
    assert page.input_value("#id_email") == "inte-en-adress"
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_axe_violations(page, f"sign-up errors at {width} px")
        if width <= NARROW:
            assert_no_horizontal_scroll(page, width, "sign-up errors")
    page.fill("#id_name", "Aino Andersson")
    page.fill("#id_email", "aino@example.org")
    page.check("#id_consent")
    page.click("form.signup-form button[type=submit]")
    page.wait_for_url(THANKS)
    assert "Du har fått en plats" in page.locator("h1").inner_text()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_axe_violations(page, f"thank-you page at {width} px")

    # The same without JavaScript (axe needs it, so only the flow here).
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    context.set_default_timeout(15_000)
    plain = context.new_page()
    try:
        plain.goto(url)
        plain.click("form.signup-form button[type=submit]")
        assert plain.locator(".error-summary").is_visible()
        plain.click(".error-summary a[href='#id_name']")
        plain.fill("#id_name", "Bo Berg")
        plain.fill("#id_email", "bo@example.org")
        plain.check("#id_consent")
        plain.click("form.signup-form button[type=submit]")
        plain.wait_for_url(THANKS)
        assert "Du har fått en plats" in plain.locator("h1").inner_text()
    finally:
        context.close()
