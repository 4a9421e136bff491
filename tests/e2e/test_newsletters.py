"""The newsletters in a browser: axe-core at 1280 and 320 px on the archive
(sv, fi, en), a newsletter's web page, the subscribe form and its error
state, a link error page and the preferences page; and subscribing with the
footer form without JavaScript."""

from __future__ import annotations

import pytest

from tests.e2e.helpers import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    check_page_at_widths,
    check_pages,
)

pytestmark = [pytest.mark.e2e]


@pytest.fixture
def newsletter_site(live_site):
    from coordinator.newsletters.demo import ensure_archive, seed_issues
    from coordinator.newsletters.factories import SubscriberFactory
    from coordinator.newsletters.services import PREFERENCES
    from core import links
    from foreningar.demo import seed_associations

    seed_associations(3, seed=5)
    archive = ensure_archive()
    seed_issues(archive)
    subscriber = SubscriberFactory(
        email="en.mycket.lang.adress.som.maste.brytas@foreningar-i-exempelstad.example",
        topics=["bidrag", "evenemang"],
    )
    return {"base": live_site, "token": links.issue(PREFERENCES, subscriber)}


def test_newsletter_pages_are_accessible_and_work_without_javascript(
    browser, page, newsletter_site
):
    """One browser test (each costs a database flush and restore)."""
    base, token = newsletter_site["base"], newsletter_site["token"]
    check_pages(
        page,
        base,
        [
            ("archive", "/nyhetsbrev/", 200),
            ("Finnish archive", "/fi/uutiskirje/", 200),
            ("English archive", "/en/newsletter/", 200),
            ("newsletter", "/nyhetsbrev/nyhetsbrev-november-2026/", 200),
            ("Finnish newsletter", "/fi/uutiskirje/nyhetsbrev-november-2026/", 200),
            ("check your email", "/nyhetsbrev/tack/", 200),
            ("ask for a preferences link", "/nyhetsbrev/installningar/", 200),
            ("broken link", "/nyhetsbrev/bekrafta/fel/", 400),
            ("one-click confirm", f"/nyhetsbrev/avsluta/{token}/", 200),
        ],
    )
    # The preferences page, through the emailed link (a session).
    page.goto(f"{base}/nyhetsbrev/installningar/{token}/")
    check_page_at_widths(page, page.url, "preferences")
    assert "foreningar-i-exempelstad.example" in page.content()
    _check_subscribe_form_error_state(page, newsletter_site)
    _subscribe_from_the_footer_without_javascript(browser, newsletter_site)


def _check_subscribe_form_error_state(page, newsletter_site):
    page.goto(newsletter_site["base"] + "/nyhetsbrev/")
    page.fill("#id_email", "inte-en-adress")
    for index in range(4):
        page.uncheck(f"#id_topics_{index}")
    page.click(".subscribe-form button[type=submit]")
    assert page.locator(".error-summary").is_visible()
    assert page.input_value("#id_email") == "inte-en-adress"
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_axe_violations(page, f"subscribe form with errors at {width} px")
        if width == 320:
            assert_no_horizontal_scroll(page, width, "subscribe form with errors")


def _subscribe_from_the_footer_without_javascript(browser, newsletter_site):
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto(newsletter_site["base"] + "/om/")
        page.fill("#footer-newsletter-email", "ny.prenumerant@example.org")
        page.click(".footer-signup button[type=submit]")
        assert "/nyhetsbrev/" in page.url
        assert page.input_value("#id_email") == "ny.prenumerant@example.org"
        page.check("#id_consent")
        page.click(".subscribe-form button[type=submit]")
        assert "/nyhetsbrev/tack/" in page.url
        assert page.locator("h1").inner_text() == "Kolla din e-post"
    finally:
        context.close()
