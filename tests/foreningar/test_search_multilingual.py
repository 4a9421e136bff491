"""Search in the reader's language (issue 11): vocabulary names in Swedish,
Finnish and English, glossary words for free keywords, part-words, and on
PostgreSQL stems in the reader's language; the same in the directory, the
site search and the API; odd input never fails; the home page's example
searches find demo associations in every language."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.utils import translation

from foreningar.models import DirectoryEntry
from foreningar.selectors import search_condition
from foreningar.selectors.search import glossary_words, query_terms, query_words

pytestmark = pytest.mark.django_db

FOOTBALL = "Norrby Bollklubb"
CHOIR = "Kyrkokören i Hamnen"
SENIORS = "Norrby Pensionärsförening"
SCOUTS = "Scoutkåren Sjöbjörnarna"
PREFIXES = ["/foreningar/", "/fi/foreningar/", "/en/foreningar/"]


def titles(response) -> list[str]:
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return sorted(h3.get_text(strip=True) for h3 in soup.select(".association-card h3"))


def site_titles(response) -> list[str]:
    """The register's section of /sok/."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.select_one(".search-section")
    if section is None or not section.select("h3"):
        return []
    return sorted(h3.get_text(strip=True) for h3 in section.select("h3"))


@pytest.fixture
def town(make_association, demo_site):
    return {
        "football": make_association(
            title=FOOTBALL,
            short_description="Barn och unga spelar.",
            terms={"activity_areas": ["idrott"], "target_groups": ["barn"]},
            tags=["fotboll"],
        ),
        "choir": make_association(
            title=CHOIR,
            short_description="Vi sjunger i kyrkan.",
            terms={"activity_areas": ["musik-och-kor"], "target_groups": ["vuxna"]},
        ),
        "seniors": make_association(
            title=SENIORS,
            short_description="Kaffe och utflykter.",
            terms={
                "activity_areas": ["social-verksamhet"],
                "target_groups": ["seniorer"],
            },
        ),
        "scouts": make_association(
            title=SCOUTS,
            short_description="Läger i skogen.",
            terms={"activity_areas": ["barn-och-unga"], "target_groups": ["barn"]},
        ),
    }


WORDS = [
    # Vocabulary names in three languages.
    ("urheilu", [FOOTBALL]),
    ("sports", [FOOTBALL]),
    ("idrott", [FOOTBALL]),
    ("kuoro", [CHOIR]),
    ("choir", [CHOIR]),
    ("seniorit", [SENIORS]),
    ("seniors", [SENIORS]),
    ("seniorer", [SENIORS]),
    # A Swedish keyword through the glossary.
    ("jalkapallo", [FOOTBALL]),
    ("football", [FOOTBALL]),
    ("fotboll", [FOOTBALL]),
    ("jalkapalloa", [FOOTBALL]),  # a Finnish ending on a glossary word
    # Part-words: prefix and inside a compound.
    ("scout", [SCOUTS]),
    ("kör", [CHOIR]),
    ("Kyrkokör", [CHOIR]),
    ("SENIORIT", [SENIORS]),
    # Every word must match.
    ("kuoro hamnen", [CHOIR]),
    ("kuoro norrby", []),
    ("xyzzyplugh", []),
]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_directory_search_in_every_language(client, town, prefix):
    found = {word: titles(client.get(prefix, {"q": word})) for word, _ in WORDS}
    assert found == dict(WORDS)


SITE_WORDS = {
    "urheilu": [FOOTBALL],
    "sports": [FOOTBALL],
    "jalkapallo": [FOOTBALL],
    "football": [FOOTBALL],
    "kuoro": [CHOIR],
    "choir": [CHOIR],
    "seniorit": [SENIORS],
    "seniors": [SENIORS],
    "scout": [SCOUTS],
    "kör": [CHOIR],
}


@pytest.mark.parametrize("prefix", ["/", "/fi/", "/en/"])
def test_site_search_in_every_language(client, town, prefix):
    found = {
        word: site_titles(client.get(f"{prefix}sok/", {"q": word}))
        for word in SITE_WORDS
    }
    assert found == SITE_WORDS


def test_api_search_in_every_language(client, town):
    for word, expected in [
        ("jalkapallo", [FOOTBALL]),
        ("urheilu", [FOOTBALL]),
        ("choir", [CHOIR]),
        ("kör", [CHOIR]),
    ]:
        response = client.get("/api/v2/associations/", {"search": word})
        assert response.status_code == 200
        assert [item["title"] for item in response.json()["items"]] == expected


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stems: PostgreSQL text search"
)
def test_postgresql_matches_stems_in_the_readers_language(client, town):
    """Inflected forms no part-word match finds, by their stem in the
    reader's language (PostgreSQL's finnish, english, swedish stemmers)."""
    assert query_terms("kuoroja", "fi")[0][0] == "kuoro"
    assert query_terms("kuoroja", "sv")[0][0] != "kuoro"  # Swedish rules
    cases = [
        ("/fi/foreningar/", "kuoroja", [CHOIR]),  # kuorot → kuoro
        ("/en/foreningar/", "sporting", [FOOTBALL]),  # sports → sport
        ("/foreningar/", "seniorerna", [SENIORS]),  # seniorer → senior
    ]
    for prefix, word, expected in cases:
        assert titles(client.get(prefix, {"q": word})) == expected, word


