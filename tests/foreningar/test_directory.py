"""The public directory at /foreningar/: text search, every filter and
combinations, facet counts, pagination, empty state, bad parameters, one
register in every language."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from foreningar.demo import ensure_vocabulary_translations
from foreningar.selectors import PAGE_SIZE

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [h3.get_text(strip=True) for h3 in soup.select(".association-card h3")]


def links(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [a["href"] for a in soup.select(".association-card h3 a")]


def summary(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one("#directory-results-heading").get_text(strip=True)


def option_text(response, param: str, slug: str) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    option = soup.select_one(f'select[name="{param}"] option[value="{slug}"]')
    return option.get_text(strip=True)


@pytest.fixture
def town(make_association, demo_site):
    """A small register with distinct terms, so each filter narrows it."""
    return {
        "football": make_association(
            title="Norrby Bollklubb",
            short_description="Fotboll för barn och unga.",
            terms={
                "activity_areas": ["idrott"],
                "target_groups": ["barn", "unga"],
                "districts": ["norrby"],
                "languages": ["svenska", "finska"],
            },
            tags=["fotboll"],
            volunteers=True,
        ),
        "choir": make_association(
            title="Hamnens Blandade kör",
            short_description="En glad kör för alla som tycker om att sjunga.",
            terms={
                "activity_areas": ["kultur", "musik-och-kor"],
                "target_groups": ["vuxna"],
                "districts": ["hamnen"],
                "languages": ["svenska"],
            },
        ),
        "seniors": make_association(
            title="Norrby Pensionärsförening",
            short_description="Kaffe, föredrag och utflykter.",
            terms={
                "activity_areas": ["seniorer", "social-verksamhet"],
                "target_groups": ["seniorer"],
                "districts": ["norrby"],
                "languages": ["svenska"],
            },
        ),
        "language_cafe": make_association(
            title="Språkcaféet i Centrum",
            short_description="Språkcafé och läxhjälp för nyanlända.",
            terms={
                "activity_areas": ["integration"],
                "target_groups": ["nyanlanda"],
                "districts": ["centrum"],
                "languages": ["arabiska", "svenska"],
            },
            volunteers=True,
        ),
        "hidden": make_association(
            title="Dolda föreningen",
            short_description="Syns bara för koordinatorn.",
            terms={"activity_areas": ["idrott"], "districts": ["norrby"]},
            unlisted=True,
        ),
    }


def test_unfiltered_lists_every_listed_association_by_name(client, town):
    response = client.get("/foreningar/")
    assert response.status_code == 200
    assert titles(response) == [
        "Hamnens Blandade kör",
        "Norrby Bollklubb",
        "Norrby Pensionärsförening",
        "Språkcaféet i Centrum",
    ]
    assert summary(response) == "4 föreningar i registret"
    assert "Dolda föreningen" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("verksamhet=idrott", ["Norrby Bollklubb"]),
        ("verksamhet=musik-och-kor", ["Hamnens Blandade kör"]),
        ("malgrupp=seniorer", ["Norrby Pensionärsförening"]),
        ("omrade=norrby", ["Norrby Bollklubb", "Norrby Pensionärsförening"]),
        ("sprak=arabiska", ["Språkcaféet i Centrum"]),
        ("sprak=finska", ["Norrby Bollklubb"]),
        ("volontarer=1", ["Norrby Bollklubb", "Språkcaféet i Centrum"]),
    ],
)
def test_each_filter(client, town, query, expected):
    response = client.get(f"/foreningar/?{query}")
    assert titles(response) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("omrade=norrby&malgrupp=seniorer", ["Norrby Pensionärsförening"]),
        ("omrade=norrby&volontarer=1", ["Norrby Bollklubb"]),
        ("sprak=svenska&omrade=hamnen", ["Hamnens Blandade kör"]),
        ("q=kör&omrade=hamnen", ["Hamnens Blandade kör"]),
        ("q=norrby&verksamhet=seniorer", ["Norrby Pensionärsförening"]),
        ("q=norrby&omrade=hamnen", []),
    ],
)
def test_filter_combinations(client, town, query, expected):
    assert titles(client.get(f"/foreningar/?{query}")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bollklubb", ["Norrby Bollklubb"]),  # title
        ("läxhjälp", ["Språkcaféet i Centrum"]),  # short description
        ("fotboll", ["Norrby Bollklubb"]),  # keyword (and description)
        ("norrby", ["Norrby Bollklubb", "Norrby Pensionärsförening"]),
        ("Dolda", []),  # unlisted: not in the directory's search either
    ],
)
def test_text_search(client, town, text, expected):
    response = client.get("/foreningar/", {"q": text})
    assert titles(response) == expected


def test_facet_counts_respect_the_other_filters(client, town):
    response = client.get("/foreningar/?omrade=norrby")
    # Activity areas counted within Norrby only; the hidden one never counts.
    assert option_text(response, "verksamhet", "idrott") == "Idrott och motion (1)"
    assert option_text(response, "verksamhet", "kultur") == "Kultur (0)"
    # A facet ignores its own filter, so other districts stay choosable.
    assert option_text(response, "omrade", "hamnen") == "Hamnen (1)"
    assert option_text(response, "omrade", "norrby") == "Norrby (2)"
    soup = BeautifulSoup(response.content, "html.parser")
    volunteers = soup.select_one('label[for="directory-volunteers"]').get_text()
    assert volunteers.strip() == "Söker volontärer (1)"


def test_selected_filters_stay_selected(client, town):
    response = client.get("/foreningar/?omrade=norrby&q=kaffe&sortering=nyast")
    soup = BeautifulSoup(response.content, "html.parser")
    assert (
        soup.select_one('select[name="omrade"] option[selected]')["value"] == "norrby"
    )
    assert soup.select_one("#directory-q")["value"] == "kaffe"
    assert (
        soup.select_one('select[name="sortering"] option[selected]')["value"] == "nyast"
    )


def test_sorting(client, town, make_association):
    newest = make_association(title="Aaa nyaste föreningen")
    by_name = titles(client.get("/foreningar/?sortering=namn"))
    assert by_name[0] == "Aaa nyaste föreningen"
    by_newest = titles(client.get("/foreningar/?sortering=nyast"))
    assert by_newest[0] == newest.title
    town["choir"].save_revision().publish()
    by_updated = titles(client.get("/foreningar/?sortering=uppdaterad"))
    assert by_updated[0] == "Hamnens Blandade kör"


def test_empty_result_suggests_removing_each_filter(client, town):
    response = client.get("/foreningar/?q=norrby&omrade=hamnen&volontarer=1")
    assert response.status_code == 200
    assert titles(response) == []
    assert summary(response) == "0 föreningar matchar din sökning"
    soup = BeautifulSoup(response.content, "html.parser")
    links = {
        a.get_text(" ", strip=True): a["href"]
        for a in soup.select(".directory-empty a")
    }
    assert links["Ta bort sökordet ”norrby”"] == "?volontarer=1&omrade=hamnen"
    assert links["Ta bort område ”Hamnen”"] == "?q=norrby&volontarer=1"
    assert links["Ta bort filtret ”söker volontärer”"] == "?q=norrby&omrade=hamnen"
    assert links["Ta bort alla filter"] == "/foreningar/"
    # Following a suggestion finds something.
    assert titles(client.get("/foreningar/" + links["Ta bort område ”Hamnen”"]))


def test_pagination_keeps_filters(client, register, demo_site):
    from foreningar.demo import seed_associations

    seed_associations(PAGE_SIZE * 2 + 5, seed=7)
    response = client.get("/foreningar/?sortering=nyast")
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select(".association-card")) == PAGE_SIZE
    pager = soup.select_one("nav.pagination")
    assert pager["aria-label"] == "Välj sida"
    assert pager.select_one('a[aria-current="page"]').get_text(strip=True).endswith("1")
    next_link = pager.select_one('a[rel="next"]')["href"]
    assert "sortering=nyast" in next_link and "page=2" in next_link
    page2 = client.get("/foreningar/" + next_link)
    assert len(titles(page2)) == PAGE_SIZE
    assert not set(links(page2)) & set(links(response))  # names may repeat
    from foreningar.models import AssociationPage

    listed = AssociationPage.objects.listed().count()
    last = client.get("/foreningar/?sortering=nyast&page=3")
    assert len(titles(last)) == listed - 2 * PAGE_SIZE
    assert 'rel="next"' not in last.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=-1",
        "page=0",
        "page=99999",
        "page=99999999999999999999",
        "verksamhet=finns-inte",
        "verksamhet=<script>",
        "omrade=%00",
        "sortering=foo",
        "volontarer=kanske",
        "q=%00%00",
        "q=" + "x" * 5000,
        'q="(*',
        "q=AND OR NOT",
        "q=%22",
        "malgrupp=barn&malgrupp=unga",
        "sprak[]=svenska",
    ],
)
def test_bad_parameters_never_fail(client, town, query):
    response = client.get(f"/foreningar/?{query}")
    assert response.status_code == 200
    assert "<html" in response.content.decode()


def test_unknown_filter_is_dropped_with_a_message(client, town):
    response = client.get("/foreningar/?verksamhet=finns-inte&omrade=norrby")
    assert titles(response) == ["Norrby Bollklubb", "Norrby Pensionärsförening"]
    assert "Filtret för verksamhetsområde känns inte igen" in response.content.decode()


def test_page_beyond_the_end_shows_the_last_page(client, town):
    response = client.get("/foreningar/?page=99999")
    assert len(titles(response)) == 4
    assert "Sidan 99999 finns inte" in response.content.decode()


def test_nul_bytes_and_huge_queries_are_cleaned(client, town):
    response = client.get("/foreningar/", {"q": "fot\x00boll" + " " * 10 + "x" * 500})
    soup = BeautifulSoup(response.content, "html.parser")
    value = soup.select_one("#directory-q")["value"]
    assert "\x00" not in value
    assert len(value) <= 200
    assert "har kortats" in response.content.decode()


def test_finnish_directory_lists_the_same_register_with_finnish_prefix(client, town):
    ensure_vocabulary_translations()
    response = client.get("/fi/foreningar/?omrade=norrby")
    assert response.status_code == 200
    assert titles(response) == ["Norrby Bollklubb", "Norrby Pensionärsförening"]
    soup = BeautifulSoup(response.content, "html.parser")
    hrefs = [a["href"] for a in soup.select(".association-card h3 a")]
    assert hrefs == [
        f"/fi/foreningar/{town['football'].slug}/",
        f"/fi/foreningar/{town['seniors'].slug}/",
    ]
    # Labels from the Finnish vocabulary rows, Swedish content marked as such.
    assert option_text(response, "omrade", "norrby") == "Pohjoiskylä (2)"
    assert soup.select_one(".association-card h3 a")["lang"] == "sv"
    assert soup.select_one(".association-card p")["lang"] == "sv"
    assert soup.select_one("form.directory-filters")["action"] == "/fi/foreningar/"
    # The wrapper does not claim the Finnish interface is Swedish.
    assert soup.select_one("main > div").get("lang") is None
    # Every link back into the register keeps the language.
    assert all(
        href.startswith("/fi/") or href.startswith("?")
        for href in [a["href"] for a in soup.select(".directory a")]
    )


def test_english_directory_falls_back_to_swedish_labels(client, town):
    # No English vocabulary rows: Swedish names are shown.
    response = client.get("/en/foreningar/")
    assert option_text(response, "omrade", "norrby").startswith("Norrby")


def test_translated_register_page_shows_the_same_associations(client, town, register):
    from wagtail.models import Locale

    ensure_vocabulary_translations()
    finnish_home = (
        town["football"]
        .get_parent()
        .get_parent()
        .copy_for_translation(Locale.objects.get(language_code="fi"))
    )
    finnish_home.save_revision().publish()
    finnish_register = register.copy_for_translation(
        Locale.objects.get(language_code="fi")
    )
    finnish_register.title = "Yhdistykset"
    finnish_register.slug = "yhdistykset"
    finnish_register.save_revision().publish()
    response = client.get("/fi/yhdistykset/?omrade=norrby")
    assert response.status_code == 200
    assert titles(response) == ["Norrby Bollklubb", "Norrby Pensionärsförening"]
    href = BeautifulSoup(response.content, "html.parser").select_one(
        ".association-card h3 a"
    )["href"]
    assert href == f"/fi/yhdistykset/{town['football'].slug}/"
    profile = client.get(href)
    assert profile.status_code == 200
    assert "Norrby Bollklubb" in profile.content.decode()


def test_home_page_shows_newest_associations_and_a_search_box(client, town):
    response = client.get("/")
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.select_one(".home-associations")
    assert section.select_one("form")["action"] == "/foreningar/"
    assert section.select_one('input[name="q"]')
    newest = soup.select_one(".home-newest")
    names = [a.get_text(strip=True) for a in newest.select("h3 a")]
    assert names[0] == "Språkcaféet i Centrum"  # the newest listed one
    assert "Dolda föreningen" not in names


def test_csv_link_carries_the_filters(client, town):
    response = client.get("/foreningar/?omrade=norrby&q=kaffe&page=2")
    soup = BeautifulSoup(response.content, "html.parser")
    href = soup.select_one(".directory-results__download a")["href"]
    assert href.startswith("/foreningar/export.csv?")
    assert "omrade=norrby" in href and "q=kaffe" in href and "page=" not in href


# --- query counts ------------------------------------------------------------

DIRECTORY_URLS = [
    "/foreningar/",
    "/foreningar/?verksamhet=idrott&omrade=hamnen&sortering=nyast",
    "/foreningar/?q=kör&volontarer=1&sortering=uppdaterad",
    "/foreningar/?page=2",
    "/fi/foreningar/?sprak=svenska",
]


def _directory_queries(
    client, django_assert_max_num_queries, url: str, limit: int
) -> tuple[int, int]:
    """Queries of a warm request (counts and the rendered list cached) and of
    one right after an edit (the register's cache generation bumped)."""
    from foreningar.caching import REGISTER

    client.get(url)  # warm up: renditions of new logos are created once
    with django_assert_max_num_queries(limit) as warm:
        assert client.get(url).status_code == 200
    REGISTER.bump()
    with django_assert_max_num_queries(limit) as cold:
        assert client.get(url).status_code == 200
    return len(warm.captured_queries), len(cold.captured_queries)


def _own_queries(url: str) -> int:
    """Queries the directory itself runs (facets, count, page, terms, logos),
    without the site chrome every page shares."""
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from foreningar.models import AssociationIndexPage
    from foreningar.views.directory import directory_context

    request = RequestFactory().get(url)
    request._messages = _NoMessages()
    page = AssociationIndexPage.objects.select_related("locale").get(slug="foreningar")
    language = "fi" if url.startswith("/fi/") else "sv"
    with translation.override(language), CaptureQueriesContext(connection) as ctx:
        context = directory_context(request, page)
        list(context["cards"])  # the page of associations is loaded lazily
    return len(ctx.captured_queries)


class _NoMessages:
    def add(self, *args, **kwargs):
        pass


def test_directory_query_count_is_constant_at_5_and_200(
    client, make_association, demo_site, django_assert_max_num_queries
):
    """Five associations that every URL finds (with logos, so each kind of
    query runs), then 195 more: the counts must not change."""
    from wagtail_factories import ImageFactory

    from foreningar.caching import REGISTER
    from foreningar.demo import seed_associations

    for number in range(5):
        make_association(
            title=f"Hamnens kör {number}",
            logo=ImageFactory(),
            volunteers=True,
            terms={
                "activity_areas": ["idrott"],
                "districts": ["hamnen"],
                "languages": ["svenska"],
            },
        )
    # The whole request, site chrome (and its settings) included; a page of
    # few matches takes two narrow queries (the sort keys, then the page's
    # terms) instead of one sort over the register (selectors.directory).
    limit = 14

    counts = {}
    for size in (5, 200):
        if size == 200:
            seed_associations(195, seed=3)
        counts[size] = {}
        for url in DIRECTORY_URLS:
            _own_queries(url)  # warm: the locale ids are cached
            REGISTER.bump()  # count from the database
            own = _own_queries(url)
            assert own <= 12, f"{url}: {own} queries of its own"
            total = _directory_queries(
                client, django_assert_max_num_queries, url, limit
            )
            counts[size][url] = (own, total)
    assert counts[5] == counts[200], counts


def test_facet_labels_are_escaped(client, town):
    from foreningar.models import District

    district = District.objects.get(slug="norrby", locale__language_code="sv")
    district.name = "<b>Norrby</b>"
    district.save()
    html = client.get("/foreningar/").content.decode()
    assert "<b>Norrby</b>" not in html
    assert re.search(r"&lt;b&gt;Norrby&lt;/b&gt;", html)


def test_cached_results_follow_every_public_change(client, town, make_association):
    assert summary(client.get("/foreningar/?omrade=norrby")) == (
        "2 föreningar matchar din sökning"
    )
    new = make_association(title="Norrby Schack", terms={"districts": ["norrby"]})
    # make_association publishes after setting the terms
    assert "Norrby Schack" in titles(client.get("/foreningar/?omrade=norrby"))
    new.listed_publicly = False
    new.save_revision().publish()
    assert "Norrby Schack" not in titles(client.get("/foreningar/?omrade=norrby"))
    town["seniors"].unpublish()
    assert titles(client.get("/foreningar/?omrade=norrby")) == ["Norrby Bollklubb"]
    town["football"].delete()
    assert titles(client.get("/foreningar/?omrade=norrby")) == []
    from foreningar.models import District

    norrby = District.objects.get(slug="norrby", locale__language_code="sv")
    norrby.name = "Norrby by"
    norrby.save()
    assert (
        option_text(client.get("/foreningar/"), "omrade", "norrby") == "Norrby by (0)"
    )
