"""A resident's whole journey in one language, in a browser (issue 11, done
when 1), shared by test_journey_fi.py and test_journey_en.py:

home → the register by its link → a filter → a search word in the reader's
language → the profile → the registration form (an error on the way) → the
emailed confirmation link → the representative area by an emailed login link.

On every page: ``<html lang>`` is the reader's language, no Swedish interface
text outside elements marked ``lang="sv"`` (tests/catalogs.py: the msgids of
the reader's catalog whose translation differs), and axe-core finds nothing
at 1280 and 320 px (without horizontal scroll at 320 px). Every email: in the
reader's language, HTML and text, links under the reader's prefix.

Links are followed where the site has them; addresses are computed from the
pages (``core.i18n.page_url_in``) where it has none, so the journey keeps
working when pages get translated slugs.

The search step uses a word from the association's own Finnish/English short
description, which the directory's search text includes. Once the search in
the reader's language matches vocabulary labels (issue 11's search part),
``SEARCH_WORD`` can become a vocabulary word ("jalkapallo", "football").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core import mail
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect

from tests.catalogs import (
    assert_email_in_language,
    assert_no_swedish,
    text_in_language,
)
from tests.e2e.helpers import (
    NARROW,
    VIEWPORT_HEIGHT,
    WIDTHS,
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
)
from tests.helpers import links_in, path_of


@dataclass(frozen=True)
class Words:
    """What the reader types, in their language."""

    short_description: str
    search_word: str
    registration_title: str
    registration_privacy: str


WORDS = {
    "fi": Words(
        # The search word is not in the text: it finds the Swedish keyword
        # "fotboll" through the glossary (issue 11's search in any language).
        short_description="Pallopelejä lapsille ja nuorille Norrbyssä.",
        search_word="jalkapallo",
        registration_title="Rekisteröi yhdistyksesi",
        registration_privacy=(
            "<p>Kunta käsittelee nimeäsi ja sähköpostiosoitettasi, jotta voimme "
            "ottaa sinuun yhteyttä.</p>"
        ),
    ),
    "en": Words(
        short_description="Ball games for children and young people in Norrby.",
        search_word="football",
        registration_title="Register your association",
        registration_privacy=(
            "<p>The town uses your name and email address to contact you about "
            "the registration.</p>"
        ),
    ),
}


def _(language: str, msgid: str) -> str:
    with translation.override(language):
        return translation.gettext(msgid)


def check_here(page: Page, language: str, label: str) -> None:
    """The page as it is now (also the answer to a POST): language, no
    Swedish interface text, axe at both widths, reflow at 320 px."""
    assert page.locator("html").get_attribute("lang") == language, label
    assert_no_swedish(text_in_language(page.content(), language), language, label)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": VIEWPORT_HEIGHT})
        assert_no_axe_violations(page, f"{label} at {width} px")
        if width <= NARROW:
            assert_no_horizontal_scroll(page, width, f"{label} at {width} px")
    page.set_viewport_size({"width": WIDTHS[0], "height": VIEWPORT_HEIGHT})


def _local(base: str, url: str) -> str:
    return base + path_of(url)


def make_journey_content(language: str) -> dict:
    """An association to find and the registration page translated into the
    reader's language, as ``seed_demo`` translates it."""
    from wagtail.models import Site

    from core.demo import translate
    from core.i18n import page_url_in
    from foreningar.demo import ensure_register_page
    from foreningar.factories import AssociationPageFactory
    from foreningar.models import AssociationRegistrationPage
    from home.demo import current_town, texts

    words = WORDS[language]
    # The home page in the reader's language, as seed_demo writes it (the
    # registration page's translation below would otherwise copy the
    # Swedish home to make its parent).
    home = Site.objects.get(is_default_site=True).root_page.specific
    home_text = texts.home(language, current_town())
    translate(
        home,
        language,
        title=home_text["title"],
        slug=texts.SLUGS["home"][language],
        intro=home_text["intro"],
    )
    register = ensure_register_page()
    association = AssociationPageFactory(
        parent=register,
        title="Norrby Bollklubb",
        slug="norrby-bollklubb",
        short_description="Fotboll för barn och unga i Norrby.",
        **{f"short_description_{language}": words.short_description},
        terms={"activity_areas": ["idrott"], "districts": ["norrby"]},
        tags=["fotboll"],
    )
    registration = AssociationRegistrationPage.objects.child_of(register).get()
    translate(
        registration,
        language,
        title=words.registration_title,
        slug=registration.slug,
        intro="",
        privacy_text=words.registration_privacy,
        privacy_version=f"2026-12-01-{language}",
        thank_you_text="",
    )
    return {
        "association": association,
        "register_url": page_url_in(register, language),
        "registration_url": page_url_in(registration, language),
    }


