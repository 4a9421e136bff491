"""A reader of Finnish or English stays in their language: a notice on pages
that exist only in Swedish, ``lang`` only on the Swedish parts, hreflang
alternates, the language switcher and breadcrumbs (issue 11)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from core.demo import translate, upsert_child
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def soup(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def pages(demo_site):
    about = demo_site["about"]
    about_fi = translate(about, "fi", title="Tietoa koordinaattorista", slug="tietoa")
    contact = upsert_child(
        about, StandardPage, "kontakt", title="Kontakta oss", intro="Ring oss."
    )
    return {"about": about, "about_fi": about_fi, "contact": contact}


def test_an_untranslated_page_says_so_in_the_readers_language(client, pages):
    html = soup(client, "/fi/dataskydd/")
    notice = html.select_one(".notice--language")
    assert notice.get_text(strip=True) == "Tämä sivu on vain ruotsiksi."
    assert notice.find_parent(attrs={"lang": "sv"}) is None
    # The Swedish text is marked; the main wrapper (Finnish interface) is not.
    main = html.select_one("main")
    assert not main.find_all("div", recursive=False, attrs={"lang": True})
    article = html.select_one("article")
    assert article["lang"] == "sv"
    assert html.html["lang"] == "fi"
    english = soup(client, "/en/dataskydd/").select_one(".notice--language")
    assert english.get_text(strip=True) == "This page is only available in Swedish."
    assert not soup(client, "/dataskydd/").select(".notice--language")
    assert not soup(client, "/fi/tietoa/").select(".notice--language")


def test_the_accessibility_statement_keeps_finnish_headings_unmarked(client, pages):
    html = soup(client, "/fi/tillganglighet/")
    heading = html.find("h2", string="Tillsyn") or html.select("main h2")[0]
    assert heading.find_parent(attrs={"lang": "sv"}) is None
    assert html.select_one("main h1")["lang"] == "sv"


def test_every_page_has_hreflang_alternates(client, pages):
    html = soup(client, "/om/")
    alternates = {
        link["hreflang"]: link["href"]
        for link in html.select('link[rel="alternate"][hreflang]')
    }
    assert alternates["sv"].endswith("/om/")
    assert alternates["fi"].endswith("/fi/tietoa/")
    assert alternates["x-default"] == alternates["sv"]
    assert "en" not in alternates  # no English translation to point at
    search = soup(client, "/fi/sok/")
    assert {link["hreflang"] for link in search.select('link[rel="alternate"]')} >= {
        "sv",
        "fi",
        "en",
        "x-default",
    }


def test_the_switcher_goes_to_the_translation_or_its_nearest_ancestor(client, pages):
    switcher = soup(client, "/om/").select_one(".language-switcher")
    assert switcher.select_one('a[hreflang="fi"]')["href"] == "/fi/tietoa/"
    # A page without a Finnish version: its nearest translated ancestor.
    switcher = soup(client, "/om/kontakt/").select_one(".language-switcher")
    assert switcher.select_one('a[hreflang="fi"]')["href"] == "/fi/tietoa/"


def test_breadcrumbs_link_within_the_readers_language(client, pages):
    html = soup(client, "/fi/om/kontakt/")
    crumbs = html.select(".breadcrumbs a")
    hrefs = [a["href"] for a in crumbs]
    assert "/fi/tietoa/" in hrefs
    assert all(href.startswith("/fi/") for href in hrefs)
    current = html.select_one('.breadcrumbs a[aria-current="page"]')
    assert current["lang"] == "sv"
