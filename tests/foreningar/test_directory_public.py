"""Issue 12's directory points: an association serving the whole town (or
everyone) matches every filter of its facet, the "no filter" options are
named per facet, cards show every vocabulary, and an empty result offers no
CSV download."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.foreningar.test_directory import option_text, summary, titles


def _whole_town(make_association):
    return make_association(
        title="Kommunens Idrottsförening",
        terms={
            "activity_areas": ["idrott"],
            "target_groups": ["barn"],
            "districts": ["hela-kommunen"],
            "languages": ["svenska"],
        },
    )


def test_whole_town_association_matches_every_area_filter(
    client, demo_site, make_association
):
    _whole_town(make_association)
    make_association(
        title="Norrby Schack",
        terms={"activity_areas": ["idrott"], "districts": ["norrby"]},
    )
    for area in ("norrby", "hamnen", "centrum", "landsbygden", "hela-kommunen"):
        url = f"/foreningar/?verksamhet=idrott&malgrupp=barn&omrade={area}"
        assert "Kommunens Idrottsförening" in titles(client.get(url)), area
    # A district's own associations are still told apart from others'.
    found = titles(client.get("/foreningar/?omrade=hamnen"))
    assert found == ["Kommunens Idrottsförening"]
    # The option's count says what choosing it shows.
    response = client.get("/foreningar/")
    assert option_text(response, "omrade", "norrby") == "Norrby (2)"
    assert option_text(response, "omrade", "hamnen") == "Hamnen (1)"


def test_everyone_target_group_matches_every_target_group(
    client, demo_site, make_association
):
    make_association(title="Öppna kören", terms={"target_groups": ["alla"]})
    make_association(title="Ungdomskören", terms={"target_groups": ["unga"]})
    assert titles(client.get("/foreningar/?malgrupp=seniorer")) == ["Öppna kören"]
    assert sorted(titles(client.get("/foreningar/?malgrupp=unga"))) == [
        "Ungdomskören",
        "Öppna kören",
    ]


def test_no_filter_options_are_named_once(client, demo_site, make_association):
    _whole_town(make_association)
    soup = BeautifulSoup(client.get("/foreningar/").content, "html.parser")
    groups = [o.get_text(strip=True) for o in soup.select('[name="malgrupp"] option')]
    assert groups[0] == "Alla målgrupper"
    assert sum(1 for text in groups if text.startswith("Alla")) == 2  # + "Alla (n)"
    assert groups.count("Alla målgrupper") == 1


def test_card_shows_area_groups_and_languages_and_a_placeholder_logo(
    client, demo_site, make_association
):
    _whole_town(make_association)
    soup = BeautifulSoup(client.get("/foreningar/").content, "html.parser")
    card = soup.select_one(".association-card")
    facts = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
        for dt in card.select("dt")
    }
    assert facts == {
        "Verksamhet:": "Idrott och motion",
        "Område:": "Hela kommunen",
        "För:": "Barn",
        "Språk:": "Svenska",
    }
    assert card.select_one("img") is None  # no logo: no broken image
    assert card.select_one(".association-card__initial").get_text() == "K"
    assert card.select_one("h3 a.card__link")


def test_empty_result_has_no_csv_link_and_count_is_on_top(
    client, demo_site, make_association
):
    _whole_town(make_association)
    response = client.get("/foreningar/?q=finnsintenagonstans")
    soup = BeautifulSoup(response.content, "html.parser")
    assert summary(response) == "0 föreningar matchar din sökning"
    assert soup.select_one(".directory-results__download") is None
    assert soup.select_one(".directory-summary__skip") is None
    response = client.get("/foreningar/")
    soup = BeautifulSoup(response.content, "html.parser")
    top = soup.select_one(".directory-summary")
    assert top.get_text(" ", strip=True).startswith("1 förening i registret")
    assert top.select_one("a")["href"] == "#directory-results-heading"
    assert soup.select_one(".directory-results__download a")


def test_filters_sit_in_a_disclosure_open_when_filtered(
    client, demo_site, make_association
):
    _whole_town(make_association)
    soup = BeautifulSoup(client.get("/foreningar/").content, "html.parser")
    assert not soup.select_one("details.filter-disclosure").has_attr("open")
    soup = BeautifulSoup(
        client.get("/foreningar/?omrade=norrby").content, "html.parser"
    )
    assert soup.select_one("details.filter-disclosure").has_attr("open")