def run_journey(browser, page: Page, base: str, language: str) -> None:
    words = WORDS[language]
    content = make_journey_content(language)
    mail.outbox = []

    # Home, then the register through its link.
    page.goto(f"{base}/{language}/")
    check_here(page, language, "home")
    page.locator(f'a[href="{content["register_url"]}"]').first.click()
    check_here(page, language, "directory")

    # A filter, by its label in the reader's language.
    district = page.locator('select[name="omrade"]')
    district.select_option(value="norrby")
    page.locator("form.directory-filters button[type=submit]").first.click()
    expect(page.locator(".association-card h3 a")).to_have_text(["Norrby Bollklubb"])
    check_here(page, language, "filtered directory")

    # A search word in the reader's language.
    page.locator("#directory-q").fill(words.search_word)
    page.locator('select[name="omrade"]').select_option(value="")
    page.locator("form.directory-filters button[type=submit]").first.click()
    card = page.locator(".association-card").filter(has_text="Norrby Bollklubb")
    expect(card).to_contain_text(words.short_description)
    check_here(page, language, "search results")

    # The profile.
    card.locator("h3 a").click()
    expect(page.locator(".profile .lead")).to_have_text(words.short_description)
    check_here(page, language, "profile")

    # Registration, with an error on the way.
    page.goto(base + content["registration_url"])
    expect(page.locator("h1")).to_have_text(words.registration_title)
    check_here(page, language, "registration form")
    page.locator("#id_short_description").fill(words.short_description)
    page.locator("#id_town").fill("Norrby")
    page.locator("#id_applicant_name").fill("Aino Virtanen")
    page.locator("#id_applicant_email").fill("aino@example.org")
    page.locator("#id_applicant_role").fill(_(language, "Ordförande"))
    page.locator("#id_consent").check()
    submit = _(language, "Skicka registreringen")
    page.get_by_role("button", name=submit).click()
    expect(page.locator(".error-summary")).to_be_visible()
    check_here(page, language, "registration form with an error")
    page.locator("#id_title").fill("Norrbyn Shakkikerho")
    page.locator("#id_consent").check()
    page.get_by_role("button", name=submit).click()
    expect(page.locator("h1")).to_have_text(_(language, "Kolla din e-post"))
    check_here(page, language, "check your email")

    # The confirmation email, and its link.
    (verify,) = mail.outbox
    assert_email_in_language(verify, language, "verification email")
    confirm = next(u for u in links_in(verify) if "/bekrafta/" in u)
    page.goto(_local(base, confirm))
    check_here(page, language, "confirm page")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert re.search(rf"/{language}/.+/klart/$", page.url), page.url
    check_here(page, language, "registration confirmed")

    # Log in to Min förening with an emailed link, in a fresh browser.
    context = browser.new_context(
        viewport={"width": WIDTHS[0], "height": VIEWPORT_HEIGHT}, locale=language
    )
    fresh = context.new_page()
    try:
        fresh.goto(base + content["registration_url"])
        with translation.override(language):
            login_url = reverse("foreningar_selfservice:login")
        fresh.locator(f'main a[href="{login_url}"]').first.click()
        check_here(fresh, language, "login form")
        mail.outbox = []
        fresh.locator("#id_email").fill("aino@example.org")
        fresh.locator("main form button[type=submit]").first.click()
        fresh.wait_for_load_state()
        check_here(fresh, language, "login link sent")
        (login_mail,) = mail.outbox
        assert_email_in_language(login_mail, language, "login email")
        link = next(u for u in links_in(login_mail) if "/logga-in/" in u)
        fresh.goto(_local(base, link))
        check_here(fresh, language, "login confirmation")
        fresh.locator("main form button[type=submit]").click()
        fresh.wait_for_load_state()
        assert f"/{language}/min-forening/" in fresh.url, fresh.url
        expect(fresh.locator("main")).to_contain_text("Norrbyn Shakkikerho")
        check_here(fresh, language, "Min förening")
    finally:
        context.close()
