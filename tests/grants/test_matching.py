"""Matching open calls on an association's profile (constant queries), in
Min förening, on the home page, and for the newsletter."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coordinator.grants.selectors import matching_calls, upcoming_deadlines


def test_profile_shows_open_calls_that_match(client, make_call, make_association):
    association = make_association(
        terms={"activity_areas": ["kultur"], "target_groups": ["seniorer"]}
    )
    make_call(title="Kulturbidrag", terms={"purposes": ["kultur"]})
    make_call(title="Seniorbidrag", terms={"target_groups": ["seniorer"]})
    make_call(title="Idrottsbidrag", terms={"purposes": ["idrott"]})
    make_call(title="Stängt kulturbidrag", closed=True, terms={"purposes": ["kultur"]})
    make_call(
        title="Kommande kulturbidrag", upcoming=True, terms={"purposes": ["kultur"]}
    )
    titles = [card.page.title for card in matching_calls([association.pk], None)]
    assert sorted(titles) == ["Kulturbidrag", "Seniorbidrag"]
    html = client.get(association.url).content.decode()
    section = html.split('id="bidrag-for-foreningen"', 1)[1].split("</section>", 1)[0]
    assert "Kulturbidrag" in section and "Seniorbidrag" in section
    assert "Idrottsbidrag" not in section and "Stängt" not in section


def test_profile_without_matches_says_so(client, make_association, grants_index):
    association = make_association(terms={"activity_areas": ["hobby"]})
    html = client.get(association.url).content.decode()
    assert "ingen öppen utlysning som passar" in html


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_matching_query_count_does_not_grow(make_call, make_association, language):
    from django.utils import translation

    association = make_association(terms={"activity_areas": ["kultur"]})
    counts = []
    for size in (1, 4):
        for n in range(size):
            make_call(title=f"Kultur {size}-{n}", terms={"purposes": ["kultur"]})
        with translation.override(language):
            matching_calls([association.pk], None)  # warm the locale cache
            with CaptureQueriesContext(connection) as queries:
                cards = matching_calls([association.pk], None, limit=20)
        assert len(cards) == (1 if size == 1 else 5)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_dashboard_lists_matching_and_watched_calls(
    login_client, make_call, make_rep, make_association
):
    association = make_association(terms={"activity_areas": ["kultur"]})
    rep = make_rep(association)
    call = make_call(title="Kulturbidrag", terms={"purposes": ["kultur"]})
    rep_client = login_client(rep)
    html = rep_client.get("/min-forening/").content.decode()
    assert "Kulturbidrag" in html and 'name="action" value="watch"' in html
    rep_client.post(f"{call.url}bevaka/", {"action": "watch", "next": "/min-forening/"})
    html = rep_client.get("/min-forening/").content.decode()
    assert "Utlysningar du bevakar" in html
    detail = rep_client.get(f"/min-forening/{association.pk}/").content.decode()
    assert "Öppna utlysningar som passar föreningen" in detail


def test_home_page_shows_calls_closing_soonest(client, make_call):
    make_call(title="Stänger om två dagar", closing_soon=True)
    make_call(title="Kommande", upcoming=True)
    html = client.get("/").content.decode()
    section = html.split('id="home-grants-heading"', 1)[1].split("</section>", 1)[0]
    assert "Stänger om två dagar" in section and "Kommande" not in section


def test_upcoming_deadlines_for_the_newsletter(make_call):
    from core.demo import translate

    first = make_call(title="Snart", closing_soon=True)
    make_call(title="Senare")
    make_call(title="Stängd", closed=True)
    translate(first, "fi", title="Pian", slug="pian")
    items = upcoming_deadlines(5, "fi")
    assert [item.title for item in items] == ["Pian", "Senare"]
    assert items[0].url.endswith("/fi/bidrag/pian/")
    assert items[1].language == "sv"
    assert items[0].status == "closing_soon"