def test_a_finnish_word_searched_in_swedish_needs_the_part_word(client, town):
    """Stemming follows the reader's language; part-words match for all."""
    assert titles(client.get("/fi/foreningar/", {"q": "kuoro"})) == [CHOIR]
    assert titles(client.get("/foreningar/", {"q": "kuoro"})) == [CHOIR]


ODD = [
    '"',
    "'",
    "''",
    '"kör',
    "kör'",
    "*",
    "kör*",
    ":",
    "kör:*",
    "&",
    "kör & seniorer",
    "|",
    "kör | seniorer",
    "!",
    "!kör",
    "(",
    "(kör",
    "kör)",
    "\x00",
    "kö\x00r",
    "\x1b[31m",
    "<->",
    "kör <-> hamnen",
    "\\",
    "%",
    "_",
    "a",
    "-",
    "--kör--",
    "kör-",
    "x" * 300,
    "k" + "ö" * 199,
    "🎶 kör",
    "ｋöｒ",
    "NOT kör",
    "OR",
]


@pytest.fixture
def one(make_association):
    return make_association(title=CHOIR, terms={"activity_areas": ["musik-och-kor"]})


@pytest.mark.parametrize("text", ODD)
def test_odd_input_never_fails_the_query(one, text):
    # The condition itself, in every reader's language (one statement each,
    # so a database error would fail here, not in a later query).
    for language in ("sv", "fi", "en"):
        with translation.override(language):
            list(DirectoryEntry.objects.filter(search_condition(text)))


def test_odd_input_never_fails_a_page(client, town):
    for text in ODD:
        for path in ["/foreningar/", "/fi/foreningar/", "/en/sok/"]:
            assert client.get(path, {"q": text}).status_code == 200, (path, text)
        response = client.get("/api/v2/associations/", {"search": text})
        assert response.status_code in (200, 400), text


@pytest.mark.parametrize(
    ("text", "found"),
    [('"kör"', [CHOIR]), ("kör*", [CHOIR]), ("(kuoro)", [CHOIR]), ("!choir", [CHOIR])],
)
def test_operators_are_ignored_not_obeyed(client, town, text, found):
    assert titles(client.get("/foreningar/", {"q": text})) == found


def test_query_words_are_letters_and_digits_only():
    assert query_words('a\' & b | !cd :* (ef) <-> gh\x00ij "kör" by-och') == [
        "cd",
        "ef",
        "ghij",  # NUL dropped (the views make control characters spaces)
        "kör",
        "by-och",
    ]
    for terms in query_terms("a' & b | !c :* (d) <-> e\x00f"):
        for word in terms:
            assert all(ch.isalnum() or ch == "-" for ch in word)


def test_glossary_groups():
    assert {"fotboll", "football"} <= set(glossary_words("jalkapallo"))
    assert {"fotboll", "football"} <= set(glossary_words("jalkapalloa"))
    assert {"kör", "kuoro"} <= set(glossary_words("choirs"))
    assert glossary_words("norrby") == ()
    # A glossary word the typed word contains adds nothing: "kör" is in
    # everything "körer" would find, but not the other way round.
    assert query_terms("kuoro")[0][0] == "kuoro"


def test_search_condition_is_a_subquery_not_a_list_of_ids(town):
    condition = search_condition("kör", register_id=town["choir"].get_parent().pk)
    sql = str(DirectoryEntry.objects.filter(condition).query)
    assert '"association_id" IN (SELECT' in sql


def test_cached_counts_replayed_after_a_change_match_a_fresh_count(
    client, town, make_association
):
    """A search's facet counts are cached and corrected from the change log:
    a new association found only through the glossary (or a stem) counts."""
    url = "/fi/foreningar/"
    before = client.get(url, {"q": "jalkapallo"})
    assert titles(before) == [FOOTBALL]
    make_association(
        title="Hamnens IF",
        short_description="Pelaamme.",
        terms={"activity_areas": ["idrott"], "target_groups": ["unga"]},
        tags=["fotboll"],
    )
    replayed = client.get(url, {"q": "jalkapallo"})
    assert titles(replayed) == sorted([FOOTBALL, "Hamnens IF"])
    heading = BeautifulSoup(replayed.content, "html.parser").select_one(
        "#directory-results-heading"
    )
    assert "2" in heading.get_text()


def test_home_example_searches_find_demo_associations(client, demo_site):
    """Each example search on the home page, in each language, finds some of
    the demo register (as ``make demo`` seeds it)."""
    from foreningar.demo import seed_associations
    from foreningar.demo.data import DEFAULT_DEMO_COUNT

    seed_associations(DEFAULT_DEMO_COUNT)
    seen = {}
    for home in ["/", "/fi/", "/en/"]:
        soup = BeautifulSoup(client.get(home).content, "html.parser")
        links = soup.select(".home-associations__examples a")
        assert len(links) == 3, home
        for link in links:
            found = titles(client.get(link["href"]))
            assert found, (home, link.get_text())
            seen[(home, link.get_text())] = len(found)
    words = {word for _home, word in seen}
    assert {"fotboll", "jalkapallo", "football", "kuoro", "choir"} <= words
