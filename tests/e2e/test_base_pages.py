"""The pages a supervisor samples first, in a real browser: axe-core (WCAG 2.1
A/AA) at 1280 and 320 px, keyboard access, language and translated chrome."""

from __future__ import annotations

from unittest import mock

import pytest

from tests.e2e.helpers import (
    WIDTHS,
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    check_page_at_widths,
    check_pages,
)

pytestmark = pytest.mark.e2e

PAGES = [
    ("home page", "/", 200),
    ("standard page", "/om/", 200),
    ("privacy page", "/dataskydd/", 200),
    ("accessibility statement", "/tillganglighet/", 200),
    ("search results", "/sok/?q=koordinatorn", 200),
    ("search without results", "/sok/?q=xyzzyplugh", 200),
    ("404 page", "/finns-inte/", 404),
    ("admin login", "/admin/login/", 200),
    ("Finnish home page", "/fi/", 200),
    ("English home page", "/en/", 200),
    ("Finnish 404 page", "/fi/ei-ole/", 404),
]


def test_sampled_pages_have_no_axe_violations(page, live_site):
    check_pages(page, live_site, PAGES)


def test_500_page_has_no_axe_violations(page, live_site):
    # The live server runs in this process, so the patch reaches its views.
    with mock.patch("home.views.search_pages", side_effect=RuntimeError("test")):
        check_page_at_widths(
            page, live_site + "/sok/?q=bidrag", "500 page", expected_status=500
        )
    assert page.locator("h1").inner_text() == "Något gick fel"
    assert page.locator("html").get_attribute("lang") == "sv"


def test_feedback_form_with_errors_is_accessible(page, live_site):
    page.goto(live_site + "/tillganglighet/")
    page.get_by_role("button", name="Skicka").click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    # Each error in the summary links to its field.
    link = summary.locator('a[href="#id_message"]')
    assert link.count() == 1
    link.click()
    assert page.evaluate("document.activeElement.id") == "id_message"
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        label = f"feedback form with errors at {width} px"
        assert_no_axe_violations(page, label)
        if width == 320:
            assert_no_horizontal_scroll(page, width, label)


def test_skip_link_is_first_and_moves_focus_to_main(page, live_site):
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_site + "/om/")
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "({cls: document.activeElement.className,"
            " text: document.activeElement.textContent.trim()})"
        )
        assert focused == {"cls": "skip-link", "text": "Hoppa till huvudinnehållet"}
        box = page.locator(".skip-link").bounding_box()
        assert box is not None and box["y"] >= 0 and box["x"] >= 0  # shown on focus
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main", width
        assert page.url.endswith("#main")


def test_html_lang_follows_the_address(page, live_site):
    for path, lang in [("/", "sv"), ("/om/", "sv"), ("/fi/", "fi"), ("/en/", "en")]:
        page.goto(live_site + path)
        assert page.locator("html").get_attribute("lang") == lang, path


CHROME = {
    "/fi/": {
        "skip": "Siirry pääsisältöön",
        "menu": "Päävalikko",
        "languages": "Kieli",
        "search_label": "Hae sivustolta",
        "search_button": "Hae",
        "footer": "Ota yhteyttä koordinaattoriin",
        "about": "Tietoa sivustosta",
        "statement": "Saavutettavuusseloste",
    },
    "/en/": {
        "skip": "Skip to main content",
        "menu": "Main menu",
        "languages": "Language",
        "search_label": "Search the website",
        "search_button": "Search",
        "footer": "Contact the coordinator",
        "about": "About the website",
        "statement": "Accessibility statement",
    },
}


def test_base_template_is_translated(page, live_site):
    for path, words in CHROME.items():
        _check_translated_chrome(page, live_site + path, words)


def _check_translated_chrome(page, url, words):
    page.goto(url)
    assert page.locator(".skip-link").inner_text() == words["skip"]
    assert page.locator("nav.main-menu").get_attribute("aria-label") == words["menu"]
    assert (
        page.locator("nav.language-switcher").get_attribute("aria-label")
        == words["languages"]
    )
    header_search = page.locator(".site-header form[role=search]")
    assert header_search.locator("label").inner_text() == words["search_label"]
    assert header_search.locator("button").inner_text() == words["search_button"]
    footer = page.locator("footer.site-footer")
    assert footer.locator("#footer-contact").inner_text() == words["footer"]
    assert footer.locator("#footer-links").inner_text() == words["about"]
    assert footer.get_by_role("link", name=words["statement"]).count() == 1
    # The untranslated Swedish content is marked as Swedish for screen readers.
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page.specific
    expected = home.heading or home.title
    assert page.locator('main div[lang="sv"] h1').inner_text() == expected


def test_search_works_without_javascript(browser, live_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        no_js = context.new_page()
        no_js.goto(live_site + "/")
        no_js.locator("#site-search-q").fill("koordinatorn")
        no_js.locator(".site-header form[role=search] button").click()
        no_js.wait_for_load_state()
        assert "/sok/?q=koordinatorn" in no_js.url
        results = no_js.locator("ol.search-results")
        assert results.get_by_role("link", name="Om koordinatorn").count() == 1
    finally:
        context.close()
